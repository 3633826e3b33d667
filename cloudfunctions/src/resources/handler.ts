/** Resource cloud routes: providers and offers, cases through the social-work process, allocations. */
import {
  AllocationRequest,
  caseFormSchema,
  CaseFormParams,
  CaseInput,
  CaseLogRequest,
  CaseMoveRequest,
  CaseQuery,
  IdParams,
  ListQuery,
  OfferInput,
  OfferQuery,
  ProjectInput,
  ProviderInput,
  Role,
} from '@hele/shared';
import { z } from 'zod';
import { createHttpHandler, created, ok, parseWith, route } from '../lib/http';
import { resourceRepository } from './repository';
import { createResourceService } from './service';
import { runIdempotent } from '../lib/idempotency';

const resources = createResourceService({ resources: resourceRepository });
const COORDINATORS = [Role.COORDINATOR] as const;

export const handler = createHttpHandler({
  'POST /providers': route({ access: 'user', body: ProviderInput, handle: async ({ body, caller }) => created({ provider: await resources.registerProvider(body, caller) }) }),
  'GET /providers': route({ access: COORDINATORS, query: ListQuery, handle: async ({ query }) => ok(await resources.providers(query)) }),
  'POST /providers/{id}/verification': route({ access: COORDINATORS, params: IdParams, handle: async ({ params }) => ok({ provider: await resources.verifyProvider(params.id) }) }),
  'POST /offers': route({ access: 'user', body: OfferInput, handle: async ({ body, caller }) => created({ offer: await resources.addOffer(body, caller) }) }),
  'GET /offers': route({ access: COORDINATORS, query: OfferQuery, handle: async ({ query }) => ok(await resources.offers(query, query.kind)) }),
  'GET /me/resources': route({ access: 'user', handle: async ({ caller }) => ok(await resources.mine(caller)) }),
  'GET /offers/{id}/allocations': route({ access: 'user', params: IdParams, handle: async ({ params, caller }) => ok(await resources.allocationsOf(params.id, caller)) }),
  'POST /projects': route({ access: COORDINATORS, body: ProjectInput, handle: async ({ body, caller }) => created({ project: await resources.addProject(body, caller) }) }),
  'GET /projects': route({ access: 'user', handle: async () => ok({ items: await resources.projects() }) }),
  'POST /cases': route({ access: COORDINATORS, body: CaseInput, handle: async ({ body, caller }) => created({ case: await resources.openCase(body, caller) }) }),
  'GET /cases': route({ access: COORDINATORS, query: CaseQuery, handle: async ({ query }) => ok(await resources.cases(query, query.stage)) }),
  'GET /cases/{id}': route({ access: COORDINATORS, params: IdParams, handle: async ({ params }) => ok(await resources.caseDetail(params.id)) }),
  'POST /cases/{id}/transitions': route({
    access: COORDINATORS,
    params: IdParams,
    body: CaseMoveRequest,
    handle: async ({ params, body, caller }) => ok({ case: await resources.move(params.id, body.to, body.reason, caller) }),
  }),
  'PUT /cases/{id}/forms/{step}': route({
    access: COORDINATORS,
    params: CaseFormParams,
    // Each step has its own form: the body is read with the schema the step names.
    body: z.unknown(),
    handle: async ({ params, body, caller }) => ok({ case: await resources.saveForm(params.id, params.step, parseWith(caseFormSchema(params.step), body), caller) }),
  }),
  'POST /cases/{id}/log': route({
    access: COORDINATORS,
    params: IdParams,
    body: CaseLogRequest,
    handle: async ({ params, body, caller }) => created({ case: await resources.addLog(params.id, body.text, caller) }),
  }),
  'POST /cases/{id}/allocations': route({
    access: COORDINATORS,
    params: IdParams,
    body: AllocationRequest,
    idempotent: true,
    handle: async ({ params, body, caller }) => created({ allocation: await resources.allocate(params.id, body, caller) }),
  }),
}, { idempotency: runIdempotent });
