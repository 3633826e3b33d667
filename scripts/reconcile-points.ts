/**
 * `npm run points:reconcile`: recomputes every balance from the ledger on the local stack
 * (`npm start` running; DYNAMODB_PORT, default 8000) and reports any difference. Exit 1 if any.
 * Every account is checked by itself: each member's service points (`<userId>`, EXPIRE entries of the
 * daily expiry included) and their 党员积分 (`party#<userId>`).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_AWS_ENV } from './local/database';
import { reconcilePoints } from './local/reconcile';
import { environmentOf, resolveService } from './local/serverless-config';

const main = async () => {
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
  const service = await resolveService('local');
  const table = environmentOf(service).POINTS_TABLE!;
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: LOCAL_AWS_ENV.AWS_REGION,
      credentials: { accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY },
    }),
  );
  const report = await reconcilePoints(client, table);
  console.log(
    `points:reconcile ${table} at ${endpoint}: ${report.users} balances (service points and 党员积分 accounts), ${report.entries} ledger entries`,
  );
  if (report.problems.length === 0) {
    console.log('every balance equals the sum of its ledger: no difference');
    return;
  }
  for (const { userId, problem } of report.problems) console.log(`DIFFERENCE ${userId}: ${problem}`);
  process.exitCode = 1;
};

main().catch((error: Error) => {
  console.error(`points:reconcile failed: ${error.message} (is \`npm start\` running?)`);
  process.exit(1);
});
