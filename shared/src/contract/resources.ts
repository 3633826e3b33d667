/** The resources function's routes. */
import * as z from 'zod';
import {
  Allocation,
  AllocationList,
  AllocationRequest,
  Case,
  CaseDetail,
  CaseFormParams,
  CaseInput,
  CaseLogRequest,
  CaseMoveRequest,
  CasePage,
  CaseQuery,
  IdParams,
  ListQuery,
  MyNeed,
  MyNeedList,
  MyResources,
  RaiseNeedRequest,
  Offer,
  OfferInput,
  OfferPage,
  OfferQuery,
  Project,
  ProjectInput,
  ProjectList,
  Provider,
  ProviderInput,
  ProviderPage,
  ResourceDirectory,
} from '../schemas';
import { COORDINATORS } from './access';
import { GET, POST, PUT, defineRoutes } from './define';

/** The replies that several routes share. */
const CaseReply = z.object({ case: Case });
const MyNeedReply = z.object({ need: MyNeed });
const ProviderReply = z.object({ provider: Provider });

export const resourcesRoutes = defineRoutes({
  registerProvider: POST('/providers', 'user', { body: ProviderInput, reply: ProviderReply, status: 201 }),
  providers: GET('/providers', COORDINATORS, { query: ListQuery, reply: ProviderPage }),
  verifyProvider: POST('/providers/{id}/verification', COORDINATORS, { params: IdParams, reply: ProviderReply }),
  offer: POST('/offers', 'user', { body: OfferInput, reply: z.object({ offer: Offer }), status: 201 }),
  offers: GET('/offers', COORDINATORS, { query: OfferQuery, reply: OfferPage }),
  directory: GET('/resource-directory', 'user', {
    reply: ResourceDirectory,
    summary: 'Verified providers and what they offer, for any member (no contacts)',
  }),
  mine: GET('/me/resources', 'user', { reply: MyResources }),
  allocationsOf: GET('/offers/{id}/allocations', 'user', { params: IdParams, reply: AllocationList }),
  addProject: POST('/projects', COORDINATORS, { body: ProjectInput, reply: z.object({ project: Project }), status: 201 }),
  projects: GET('/projects', 'user', { reply: ProjectList }),
  /** 提出需求: anyone signed in raises a need; it enters 需求评估 marked 居民提出. */
  raiseNeed: POST('/me/needs', 'user', { body: RaiseNeedRequest, reply: MyNeedReply, status: 201 }),
  /** The needs the caller raised, newest first, with where each stands. */
  myNeeds: GET('/me/needs', 'user', { reply: MyNeedList }),
  /** One raised need: its raiser and coordinators (to anyone else it does not exist). */
  need: GET('/needs/{id}', 'user', { params: IdParams, reply: MyNeedReply }),
  openCase: POST('/cases', COORDINATORS, { body: CaseInput, reply: CaseReply, status: 201 }),
  cases: GET('/cases', COORDINATORS, { query: CaseQuery, reply: CasePage }),
  case: GET('/cases/{id}', COORDINATORS, { params: IdParams, reply: CaseDetail }),
  move: POST('/cases/{id}/transitions', COORDINATORS, { params: IdParams, body: CaseMoveRequest, reply: CaseReply }),
  saveForm: PUT('/cases/{id}/forms/{step}', COORDINATORS, { params: CaseFormParams, body: z.unknown(), reply: CaseReply }),
  log: POST('/cases/{id}/log', COORDINATORS, { params: IdParams, body: CaseLogRequest, reply: CaseReply, status: 201 }),
  allocate: POST('/cases/{id}/allocations', COORDINATORS, {
    params: IdParams,
    body: AllocationRequest,
    reply: z.object({ allocation: Allocation }),
    status: 201,
    idempotent: true,
  }),
});
