/**
 * A hot activity against AWS's per-partition limits (issue #20): the plain design's seat transaction
 * (bench/registrations.ts, `confirmedCount + 1` on the one activity item and the registration) offered
 * BENCH_HOT_N (10,000) times within one simulated second, through the limits simulator
 * (bench/limits/README.md) in slow motion. Each request is one attempt, as AWS sees the burst arrive;
 * throttles and conflicts are counted, and the seats are checked exact straight on DynamoDB Local.
 */
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type BenchContext, documentClient, type Row } from './lib';
import { startLimitsSimulator } from './limits/simulator';
import { rawActivityItem, seatTransaction } from './registrations';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What became of one attempt: a seat, or why not (a transaction names each action's reason). */
const outcomeOf = (error: unknown): string => {
  if (!(error instanceof TransactionCanceledException)) return (error as Error).name;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
  if (codes.includes('ThrottlingError')) return 'throttled';
  if (codes.includes('TransactionConflict')) return 'conflict';
  if (codes[0] === 'ConditionalCheckFailed') return 'full';
  return `cancelled [${codes.join(', ')}]`;
};

const countRegistrations = async (doc: DynamoDBDocumentClient, table: string, activityId: string) => {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'activityId = :a',
        ExpressionAttributeValues: { ':a': activityId },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
};

/** One burst through a fresh simulator; `transactionConflicts: false` leaves only the throughput limits. */
const plainBurst = async (
  ctx: Pick<BenchContext, 'databaseEndpoint' | 'env'>,
  {
    n,
    capacity,
    secondMs,
    transactionConflicts,
    holdMs,
  }: { n: number; capacity: number; secondMs: number; transactionConflicts: boolean; holdMs: number },
): Promise<Row> => {
  const tables = { activities: ctx.env.ACTIVITIES_TABLE!, registrations: ctx.env.REGISTRATIONS_TABLE! };
  const simulator = await startLimitsSimulator({
    upstream: ctx.databaseEndpoint,
    secondMs,
    transactionConflicts,
    transactionHoldMs: holdMs,
  });
  const through = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: simulator.endpoint,
      region: 'ap-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
      requestHandler: { httpAgent: { keepAlive: true, maxSockets: 256 }, socketAcquisitionWarningTimeout: 600_000 },
    }),
  );
  const direct = documentClient(ctx.databaseEndpoint);
  try {
    const activity = rawActivityItem(capacity);
    await through.send(new PutCommand({ TableName: tables.activities, Item: activity }));
    const outcomes: Record<string, number> = {};
    const started = performance.now();
    let lastAnswer = started;
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      const wait = started + (i * secondMs) / n - performance.now();
      if (wait > 0) await sleep(wait);
      inFlight.push(
        through
          .send(seatTransaction(tables, activity.id, `hot-${i}`))
          .then(() => 'seat', outcomeOf)
          .then((outcome) => {
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
            lastAnswer = performance.now();
          }),
      );
    }
    const offeredIn = (performance.now() - started) / secondMs;
    await Promise.all(inFlight);
    const simulated = (lastAnswer - started) / secondMs;

    const stored = (await direct.send(new GetCommand({ TableName: tables.activities, Key: { id: activity.id }, ConsistentRead: true })))
      .Item!;
    const registrations = await countRegistrations(direct, tables.registrations, activity.id);
    const seats = outcomes.seat ?? 0;
    const problems: string[] = [];
    if (stored.confirmedCount > capacity) problems.push(`confirmed ${stored.confirmedCount} > capacity ${capacity}`);
    if (stored.confirmedCount !== seats) problems.push(`confirmedCount ${stored.confirmedCount} ≠ ${seats} seats answered`);
    if (registrations !== seats) problems.push(`${registrations} registrations ≠ ${seats} seats answered`);
    if (problems.length) console.error(`hot activity invariants broken: ${problems.join('; ')}`);
    const activityUnits = simulator.partitionUnits(tables.activities, { S: activity.id }).write;
    const perSeat = activityUnits / Math.max(1, seats + (outcomes.full ?? 0));
    const { transactions, transactionHoldMs } = simulator.stats();
    const hold = transactions ? transactionHoldMs / transactions : 0;
    console.log(
      `hot activity (conflicts ${transactionConflicts ? 'on' : 'off'}): ${n} offered in ${offeredIn.toFixed(2)} s simulated (${secondMs} ms each), ` +
        `answered by ${simulated.toFixed(2)} s: ${JSON.stringify(outcomes)}; activity key ${activityUnits} WCU, ` +
        `registrations key ${simulator.partitionUnits(tables.registrations, { S: activity.id }).write} WCU; a transaction held its items ${hold.toFixed(1)} ms simulated`,
    );
    const throttled = outcomes.throttled ?? 0;
    const conflicts = outcomes.conflict ?? 0;
    return {
      what:
        `hot activity, plain design, limits simulator${transactionConflicts ? `, conflicts (${hold.toFixed(1)} ms hold)` : ', no conflicts'}: ` +
        `${n} seat transactions in ${offeredIn.toFixed(1)} s for ${capacity} seats`,
      baseline: `1,000 WCU/s per key: ${Math.floor(1000 / (perSeat || 2))} seats/s at ${(perSeat || 2).toFixed(1)} WCU`,
      subject:
        `${seats} seats in ${simulated.toFixed(2)} s (${Math.round(seats / simulated)}/s simulated), ` +
        `${throttled} throttled, ${conflicts} conflicts, ${n - seats - throttled - conflicts} other`,
      ratio: `${((100 * seats) / n).toFixed(0)} % seated`,
      invariants: problems.length === 0 ? 'yes' : 'no',
    };
  } finally {
    through.destroy();
    direct.destroy();
    await simulator.stop();
  }
};

/**
 * Three rows: throughput limits alone; with conflicts as long as DynamoDB Local holds a transaction (this machine's
 * latency, scaled); with conflicts and each transaction holding its items at least `holdMs` simulated (an assumption:
 * AWS publishes no figure), which is comparable between runs.
 */
export const hotActivityBench = async (
  ctx: Pick<BenchContext, 'databaseEndpoint' | 'env'>,
  options: { n: number; capacity: number; secondMs: number; holdMs: number },
): Promise<Row[]> => [
  await plainBurst(ctx, { ...options, transactionConflicts: false, holdMs: 0 }),
  await plainBurst(ctx, { ...options, transactionConflicts: true, holdMs: 0 }),
  await plainBurst(ctx, { ...options, transactionConflicts: true }),
];
