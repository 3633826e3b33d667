import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../lib/db';
import { createHttpHandler } from '../lib/http';
import { tableName } from '../lib/tables';
import { contract } from '@hele/shared/contract';

/** `GET /health`: 200 once the API can reach its tables. */
export const handler = createHttpHandler(contract.health, {
  health: async () => {
    await dynamo.send(new DescribeTableCommand({ TableName: tableName('USERS_TABLE') }));
    return { ok: true as const };
  },
});
