/** Routes: subscribe to an activity's reminder; read one's messages. */
import { ActivityIdParams, ListQuery } from '@hele/shared';
import { env } from '../lib/config';
import { createHttpHandler, created, ok, route } from '../lib/http';
import { listMessages } from '../domain/inbox';
import { notificationService } from './wiring';

export const handler = createHttpHandler({
  'POST /activities/{id}/reminders': route({
    access: 'user',
    params: ActivityIdParams,
    handle: async ({ params, caller }) => {
      const { reminder, created: isNew } = await notificationService(env()).subscribe(params.id, caller);
      return isNew ? created({ reminder }) : ok({ reminder });
    },
  }),
  'GET /me/messages': route({
    access: 'user',
    query: ListQuery,
    handle: async ({ query, caller }) => ok(await listMessages(caller.id, query)),
  }),
});
