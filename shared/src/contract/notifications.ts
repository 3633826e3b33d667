/** The notifications function's routes. */
import { ActivityIdParams, ListQuery, MessagePage, ReminderResponse } from '../schemas';
import { defineRoutes } from './define';

export const notificationsRoutes = defineRoutes({
  remindMe: {
    method: 'POST',
    path: '/activities/{id}/reminders',
    access: 'user',
    params: ActivityIdParams,
    reply: ReminderResponse,
    status: 201,
  },
  messages: {
    method: 'GET',
    path: '/me/messages',
    access: 'user',
    query: ListQuery,
    reply: MessagePage,
  },
});
