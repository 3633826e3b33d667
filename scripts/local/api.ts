/** Starts serverless-offline (in-process Lambda, esbuild bundles) against the local database. */
import path from 'node:path';
import { startProcess, waitFor, type Managed } from './processes';
import { ROOT } from './serverless-config';

export interface ApiPorts {
  http: number;
  lambda: number;
  websocket: number;
}

export const startApi = async ({
  ports,
  env,
  stage,
  log,
}: {
  ports: ApiPorts;
  env: NodeJS.ProcessEnv;
  stage: string;
  log?: (line: string) => void;
}): Promise<Managed & { url: string }> => {
  const managed = startProcess('serverless-offline', path.join(ROOT, 'node_modules/.bin/sls'), ['offline', 'start', '--stage', stage], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      API_PORT: String(ports.http),
      LAMBDA_PORT: String(ports.lambda),
      WEBSOCKET_PORT: String(ports.websocket),
      // Each stack bundles into its own folder, so a test stack and `npm start` never collide. The folder is inside
      // cloudfunctions/ so that what the bundles leave for the Lambda runtime (serverless/esbuild.config.js) resolves
      // from the functions' own dependencies first, as the TypeScript sources do: serverless-offline's workers get
      // the function's environment only, so NODE_PATH cannot point them there.
      ESBUILD_WORK_FOLDER: `cloudfunctions/.esbuild-${ports.http}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    if (output.length > 200) output.shift();
    if (log) for (const line of text.split('\n')) if (line.trim()) log(line);
  };
  managed.child.stdout?.on('data', collect);
  managed.child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${ports.http}`;
  try {
    await waitFor('API', async () => (await fetch(`${url}/health`)).status === 200, 120_000, managed.child);
  } catch (error) {
    await managed.stop();
    throw new Error(`${(error as Error).message}\n--- serverless-offline output ---\n${output.join('')}`);
  }
  return { ...managed, url };
};
