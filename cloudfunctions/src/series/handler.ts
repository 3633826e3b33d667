/** Class series routes: coordinators plan a series; members enrol and follow their progress; lecturers keep the roster and notes. */
import { CreateSeriesRequest, IdParams, Role, SeriesListQuery, SessionNotesRequest, SessionParams } from '@hele/shared';
import { createHttpHandler, created, ok, route } from '../lib/http';
import { createRegistrationEngine } from '../domain/activities/registration-engine';
import { activityRepository } from '../domain/activities/repository';
import { seriesRepository } from './repository';
import { createSeriesService } from './service';

const series = createSeriesService({ repository: activityRepository, series: seriesRepository, engine: createRegistrationEngine({ repository: activityRepository }) });

const TEACHERS = [Role.COORDINATOR, Role.LECTURER] as const;

export const handler = createHttpHandler({
  'POST /series': route({ access: [Role.COORDINATOR], body: CreateSeriesRequest, handle: async ({ body, caller }) => created({ series: await series.create(body, caller) }) }),
  'GET /series': route({ access: 'user', query: SeriesListQuery, handle: async ({ query, caller }) => ok(await series.list(query, caller)) }),
  'GET /series/{id}': route({ access: 'user', params: IdParams, handle: async ({ params, caller }) => ok(await series.detail(params.id, caller)) }),
  'POST /series/{id}/enrolment': route({ access: 'user', params: IdParams, handle: async ({ params, caller }) => ok({ items: await series.enrol(params.id, caller) }) }),
  'DELETE /series/{id}/enrolment': route({ access: 'user', params: IdParams, handle: async ({ params, caller }) => ok({ items: await series.withdraw(params.id, caller) }) }),
  'GET /series/{id}/roster': route({ access: TEACHERS, params: IdParams, handle: async ({ params, caller }) => ok(await series.roster(params.id, caller)) }),
  'PUT /series/{id}/sessions/{activityId}/notes': route({
    access: TEACHERS,
    params: SessionParams,
    body: SessionNotesRequest,
    handle: async ({ params, body, caller }) => ok({ activity: await series.saveNotes(params.id, params.activityId, body.notes, caller) }),
  }),
  'GET /series/{id}/certificate': route({ access: 'user', params: IdParams, handle: async ({ params, caller }) => ok({ certificate: await series.certificate(params.id, caller) }) }),
  'GET /me/series': route({ access: 'user', handle: async ({ caller }) => ok(await series.mine(caller)) }),
});
