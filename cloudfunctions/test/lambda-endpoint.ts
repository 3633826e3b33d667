/**
 * A test's Lambda service: the Invoke API (`POST /2015-03-31/functions/<name>/invocations`) on a
 * loopback port, running the function of serverless.yml in this process, so that functions invoked
 * asynchronously (`InvocationType: Event`) run for real, as serverless-offline runs them locally.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { LambdaFunction } from '../../scripts/local/serverless-config';
import { asFunction } from './function-environment';

const ROOT = path.resolve(__dirname, '../..');
const functions = new Map((JSON.parse(process.env.HELE_TEST_FUNCTIONS ?? '[]') as LambdaFunction[]).map((fn) => [fn.name, fn]));

/** Runs still in flight: a test waits for them with `settledInvocations`. */
const running = new Set<Promise<unknown>>();
/** While a test holds them, queued invocations wait here (Lambda's queue may take its time too). */
let held: Array<() => void> | undefined;

const run = async (fn: LambdaFunction, payload: unknown) => {
  const module = (await import(path.join(ROOT, fn.module))) as Record<string, (event: unknown, context: unknown) => Promise<unknown>>;
  return asFunction({ name: fn.key, environment: fn.environment }, () =>
    module[fn.exportName]!(payload, {
      functionName: fn.name,
      awsRequestId: `invoke-${Date.now()}`,
      getRemainingTimeInMillis: () => 60_000,
    }),
  );
};

/** Runs a function of serverless.yml by its key (`feedSocket`) on an event, as its trigger would. */
export const invoke = (key: string, event: unknown): Promise<unknown> => {
  const fn = [...functions.values()].find((candidate) => candidate.name.endsWith(`-${key}`));
  if (!fn) throw new Error(`No function ${key} in serverless.yml`);
  return run(fn, event);
};

export const startLambdaEndpoint = async (): Promise<{ endpoint: string; server: Server }> => {
  const server = createServer((request, response) => {
    const name = /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(request.url ?? '')?.[1];
    const fn = name ? functions.get(decodeURIComponent(name)) : undefined;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (!fn) {
        response.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
        return void response.end(JSON.stringify({ message: `Function not found: ${name}` }));
      }
      const payload = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      if (request.headers['x-amz-invocation-type'] === 'Event') {
        // Queued: the caller goes on while the function runs (its failure is the function's, as on Lambda).
        const start = () => {
          const tracked = run(fn, payload)
            .catch((error) => console.error(`${fn.name} failed:`, error))
            .finally(() => running.delete(tracked));
          running.add(tracked);
        };
        if (held) held.push(start);
        else start();
        response.writeHead(202);
        return void response.end();
      }
      run(fn, payload).then(
        (result) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(result ?? null));
        },
        (error: Error) => {
          response.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
          response.end(JSON.stringify({ errorType: error.name, errorMessage: error.message }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
};

/** Waits until every asynchronous invocation made so far has finished. */
export const settledInvocations = async (): Promise<void> => {
  while (running.size) await Promise.all([...running]);
};

/** Keeps asynchronous invocations queued until `release` (they run then) or `discard` (they never do). */
export const holdInvocations = () => {
  held = [];
  return {
    release() {
      const queued = held ?? [];
      held = undefined;
      for (const start of queued) start();
    },
    discard() {
      held = undefined;
    },
  };
};
