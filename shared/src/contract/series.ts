/** The series function's routes. */
import * as z from 'zod';
import { Role } from '../constants';
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
import { defineRoutes } from './define';

export const seriesRoutes = defineRoutes({
  create: {
    method: 'POST',
    path: '/series',
    access: [Role.COORDINATOR],
    body: CreateSeriesRequest,
    reply: z.object({ series: Series }),
    status: 201,
  },
  list: {
    method: 'GET',
    path: '/series',
    access: 'user',
    query: SeriesListQuery,
    reply: SeriesPage,
  },
  get: {
    method: 'GET',
    path: '/series/{id}',
    access: 'user',
    params: IdParams,
    reply: SeriesDetail,
  },
  enrol: {
    method: 'POST',
    path: '/series/{id}/enrolment',
    access: 'user',
    params: IdParams,
    reply: EnrolmentResponse,
  },
  withdraw: {
    method: 'DELETE',
    path: '/series/{id}/enrolment',
    access: 'user',
    params: IdParams,
    reply: EnrolmentResponse,
  },
  roster: {
    method: 'GET',
    path: '/series/{id}/roster',
    access: [Role.COORDINATOR, Role.LECTURER],
    params: IdParams,
    reply: SeriesRoster,
  },
  saveNotes: {
    method: 'PUT',
    path: '/series/{id}/sessions/{activityId}/notes',
    access: [Role.COORDINATOR, Role.LECTURER],
    params: SessionParams,
    body: SessionNotesRequest,
    reply: ActivityResponse,
  },
  certificate: {
    method: 'GET',
    path: '/series/{id}/certificate',
    access: 'user',
    params: IdParams,
    reply: z.object({ certificate: SeriesCertificate }),
  },
  mine: {
    method: 'GET',
    path: '/me/series',
    access: 'user',
    reply: SeriesPage,
  },
});
