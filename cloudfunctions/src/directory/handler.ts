/** Directory routes: branches, their secretaries, invitations and memberships. */
import { directoryRoutes } from '@hele/shared/contract/directory';
import { env } from '../lib/config';
import { createHttpHandler, download } from '../lib/http';
import { inviteImageSource } from './invite-image';
import { directoryRepository } from './repository';
import { createDirectoryService } from './service';

const directory = createDirectoryService({ directory: directoryRepository, inviteImage: (invite) => inviteImageSource(env())(invite) });

export const handler = createHttpHandler(directoryRoutes, {
  create: async ({ body, caller }) => ({ branch: await directory.create(body, caller) }),
  list: async ({ query }) => await directory.list(query),
  get: async ({ params }) => ({ branch: await directory.get(params.id) }),
  update: async ({ params, body }) => ({ branch: await directory.update(params.id, body) }),
  setSecretary: async ({ params, body, caller }) => ({ branch: await directory.setSecretary(params.id, body.userId, caller) }),
  invite: async ({ params, body, caller }) => ({ invite: await directory.invite(params.id, body, caller) }),
  invites: async ({ params, caller }) => await directory.invites(params.id, caller),
  withdrawInvite: async ({ params, caller }) => ({ invite: await directory.withdrawInvite(params.id, params.code, caller) }),
  inviteImage: async ({ params, caller }) =>
    download(await directory.inviteImage(params.id, params.code, caller), 'image/png', `邀请码-${params.code}.png`),
  previewInvite: async ({ params }) => ({ invite: await directory.preview(params.code) }),
  accept: async ({ params, caller }) => ({ membership: await directory.accept(params.code, caller) }),
  members: async ({ params, query, caller }) => await directory.members(params.id, query.status, caller),
  approve: async ({ params, caller }) => ({ membership: await directory.approve(params.id, params.userId, caller) }),
  release: async ({ params, caller }) => ({ membership: await directory.release(params.id, params.userId, caller) }),
  remove: async ({ params, caller }) => await directory.remove(params.id, params.userId, caller),
});
