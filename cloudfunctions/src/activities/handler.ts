/** Activity routes: coordinators plan; every signed-in user browses. */
import {
  ActivityIdParams,
  ActivityListQuery,
  CreateActivityRequest,
  Role,
  UpdateActivityRequest,
} from '@hele/shared';
import { createHttpHandler, created, ok, route } from '../lib/http';
import { createRegistrationEngine } from '../domain/activities/registration-engine';
import { activityRepository } from '../domain/activities/repository';
import { createActivityService } from './service';

const service = createActivityService({
  repository: activityRepository,
  engine: createRegistrationEngine({ repository: activityRepository }),
});

const COORDINATORS = [Role.COORDINATOR] as const;

export const handler = createHttpHandler({
  'POST /activities': route({
    access: COORDINATORS,
    body: CreateActivityRequest,
    handle: async ({ body, caller }) => created({ activity: await service.create(body, caller) }),
  }),
  'GET /activities': route({
    access: 'user',
    query: ActivityListQuery,
    handle: async ({ query, caller }) => ok(await service.list(query, caller)),
  }),
  'GET /activities/{id}': route({
    access: 'user',
    params: ActivityIdParams,
    handle: async ({ params, caller }) => ok({ activity: await service.get(params.id, caller) }),
  }),
  'PATCH /activities/{id}': route({
    access: COORDINATORS,
    params: ActivityIdParams,
    body: UpdateActivityRequest,
    handle: async ({ params, body, caller }) => ok({ activity: await service.update(params.id, body, caller) }),
  }),
  'POST /activities/{id}/publish': route({
    access: COORDINATORS,
    params: ActivityIdParams,
    handle: async ({ params, caller }) => ok({ activity: await service.publish(params.id, caller) }),
  }),
  'POST /activities/{id}/cancel': route({
    access: COORDINATORS,
    params: ActivityIdParams,
    handle: async ({ params, caller }) => {
      const { activity, affected } = await service.cancel(params.id, caller);
      return ok({ activity, cancelledRegistrations: affected.length });
    },
  }),
});
