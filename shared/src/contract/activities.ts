/** The activities function's routes. */
import * as z from 'zod';
import { CALENDAR_CONTENT_TYPE } from '../rules/calendar';
import {
  ActivityIdParams,
  ActivityListQuery,
  ActivityPage,
  ActivityResponse,
  CancelActivityRequest,
  CreateActivityRequest,
  PublicActivityResponse,
  PublicFeedRequest,
  UpdateActivityRequest,
} from '../schemas';
import { COORDINATORS } from './access';
import { GET, PATCH, POST, PUT, defineRoutes, fileReply } from './define';

export const activitiesRoutes = defineRoutes({
  create: POST('/activities', COORDINATORS, { body: CreateActivityRequest, reply: ActivityResponse, status: 201 }),
  list: GET('/activities', 'user', { query: ActivityListQuery, reply: ActivityPage }),
  get: GET('/activities/{id}', 'user', { params: ActivityIdParams, reply: ActivityResponse }),
  update: PATCH('/activities/{id}', COORDINATORS, { params: ActivityIdParams, body: UpdateActivityRequest, reply: ActivityResponse }),
  publish: POST('/activities/{id}/publish', COORDINATORS, { params: ActivityIdParams, reply: ActivityResponse }),
  cancel: POST('/activities/{id}/cancel', COORDINATORS, {
    params: ActivityIdParams,
    body: CancelActivityRequest.optional(),
    reply: ActivityResponse.extend({ cancelledRegistrations: z.number().int() }),
  }),
  setPublicFeed: PUT('/activities/{id}/public-feed', COORDINATORS, {
    params: ActivityIdParams,
    body: PublicFeedRequest,
    reply: ActivityResponse,
    summary: '公开直播: anyone may read the live feed without signing in (or no longer)',
  }),
  /** A shared link opened before signing in: what the activity is, never who takes part. */
  publicSummary: GET('/public/activities/{id}', 'public', {
    params: ActivityIdParams,
    reply: PublicActivityResponse,
    summary: 'A published activity as anyone may see it (title, time, place, seats left)',
  }),
  calendar: GET('/activities/{id}/calendar', 'user', {
    params: ActivityIdParams,
    reply: fileReply(CALENDAR_CONTENT_TYPE),
    summary:
      'The activity as a calendar event (.ics): one UID per activity, SEQUENCE raised when it moves, STATUS:CANCELLED when cancelled',
  }),
});
