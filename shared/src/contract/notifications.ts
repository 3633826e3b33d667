/** The notifications function's routes. */
import { ActivityIdParams, ListQuery, MessagePage, NoticeConsentRequest, NoticeConsentResponse, ReminderResponse } from '../schemas';
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
  /** The member accepted WeChat's prompt for these outcomes: one subscribe message each, when it comes. */
  noticeConsent: {
    method: 'POST',
    path: '/me/notice-consents',
    access: 'user',
    body: NoticeConsentRequest,
    reply: NoticeConsentResponse,
    status: 201,
  },
});
