import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../lib/db';
import { createHttpHandler, ok, route } from '../lib/http';
import { tableName } from '../lib/tables';

/** `GET /health`: 200 once the API can reach its tables. */
export const handler = createHttpHandler({
  'GET /health': route({
    access: 'public',
    handle: async () => {
      await dynamo.send(new DescribeTableCommand({ TableName: tableName('USERS_TABLE') }));
      return ok({ ok: true as const });
    },
  }),
});
