/** Starts a whole local stack on free ports for one test file (in-memory database unless told). */
import { freePort } from '../../scripts/local/processes';
import { startLocalStack, type LocalStack } from '../../scripts/local/stack';

export const testPorts = async () => ({
  http: await freePort(),
  lambda: await freePort(),
  websocket: await freePort(),
  app: await freePort(),
  database: await freePort(),
  storage: await freePort(),
});

export const startTestStack = async (
  options: { dataDir?: string; ports?: Awaited<ReturnType<typeof testPorts>>; demoData?: boolean } = {},
): Promise<LocalStack> => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.LOG_LEVEL ??= 'WARN';
  return startLocalStack({ ports: options.ports ?? (await testPorts()), dataDir: options.dataDir, demoData: options.demoData });
};
