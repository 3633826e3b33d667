/** 一支部一方案 routes: a branch's profile and roster, its notes, the module library, plan proposals. */

import { createHttpHandler } from '../lib/http';
import { branchRepository } from './repository';
import { createBranchService } from './service';
import { branchesRoutes } from '@hele/shared/contract/branches';

const branches = createBranchService({ branches: branchRepository });

export const handler = createHttpHandler(branchesRoutes, {
  profile: async ({ params, caller }) => await branches.profile(params.id, caller),
  record: async ({ params, body, caller }) => await branches.putMember(params.id, params.userId, body, caller),
  notes: async ({ params, body, caller }) => await branches.putNotes(params.id, body, caller),
  themes: async () => await branches.themes(),
  addTheme: async ({ body }) => ({ theme: await branches.addTheme(body) }),
  modules: async () => await branches.modules(),
  addModule: async ({ body }) => ({ module: await branches.addModule(body) }),
  propose: async ({ params, body, caller }) => await branches.propose(params.id, body, caller),
});
