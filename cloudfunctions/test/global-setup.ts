/**
 * Integration tests run against the real DynamoDB Local (in memory), with the tables and the
 * function environment of serverless.yml, exactly as `npm start` does.
 */
import { LOCAL_AWS_ENV, startDatabase } from '../../scripts/local/database';
import { freePort } from '../../scripts/local/processes';
import { httpRoutesOf, resolveService, tablesOf } from '../../scripts/local/serverless-config';
import { ensureTables } from '../../scripts/local/tables';

export default async function globalSetup(): Promise<void> {
  const port = await freePort();
  const [database, service] = await Promise.all([startDatabase({ port }), resolveService('local')]);
  await ensureTables(database.client, tablesOf(service));
  Object.assign(process.env, service.provider.environment, LOCAL_AWS_ENV, {
    AWS_ENDPOINT_URL_DYNAMODB: database.endpoint,
    POWERTOOLS_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'SILENT',
    HELE_TEST_ROUTES: JSON.stringify(httpRoutesOf(service)),
  });
  (globalThis as { __heleDatabase__?: typeof database }).__heleDatabase__ = database;
}
