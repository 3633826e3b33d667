/** 一支部一方案 routes: a branch's profile and roster, its notes, the module library, plan proposals. */
import { BranchNotesInput, IdParams, PlanModuleInput, PlanRequest, Role, RosterEntryInput, RosterParams, ThemeInput } from '@hele/shared';
import { createHttpHandler, created, ok, route } from '../lib/http';
import { branchRepository } from './repository';
import { createBranchService } from './service';

const branches = createBranchService({ branches: branchRepository });

export const handler = createHttpHandler({
  'GET /branches/{id}/profile': route({ access: 'user', params: IdParams, handle: async ({ params, caller }) => ok(await branches.profile(params.id, caller)) }),
  'PUT /branches/{id}/roster/{userId}': route({
    access: [Role.SECRETARY, Role.COORDINATOR],
    params: RosterParams,
    body: RosterEntryInput,
    handle: async ({ params, body, caller }) => ok(await branches.putMember(params.id, params.userId, body, caller)),
  }),
  'PUT /branches/{id}/notes': route({
    access: [Role.SECRETARY, Role.COORDINATOR],
    params: IdParams,
    body: BranchNotesInput,
    handle: async ({ params, body, caller }) => ok(await branches.putNotes(params.id, body, caller)),
  }),
  'GET /themes': route({ access: 'user', handle: async () => ok(await branches.themes()) }),
  'POST /themes': route({ access: [Role.COORDINATOR], body: ThemeInput, handle: async ({ body }) => created({ theme: await branches.addTheme(body) }) }),
  'GET /plan-modules': route({ access: 'user', handle: async () => ok(await branches.modules()) }),
  'POST /plan-modules': route({ access: [Role.COORDINATOR], body: PlanModuleInput, handle: async ({ body }) => created({ module: await branches.addModule(body) }) }),
  'POST /branches/{id}/plan-proposals': route({
    access: [Role.SECRETARY, Role.COORDINATOR],
    params: IdParams,
    body: PlanRequest,
    handle: async ({ params, body, caller }) => ok(await branches.propose(params.id, body, caller)),
  }),
});
