/** The branches function's routes. */
import * as z from 'zod';
import { Role } from '../constants';
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
import { defineRoutes } from './define';

export const branchesRoutes = defineRoutes({
  profile: {
    method: 'GET',
    path: '/branches/{id}/profile',
    access: 'user',
    params: IdParams,
    reply: BranchProfileResponse,
  },
  record: {
    method: 'PUT',
    path: '/branches/{id}/roster/{userId}',
    access: [Role.SECRETARY, Role.COORDINATOR],
    params: RosterParams,
    body: RosterEntryInput,
    reply: BranchProfileResponse,
  },
  notes: {
    method: 'PUT',
    path: '/branches/{id}/notes',
    access: [Role.SECRETARY, Role.COORDINATOR],
    params: IdParams,
    body: BranchNotesInput,
    reply: BranchProfileResponse,
  },
  themes: {
    method: 'GET',
    path: '/themes',
    access: 'user',
    reply: ThemeList,
  },
  addTheme: {
    method: 'POST',
    path: '/themes',
    access: [Role.COORDINATOR],
    body: ThemeInput,
    reply: z.object({ theme: Theme }),
    status: 201,
  },
  modules: {
    method: 'GET',
    path: '/plan-modules',
    access: 'user',
    reply: PlanModuleList,
  },
  addModule: {
    method: 'POST',
    path: '/plan-modules',
    access: [Role.COORDINATOR],
    body: PlanModuleInput,
    reply: z.object({ module: PlanModuleRecord }),
    status: 201,
  },
  propose: {
    method: 'POST',
    path: '/branches/{id}/plan-proposals',
    access: [Role.SECRETARY, Role.COORDINATOR],
    params: IdParams,
    body: PlanRequest,
    reply: PlanProposal,
  },
});
