/** The activities function's routes. */
import * as z from 'zod';
import { Role } from '../constants';
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
import { defineRoutes, fileReply } from './define';

export const activitiesRoutes = defineRoutes({
  create: {
    method: 'POST',
    path: '/activities',
    access: [Role.COORDINATOR],
    body: CreateActivityRequest,
    reply: ActivityResponse,
    status: 201,
  },
  list: {
    method: 'GET',
    path: '/activities',
    access: 'user',
    query: ActivityListQuery,
    reply: ActivityPage,
  },
  get: {
    method: 'GET',
    path: '/activities/{id}',
    access: 'user',
    params: ActivityIdParams,
    reply: ActivityResponse,
  },
  update: {
    method: 'PATCH',
    path: '/activities/{id}',
    access: [Role.COORDINATOR],
    params: ActivityIdParams,
    body: UpdateActivityRequest,
    reply: ActivityResponse,
  },
  publish: {
    method: 'POST',
    path: '/activities/{id}/publish',
    access: [Role.COORDINATOR],
    params: ActivityIdParams,
    reply: ActivityResponse,
  },
  cancel: {
    method: 'POST',
    path: '/activities/{id}/cancel',
    access: [Role.COORDINATOR],
    params: ActivityIdParams,
    body: CancelActivityRequest.optional(),
    reply: ActivityResponse.extend({ cancelledRegistrations: z.number().int() }),
  },
  setPublicFeed: {
    method: 'PUT',
    path: '/activities/{id}/public-feed',
    access: [Role.COORDINATOR],
    params: ActivityIdParams,
    body: PublicFeedRequest,
    reply: ActivityResponse,
    summary: '公开直播: anyone may read the live feed without signing in (or no longer)',
  },
  /** A shared link opened before signing in: what the activity is, never who takes part. */
  publicSummary: {
    method: 'GET',
    path: '/public/activities/{id}',
    access: 'public',
    params: ActivityIdParams,
    reply: PublicActivityResponse,
    summary: 'A published activity as anyone may see it (title, time, place, seats left)',
  },
  calendar: {
    method: 'GET',
    path: '/activities/{id}/calendar',
    access: 'user',
    params: ActivityIdParams,
    reply: fileReply(CALENDAR_CONTENT_TYPE),
    summary:
      'The activity as a calendar event (.ics): one UID per activity, SEQUENCE raised when it moves, STATUS:CANCELLED when cancelled',
  },
});
