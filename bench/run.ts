/**
 * `npm run bench`: starts its own local stack (in-memory database, free ports), runs each scenario
 * and prints one table: what, baseline, subject, ratio, invariants held. Sizes: BENCH_N (1000),
 * BENCH_CAPACITY (200), BENCH_ROUNDS (3), BENCH_SECONDS (8), BENCH_REDEMPTIONS (500), BENCH_BALANCES (50),
 * BENCH_WATCHERS (200), BENCH_CROWD (1000), BENCH_POSTS (50), BENCH_POST_GAP_MS (200), BENCH_SERIES_N (200), BENCH_SERIES_SESSIONS (12).
 */
import { execSync } from 'node:child_process';
import { resolveService } from '../scripts/local/serverless-config';
import { startTestStack } from '../test/support/stack';
import { coldStartBench } from './cold-start';
import { feedBench } from './feed';
import { api, signInMany } from './http';
import { printTable, type Row } from './lib';
import { redemptionBench } from './redemptions';
import { registrationBench } from './registrations';
import { seriesBench } from './series';

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const main = async () => {
  process.env.LOG_LEVEL = 'WARN';
  const n = number('BENCH_N', 1000);
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  console.log(`bench on ${commit}, node ${process.version}, ${new Date().toISOString()}`);
  const stack = await startTestStack();
  const rows: Row[] = [];
  try {
    const client = api(stack.apiUrl);
    const coordinator = (await client.signIn('coordinator')).token;
    const users = await signInMany(client, `bench-${Date.now().toString(36)}`, n);
    const ctx = {
      client,
      coordinator,
      users,
      databaseEndpoint: stack.databaseEndpoint,
      env: stack.functionEnv,
      websocketUrl: stack.websocketUrl,
    };
    rows.push(
      ...(await registrationBench(ctx, {
        n,
        capacity: number('BENCH_CAPACITY', 200),
        rounds: number('BENCH_ROUNDS', 3),
        seconds: number('BENCH_SECONDS', 8),
      })),
    );
    rows.push(
      ...(await redemptionBench(ctx, {
        n: number('BENCH_REDEMPTIONS', 500),
        balances: number('BENCH_BALANCES', 50),
        rounds: number('BENCH_ROUNDS', 3),
        seconds: number('BENCH_SECONDS', 8),
      })),
    );
    rows.push(
      ...(await seriesBench(ctx, {
        n: Math.min(n, number('BENCH_SERIES_N', 200)),
        sessions: number('BENCH_SERIES_SESSIONS', 12),
        capacity: number('BENCH_CAPACITY', 200) / 4,
      })),
    );
    rows.push(
      ...(await feedBench(ctx, {
        watchers: number('BENCH_WATCHERS', 200),
        crowd: number('BENCH_CROWD', 1000),
        posts: number('BENCH_POSTS', 50),
        gapMs: number('BENCH_POST_GAP_MS', 200),
      })),
    );
  } finally {
    await stack.stop();
  }
  const service = await resolveService('local');
  rows.push(
    ...(await coldStartBench(
      Object.fromEntries(Object.entries(service.functions).map(([key, fn]) => [key, fn.handler.slice(0, fn.handler.lastIndexOf('.'))])),
    )),
  );
  console.log('');
  printTable(rows);
  if (rows.some((row) => row.invariants === 'no')) process.exitCode = 1;
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
