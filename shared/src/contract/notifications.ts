/** The notifications function's routes. */
import { ActivityIdParams, ListQuery, MessagePage, NoticeConsentRequest, NoticeConsentResponse, ReminderResponse } from '../schemas';
import { GET, POST, defineRoutes } from './define';

export const notificationsRoutes = defineRoutes({
  remindMe: POST('/activities/{id}/reminders', 'user', { params: ActivityIdParams, reply: ReminderResponse, status: 201 }),
  messages: GET('/me/messages', 'user', { query: ListQuery, reply: MessagePage }),
  /** The member accepted WeChat's prompt for these outcomes: one subscribe message each, when it comes. */
  noticeConsent: POST('/me/notice-consents', 'user', { body: NoticeConsentRequest, reply: NoticeConsentResponse, status: 201 }),
});
