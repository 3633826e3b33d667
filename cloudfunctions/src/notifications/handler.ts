/** Routes: subscribe to an activity's reminder; read one's messages. */

import { env } from '../lib/config';
import { createHttpHandler, ok } from '../lib/http';
import { grantNotices, listMessages } from '../domain/inbox';
import { notificationService } from './wiring';
import { notificationsRoutes } from '@hele/shared/contract/notifications';

export const handler = createHttpHandler(notificationsRoutes, {
  remindMe: async ({ params, caller }) => {
    const { reminder, created: isNew } = await notificationService(env()).subscribe(params.id, caller);
    return isNew ? { reminder } : ok({ reminder });
  },
  messages: async ({ query, caller }) => await listMessages(caller.id, query),
  noticeConsent: async ({ body, caller }) => ({ credits: await grantNotices(caller.id, body.topics) }),
});
