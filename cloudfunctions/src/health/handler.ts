import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../lib/db';
import { createHttpHandler } from '../lib/http';
import { tableName } from '../lib/tables';
import { healthRoutes } from '@hele/shared/contract/health';

/** `GET /health`: 200 once the API can reach its tables. */
export const handler = createHttpHandler(healthRoutes, {
  health: async () => {
    await dynamo.send(new DescribeTableCommand({ TableName: tableName('USERS_TABLE') }));
    return { ok: true as const };
  },
});
