/** The branches function's routes. */
import * as z from 'zod';
import {
  BranchNotesInput,
  BranchProfileResponse,
  IdParams,
  PlanModuleInput,
  PlanModuleList,
  PlanModuleRecord,
  PlanProposal,
  PlanRequest,
  RosterEntryInput,
  RosterParams,
  ThemeInput,
  Theme,
  ThemeList,
} from '../schemas';
import { BRANCH_STAFF, COORDINATORS } from './access';
import { GET, POST, PUT, defineRoutes } from './define';

export const branchesRoutes = defineRoutes({
  profile: GET('/branches/{id}/profile', 'user', { params: IdParams, reply: BranchProfileResponse }),
  record: PUT('/branches/{id}/roster/{userId}', BRANCH_STAFF, {
    params: RosterParams,
    body: RosterEntryInput,
    reply: BranchProfileResponse,
  }),
  notes: PUT('/branches/{id}/notes', BRANCH_STAFF, { params: IdParams, body: BranchNotesInput, reply: BranchProfileResponse }),
  themes: GET('/themes', 'user', { reply: ThemeList }),
  addTheme: POST('/themes', COORDINATORS, { body: ThemeInput, reply: z.object({ theme: Theme }), status: 201 }),
  modules: GET('/plan-modules', 'user', { reply: PlanModuleList }),
  addModule: POST('/plan-modules', COORDINATORS, { body: PlanModuleInput, reply: z.object({ module: PlanModuleRecord }), status: 201 }),
  propose: POST('/branches/{id}/plan-proposals', BRANCH_STAFF, { params: IdParams, body: PlanRequest, reply: PlanProposal }),
});
