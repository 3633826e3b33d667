/** Registration routes (API.md): register, cancel one's own, and the lists. */
import { ActivityIdParams, ListQuery, RegistrationListQuery, Role } from '@hele/shared';
import { createHttpHandler, created, ok, route } from '../lib/http';
import { createRegistrationEngine } from '../domain/activities/registration-engine';
import { activityRepository } from '../domain/activities/repository';
import { runIdempotent } from '../lib/idempotency';

const engine = createRegistrationEngine({ repository: activityRepository });

export const handler = createHttpHandler({
  'POST /activities/{id}/registrations': route({
    access: 'user',
    params: ActivityIdParams,
    idempotent: true,
    handle: async ({ params, caller }) => {
      const { registration, created: isNew } = await engine.register(params.id, caller);
      return isNew ? created({ registration }) : ok({ registration });
    },
  }),
  'DELETE /activities/{id}/registrations/me': route({
    access: 'user',
    params: ActivityIdParams,
    handle: async ({ params, caller }) => ok({ registration: await engine.cancel(params.id, caller) }),
  }),
  'GET /activities/{id}/registrations': route({
    access: [Role.COORDINATOR],
    params: ActivityIdParams,
    query: RegistrationListQuery,
    handle: async ({ params, query }) => ok(await engine.list(params.id, query)),
  }),
  'GET /me/registrations': route({
    access: 'user',
    query: ListQuery,
    handle: async ({ query, caller }) => ok(await engine.listMine(caller, query)),
  }),
}, { idempotency: runIdempotent });
