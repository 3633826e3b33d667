/** The series function's routes. */
import * as z from 'zod';
import {
  ActivityResponse,
  CreateSeriesRequest,
  EnrolmentResponse,
  IdParams,
  Series,
  SeriesCertificate,
  SeriesDetail,
  SeriesListQuery,
  SeriesPage,
  SeriesRoster,
  SessionNotesRequest,
  SessionParams,
} from '../schemas';
import { COORDINATORS, TEACHING_STAFF } from './access';
import { DELETE, GET, POST, PUT, defineRoutes } from './define';

export const seriesRoutes = defineRoutes({
  create: POST('/series', COORDINATORS, { body: CreateSeriesRequest, reply: z.object({ series: Series }), status: 201 }),
  list: GET('/series', 'user', { query: SeriesListQuery, reply: SeriesPage }),
  get: GET('/series/{id}', 'user', { params: IdParams, reply: SeriesDetail }),
  enrol: POST('/series/{id}/enrolment', 'user', { params: IdParams, reply: EnrolmentResponse }),
  withdraw: DELETE('/series/{id}/enrolment', 'user', { params: IdParams, reply: EnrolmentResponse }),
  roster: GET('/series/{id}/roster', TEACHING_STAFF, { params: IdParams, reply: SeriesRoster }),
  saveNotes: PUT('/series/{id}/sessions/{activityId}/notes', TEACHING_STAFF, {
    params: SessionParams,
    body: SessionNotesRequest,
    reply: ActivityResponse,
  }),
  certificate: GET('/series/{id}/certificate', 'user', { params: IdParams, reply: z.object({ certificate: SeriesCertificate }) }),
  mine: GET('/me/series', 'user', { reply: SeriesPage }),
});
