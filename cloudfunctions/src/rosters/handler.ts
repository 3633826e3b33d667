/** Roster import routes: the Excel template, the upload, the preview and the commit, and the branch's import list. */
import { XLSX_TYPE } from '@hele/shared';
import { rostersRoutes } from '@hele/shared/contract/rosters';
import { env } from '../lib/config';
import { createHttpHandler, download } from '../lib/http';
import { mediaStorage } from '../lib/storage';
import { rosterRepository } from './repository';
import { createRosterService, type RosterService } from './service';

let service: RosterService | undefined;
const rosters = (): RosterService =>
  (service ??= createRosterService({ rosters: rosterRepository, media: mediaStorage(env().MEDIA_BUCKET) }));

export const handler = createHttpHandler(rostersRoutes, {
  template: async ({ params, caller }) => {
    const { bytes, branchName } = await rosters().template(params.id, caller);
    return download(bytes, XLSX_TYPE, `${branchName}-党员名册模板.xlsx`);
  },
  upload: async ({ params, caller }) => ({ upload: await rosters().upload(params.id, caller) }),
  preview: async ({ params, body, caller }) => ({ import: await rosters().preview(params.id, body, caller) }),
  commit: async ({ params, caller }) => ({ import: await rosters().commit(params.id, params.importId, caller) }),
  people: async ({ params, query, caller }) => await rosters().people(params.id, query.status, caller),
  removePerson: async ({ params, caller }) => await rosters().removePerson(params.id, params.personId, caller),
});
