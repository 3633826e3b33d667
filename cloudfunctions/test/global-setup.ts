/**
 * Integration tests run against the real DynamoDB Local (in memory) and the local object storage,
 * with the tables, buckets and function environment of serverless.yml, exactly as `npm start` does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_AWS_ENV, startDatabase } from '../../scripts/local/database';
import { startObjectStorage } from '../../scripts/local/object-storage';
import { freePort } from '../../scripts/local/processes';
import {
  bucketsOf,
  environmentOf,
  functionsOf,
  grantsByFunction,
  httpRoutesOf,
  resolveService,
  tablesOf,
} from '../../scripts/local/serverless-config';
import { ensureTables } from '../../scripts/local/tables';

export default async function globalSetup(): Promise<void> {
  const [port, storagePort] = [await freePort(), await freePort()];
  const [database, service] = await Promise.all([startDatabase({ port }), resolveService('local')]);
  await ensureTables(database.client, tablesOf(service));
  const buckets = bucketsOf(service);
  const storage = await startObjectStorage({
    port: storagePort,
    buckets: buckets.map((bucket) => bucket.name),
    origins: buckets.flatMap((bucket) => bucket.origins),
  });
  // Each function's role, for function-environment.ts; in a file, since the environment is passed to child processes whole.
  const grants = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hele-test-')), 'grants.json');
  fs.writeFileSync(grants, JSON.stringify(grantsByFunction(service)));
  Object.assign(process.env, environmentOf(service), LOCAL_AWS_ENV, {
    AWS_ENDPOINT_URL_DYNAMODB: database.endpoint,
    AWS_ENDPOINT_URL_S3: storage.endpoint,
    POWERTOOLS_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'SILENT',
    HELE_TEST_ROUTES: JSON.stringify(httpRoutesOf(service)),
    HELE_TEST_FUNCTIONS: JSON.stringify(functionsOf(service, 'local')),
    HELE_TEST_GRANTS: grants,
  });
  Object.assign(globalThis as object, { __heleDatabase__: database, __heleStorage__: storage });
}
