/**
 * `npm start`: the whole system on loopback. Prints `API ready: …` and `App ready: …` when each
 * can take requests, then the dev sign-in names. Ctrl-C stops everything; data stays in DATA_DIR.
 */
import { DEV_USERS } from '@hele/shared';
import { buildH5IfStale } from './local/h5-build';
import { startLocalStack } from './local/stack';

const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a port number`);
  return value;
};

const main = async () => {
  const started = Date.now();
  const ports = {
    http: port('API_PORT', 3000),
    app: port('APP_PORT', 10086),
    database: port('DYNAMODB_PORT', 8000),
    lambda: port('LAMBDA_PORT', 3002),
    websocket: port('WEBSOCKET_PORT', 3001),
    storage: port('S3_PORT', 4569),
  };
  const dataDir = process.env.DATA_DIR ?? '.data';
  const log = (line: string) => console.log(`[hele] ${line}`);

  log('Checking the H5 build…');
  if (buildH5IfStale()) log('H5 app built');
  else log('H5 app is up to date');

  const stack = await startLocalStack({
    ports,
    dataDir,
    log,
    apiLog: process.env.API_LOG ? (line) => console.log(`[api] ${line}`) : undefined,
    demoData: process.env.DEMO_DATA !== '0',
  });
  console.log(`API ready: ${stack.apiUrl}`);
  console.log(`App ready: ${stack.appUrl}`);
  console.log(`Dev sign-in (开发登录): ${DEV_USERS.map((user) => `dev:${user.name} (${user.nickname})`).join(', ')}`);
  console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl-C to stop.`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    await stack.stop();
    log(`stopped; data kept in ${dataDir}`);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
};

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
