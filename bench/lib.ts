/**
 * Measuring helpers (../shared/BENCH.md): open-loop load at a fixed rate with latency taken from
 * each request's scheduled start, bursts for drain time, medians over alternating rounds.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Api, RequestCost } from './http';

/** A client straight to the local database, for the raw baselines; as many sockets as the API's own (lib/db.ts): a fair comparison. */
export const documentClient = (endpoint: string) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'ap-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      requestHandler: { httpAgent: { keepAlive: true, maxSockets: 256 } },
    }),
  );

/** What every scenario gets: the API, a coordinator's token, signed-in users, the database and the functions' environment. */
export interface BenchContext {
  client: Api;
  coordinator: string;
  users: Array<{ token: string; userId: string }>;
  databaseEndpoint: string;
  env: Record<string, string>;
  websocketUrl: string;
}

export interface LatencyStats {
  count: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  seconds: number;
  ratePerSecond: number;
}

export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

export const median = (values: number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Offers `count` operations at `rate` per second regardless of how fast they complete (open loop),
 * so queueing shows up as latency instead of hiding as a lower rate.
 */
export const openLoop = async (rate: number, count: number, operation: (i: number) => Promise<boolean>): Promise<LatencyStats> => {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const scheduled = started + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(
      operation(i).then(
        (ok) => {
          if (!ok) errors++;
          latencies.push(performance.now() - scheduled);
        },
        () => {
          errors++;
          latencies.push(performance.now() - scheduled);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    count,
    errors,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    seconds,
    ratePerSecond: rate,
  };
};

/**
 * Fires all at once; answers the drain time and throughput (for correctness and capacity, not
 * latency). `operation` answers true, or what went wrong (counted by kind).
 */
export const burst = async (count: number, operation: (i: number) => Promise<true | string>) => {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: count }, (_, i) => operation(i).catch((error: Error) => error.message)));
  const seconds = (performance.now() - started) / 1000;
  const failures: Record<string, number> = {};
  for (const result of results) if (result !== true) failures[result] = (failures[result] ?? 0) + 1;
  return { seconds, perSecond: count / seconds, errors: count - results.filter((ok) => ok === true).length, failures };
};

export interface Row {
  what: string;
  baseline: string;
  subject: string;
  ratio: string;
  invariants: 'yes' | 'no' | '—';
}

export const printTable = (rows: Row[]): string => {
  const keys: Array<keyof Row> = ['what', 'baseline', 'subject', 'ratio', 'invariants'];
  const header: Record<keyof Row, string> = {
    what: 'what',
    baseline: 'baseline',
    subject: 'subject',
    ratio: 'ratio',
    invariants: 'invariants held',
  };
  const all: Array<Record<keyof Row, string>> = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
  const line = (row: Record<keyof Row, string>) => `| ${keys.map((key) => row[key].padEnd(width(key))).join(' | ')} |`;
  const text = [line(header), `|${keys.map((key) => '-'.repeat(width(key) + 2)).join('|')}|`, ...rows.map(line)].join('\n');
  console.log(text);
  return text;
};

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const perSecond = (value: number) => `${value.toFixed(0)}/s`;

/** A row of what one operation costs DynamoDB, medians over the requests seen (`raw`: the baseline's own). */
export const costRow = (what: string, costs: Array<RequestCost | undefined>, raw: string): Row => {
  const seen = costs.filter((cost): cost is RequestCost => cost !== undefined);
  const of = (key: keyof RequestCost) => median(seen.map((cost) => cost[key]));
  return {
    what: `${what}: DynamoDB round trips / read units / write units, median of ${seen.length}`,
    baseline: raw,
    subject: seen.length ? `${of('roundTrips')} / ${of('readUnits')} / ${of('writeUnits')}` : 'not reported',
    ratio: '—',
    invariants: '—',
  };
};

export type BurstResult = Awaited<ReturnType<typeof burst>>;

/** The row of a burst over HTTP beside the raw one: drain time, throughput and errors. */
export const burstRow = (what: string, raw: BurstResult, http: BurstResult, problems: string[]): Row => ({
  what,
  baseline: `${raw.seconds.toFixed(2)} s (${perSecond(raw.perSecond)})`,
  subject: `${http.seconds.toFixed(2)} s (${perSecond(http.perSecond)}), ${http.errors} errors`,
  ratio: `${(http.seconds / raw.seconds).toFixed(1)}× (${((100 * http.perSecond) / raw.perSecond).toFixed(0)} % of the rate)`,
  invariants: problems.length === 0 && http.errors === 0 && raw.errors === 0 ? 'yes' : 'no',
});

/** The round of median drain time among `runs`, with the errors of them all (one failed round fails the row). */
const medianRun = (runs: BurstResult[]): BurstResult => {
  const middle = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)]!;
  return { ...middle, errors: runs.reduce((sum, run) => sum + run.errors, 0) };
};

/**
 * Alternating burst rounds, each the raw baseline then the subject (`round` runs one of each and answers the
 * invariants it found broken): one burst's rate moves a lot between runs on a shared machine, so the row gives
 * the medians and each round's ratio.
 */
export const burstRounds = async (
  rounds: number,
  what: string,
  round: (index: number) => Promise<{ raw: BurstResult; subject: BurstResult; problems: string[] }>,
): Promise<{ row: Row; raw: BurstResult; subject: BurstResult; problems: string[] }> => {
  const runs: Array<{ raw: BurstResult; subject: BurstResult; problems: string[] }> = [];
  for (let i = 0; i < rounds; i++) runs.push(await round(i));
  const raw = medianRun(runs.map((run) => run.raw));
  const subject = medianRun(runs.map((run) => run.subject));
  const problems = runs.flatMap((run) => run.problems);
  const shares = runs.map((run) => (100 * run.subject.perSecond) / run.raw.perSecond);
  const row = burstRow(`${what} (median of ${rounds})`, raw, subject, problems);
  row.ratio = `${median(shares).toFixed(0)} % of the rate (rounds: ${shares.map((share) => share.toFixed(0)).join(', ')} %)`;
  return { row, raw, subject, problems };
};

/**
 * Alternating open-loop rounds, each the raw baseline then the subject over HTTP (`round` runs one of
 * each and answers the invariants it found broken), and the p50 and p99 rows of their medians.
 */
export const openLoopRounds = async (
  rounds: number,
  what: (key: 'p50' | 'p99') => string,
  round: () => Promise<{ baseline: LatencyStats; subject: LatencyStats; problems: string[] }>,
): Promise<{ rows: Row[]; errors: number; problems: string[] }> => {
  const baselineRuns: LatencyStats[] = [];
  const subjectRuns: LatencyStats[] = [];
  const problems: string[] = [];
  for (let i = 0; i < rounds; i++) {
    const run = await round();
    baselineRuns.push(run.baseline);
    subjectRuns.push(run.subject);
    problems.push(...run.problems);
  }
  const errors = subjectRuns.reduce((sum, run) => sum + run.errors, 0);
  const rows = (['p50', 'p99'] as const).map((key): Row => {
    const base = median(baselineRuns.map((run) => run[key]));
    const subject = median(subjectRuns.map((run) => run[key]));
    return {
      what: what(key),
      baseline: ms(base),
      subject: ms(subject),
      ratio: `${(subject / base).toFixed(1)}×`,
      invariants: problems.length === 0 && errors === 0 ? 'yes' : 'no',
    };
  });
  return { rows, errors, problems };
};
