import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { env } from '../lib/config';
import { dynamo } from '../lib/db';
import { createHttpHandler, ok, route } from '../lib/http';

/** `GET /health`: 200 once the API can reach its tables. */
export const handler = createHttpHandler({
  'GET /health': route({
    access: 'public',
    handle: async () => {
      await dynamo.send(new DescribeTableCommand({ TableName: env().USERS_TABLE }));
      return ok({ ok: true as const });
    },
  }),
});
