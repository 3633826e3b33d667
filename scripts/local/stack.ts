/**
 * The whole system on loopback: local DynamoDB with data on disk, tables from serverless.yml,
 * demo data, the API (serverless-offline) and the H5 app. Used by `npm start` and by the
 * browser tests, which start their own stack on free ports.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startApi, type ApiPorts } from './api';
import { startAppServer } from './app-server';
import { LOCAL_AWS_ENV, startDatabase, type Engine } from './database';
import { H5_DIST } from './h5-build';
import { startObjectStorage } from './object-storage';
import { assertPortFree } from './processes';
import { startScheduler } from './scheduler';
import { bucketsOf, environmentOf, ROOT, resolveService, tablesOf } from './serverless-config';
import { ensureTables } from './tables';

export const LOCAL_STAGE = 'local';

export interface StackOptions {
  ports: ApiPorts & { app: number; database: number; storage: number };
  /** Where the database and the object storage keep their files; in memory / a temporary folder when absent (tests). */
  dataDir?: string;
  log?: (line: string) => void;
  apiLog?: (line: string) => void;
  /** false: an empty center (DEMO_DATA=0): no demo users, branches or activities; dev sign-in still works. */
  demoData?: boolean;
}

export interface LocalStack {
  apiUrl: string;
  /** The live feed's WebSocket API (`?token=&activityId=`). */
  websocketUrl: string;
  appUrl: string;
  databaseEndpoint: string;
  storageEndpoint: string;
  engine: Engine;
  createdTables: string[];
  /** The functions' environment (table names, stage…), for tools that talk to the tables directly. */
  functionEnv: Record<string, string>;
  stop(): Promise<void>;
}

export const startLocalStack = async ({ ports, dataDir, log = () => {}, apiLog, demoData = true }: StackOptions): Promise<LocalStack> => {
  await assertPortFree(ports.database, 'DynamoDB');
  await assertPortFree(ports.http, 'API');
  await assertPortFree(ports.lambda, 'Lambda');
  await assertPortFree(ports.websocket, 'WebSocket');
  await assertPortFree(ports.app, 'App');
  await assertPortFree(ports.storage, 'Object storage');

  const baseEnv = { ...process.env, APP_PORT: String(ports.app), WEBSOCKET_PORT: String(ports.websocket) };
  const [database, service] = await Promise.all([
    startDatabase({ port: ports.database, dataDir: dataDir ? path.resolve(dataDir, 'dynamodb') : undefined }),
    resolveService(LOCAL_STAGE, baseEnv),
  ]);
  const stoppers: Array<() => Promise<void>> = [() => database.stop()];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => {});
  };
  try {
    log(`Database: ${database.engine} at ${database.endpoint}${dataDir ? `, data in ${path.resolve(dataDir)}` : ' (in memory)'}`);
    const createdTables = await ensureTables(database.client, tablesOf(service));
    log(createdTables.length ? `Created tables: ${createdTables.join(', ')}` : 'Tables already exist: data kept');

    const buckets = bucketsOf(service);
    const storage = await startObjectStorage({
      port: ports.storage,
      buckets: buckets.map((bucket) => bucket.name),
      origins: buckets.flatMap((bucket) => bucket.origins),
      dataDir: dataDir ? path.resolve(dataDir, 's3') : undefined,
    });
    stoppers.push(() => storage.stop());
    log(`Object storage: ${storage.endpoint}, buckets ${buckets.map((bucket) => bucket.name).join(', ')}`);

    const functionEnv = {
      ...environmentOf(service),
      ...LOCAL_AWS_ENV,
      AWS_ENDPOINT_URL_DYNAMODB: database.endpoint,
      AWS_ENDPOINT_URL_S3: storage.endpoint,
      // serverless-offline's Lambda endpoint: asynchronous invocations of one function by another.
      AWS_ENDPOINT_URL_LAMBDA: `http://127.0.0.1:${ports.lambda}`,
    };
    if (demoData) {
      await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(__dirname, 'seed.ts')], {
        cwd: ROOT,
        env: { ...baseEnv, ...functionEnv },
      });
    } else {
      log('Demo data: none (DEMO_DATA=0); sign in with dev:admin to set the center up');
    }

    const api = await startApi({ ports, env: { ...baseEnv, ...functionEnv }, stage: LOCAL_STAGE, log: apiLog });
    stoppers.push(() => api.stop());
    const websocketUrl = `ws://127.0.0.1:${ports.websocket}`;
    const app = await startAppServer({ port: ports.app, root: H5_DIST, apiBase: api.url, socketBase: websocketUrl });
    stoppers.push(() => app.stop());
    // serverless-offline does not run `schedule` events: the stack invokes the function itself.
    for (const [functionName, everyMs] of [
      ['hele-center-local-reminders', 60_000],
      ['hele-center-local-complianceReminders', 600_000],
      ['hele-center-local-pointsExpiry', 3_600_000],
    ] as const) {
      const scheduler = startScheduler({ lambdaPort: ports.lambda, functionName, everyMs, log });
      stoppers.push(async () => scheduler.stop());
    }
    return {
      apiUrl: api.url,
      websocketUrl,
      appUrl: app.url,
      databaseEndpoint: database.endpoint,
      storageEndpoint: storage.endpoint,
      engine: database.engine,
      createdTables,
      functionEnv,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
