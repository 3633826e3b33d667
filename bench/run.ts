/**
 * `npm run bench`: starts its own local stack (in-memory database, free ports), runs each scenario
 * and prints one table: what, baseline, subject, ratio, invariants held. Sizes: BENCH_N (1000),
 * BENCH_CAPACITY (200), BENCH_ROUNDS (3), BENCH_SECONDS (8), BENCH_REDEMPTIONS (500), BENCH_BALANCES (50),
 * BENCH_WATCHERS (200), BENCH_CROWD (1000), BENCH_POSTS (50), BENCH_POST_GAP_MS (200), BENCH_SERIES_N (200), BENCH_SERIES_SESSIONS (12),
 * BENCH_HOT_N (10000), BENCH_HOT_CAPACITY (5000), BENCH_SECOND_MS (20000: one simulated second of the limits simulator),
 * BENCH_HOLD_MS (5: simulated ms a transaction holds its items at least, in the third hot-activity row),
 * BENCH_HOT_ACTIVITIES (100: the activities BENCH_HOT_N registrations are spread over in the center-wide rows),
 * BENCH_HOT_SECOND_MS (120000: one simulated second in the hot design's rows, whose engine does more per request).
 * BENCH_ONLY picks scenarios (comma-separated: registrations, redemptions, series, feed, hot, cold-start).
 */
import { execSync } from 'node:child_process';
import { startDatabase } from '../scripts/local/database';
import { freePort } from '../scripts/local/processes';
import { environmentOf, resolveService, tablesOf } from '../scripts/local/serverless-config';
import { ensureTables } from '../scripts/local/tables';
import { startTestStack } from '../test/support/stack';
import { coldStartBench } from './cold-start';
import { feedBench } from './feed';
import { hotActivityBench } from './hot-activity';
import { api, signInMany } from './http';
import { type BenchContext, printTable, type Row } from './lib';
import { redemptionBench } from './redemptions';
import { registrationBench } from './registrations';
import { seriesBench } from './series';

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const wants = (scenario: string) => !only || only.includes(scenario);
const API_SCENARIOS = ['registrations', 'redemptions', 'series', 'feed'];

/** The hot-activity rows need only the database and its tables: without the API scenarios, the stack (and its H5 build) is not started. */
const databaseOnly = async () => {
  const [port, service] = await Promise.all([freePort(), resolveService('local')]);
  const database = await startDatabase({ port });
  await ensureTables(database.client, tablesOf(service));
  return { databaseEndpoint: database.endpoint, functionEnv: environmentOf(service), stop: () => database.stop() };
};

const hot = (ctx: Pick<BenchContext, 'databaseEndpoint' | 'env'>) =>
  hotActivityBench(ctx, {
    n: number('BENCH_HOT_N', 10_000),
    capacity: number('BENCH_HOT_CAPACITY', 5000),
    secondMs: number('BENCH_SECOND_MS', 20_000),
    holdMs: number('BENCH_HOLD_MS', 5),
    activities: number('BENCH_HOT_ACTIVITIES', 100),
    hotSecondMs: number('BENCH_HOT_SECOND_MS', 120_000),
  });

/** The scenarios over the local stack's API (and the hot activity beside them). */
const apiScenarios = async (n: number): Promise<Row[]> => {
  const rows: Row[] = [];
  const stack = await startTestStack();
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
    // In this order; each runs when BENCH_ONLY names it (or names none).
    const scenarios: Record<string, () => Promise<Row[]>> = {
      registrations: () =>
        registrationBench(ctx, {
          n,
          capacity: number('BENCH_CAPACITY', 200),
          rounds: number('BENCH_ROUNDS', 3),
          seconds: number('BENCH_SECONDS', 8),
        }),
      redemptions: () =>
        redemptionBench(ctx, {
          n: number('BENCH_REDEMPTIONS', 500),
          balances: number('BENCH_BALANCES', 50),
          rounds: number('BENCH_ROUNDS', 3),
          seconds: number('BENCH_SECONDS', 8),
        }),
      series: () =>
        seriesBench(ctx, {
          n: Math.min(n, number('BENCH_SERIES_N', 200)),
          sessions: number('BENCH_SERIES_SESSIONS', 12),
          capacity: number('BENCH_CAPACITY', 200) / 4,
        }),
      feed: () =>
        feedBench(ctx, {
          watchers: number('BENCH_WATCHERS', 200),
          crowd: number('BENCH_CROWD', 1000),
          posts: number('BENCH_POSTS', 50),
          gapMs: number('BENCH_POST_GAP_MS', 200),
        }),
      hot: () => hot(ctx),
    };
    for (const [name, run] of Object.entries(scenarios)) if (wants(name)) rows.push(...(await run()));
  } finally {
    await stack.stop();
  }
  return rows;
};

const main = async () => {
  process.env.LOG_LEVEL = 'WARN';
  const n = number('BENCH_N', 1000);
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  console.log(`bench on ${commit}, node ${process.version}, ${new Date().toISOString()}`);
  const rows: Row[] = [];
  if (API_SCENARIOS.some(wants)) rows.push(...(await apiScenarios(n)));
  else if (wants('hot')) {
    const database = await databaseOnly();
    try {
      rows.push(...(await hot({ databaseEndpoint: database.databaseEndpoint, env: database.functionEnv })));
    } finally {
      await database.stop();
    }
  }
  const service = await resolveService('local');
  if (wants('cold-start'))
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
