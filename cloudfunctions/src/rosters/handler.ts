/** Roster import routes that need no workbook: the upload, the commit, and the branch's import list (workbooks-handler.ts: the rest). */
import { rostersRoutes } from '@hele/shared/contract/rosters';
import { env } from '../lib/config';
import { createHttpHandler } from '../lib/http';
import { mediaStorage } from '../lib/storage';
import { rosterRepository } from './repository';
import { createRosterService, type RosterService } from './service';

let service: RosterService | undefined;
const rosters = (): RosterService =>
  (service ??= createRosterService({ rosters: rosterRepository, media: mediaStorage(env().MEDIA_BUCKET) }));

export const handler = createHttpHandler(rostersRoutes, {
  upload: async ({ params, caller }) => ({ upload: await rosters().upload(params.id, caller) }),
  commit: async ({ params, caller }) => ({ import: await rosters().commit(params.id, params.importId, caller) }),
  people: async ({ params, query, caller }) => await rosters().people(params.id, query.status, caller),
  removePerson: async ({ params, caller }) => await rosters().removePerson(params.id, params.personId, caller),
});
