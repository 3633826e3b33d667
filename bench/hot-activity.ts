/**
 * A hot activity against AWS's per-partition limits (issue #20): the plain design's seat transaction
 * (bench/registrations.ts, `confirmedCount + 1` on the one activity item and the registration) offered
 * BENCH_HOT_N (10,000) times within one simulated second, through the limits simulator
 * (bench/limits/README.md) in slow motion. Each request is one attempt, as AWS sees the burst arrive;
 * throttles and conflicts are counted, and the seats are checked exact straight on DynamoDB Local.
 * Then the center's registrations at once over many activities, to show what the activities' global indexes cost.
 */
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CreateActivityRequest, Role } from '@hele/shared';
import {
  HOT_CAPACITY,
  newActivityId,
  readShards,
  registrationPartitions,
  SHARDS,
  shardTotals,
} from '../cloudfunctions/src/domain/activities/hot';
import { newActivityRecord } from '../cloudfunctions/src/domain/activities/records';
import { createRegistrationEngine } from '../cloudfunctions/src/domain/activities/registration-engine';
import { createActivityRepository } from '../cloudfunctions/src/domain/activities/repository';
import { batchPutAll } from '../cloudfunctions/src/lib/db';
import { type BenchContext, documentClient, type Row } from './lib';
import { type LimitsOptions, type LimitsSimulator, startLimitsSimulator } from './limits/simulator';
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

/** A client of the simulator that never retries: each refusal is seen, as one attempt of a burst. */
const simulatorClient = (endpoint: string) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'ap-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
      requestHandler: { httpAgent: { keepAlive: true, maxSockets: 256 }, socketAcquisitionWarningTimeout: 600_000 },
    }),
  );

/** Runs `burst` through a fresh limits simulator in front of DynamoDB Local, with a client through it and one straight to DynamoDB Local; stops them after. */
const withSimulator = async <T>(
  ctx: Pick<BenchContext, 'databaseEndpoint'>,
  options: Omit<LimitsOptions, 'upstream'>,
  burst: (clients: { simulator: LimitsSimulator; through: DynamoDBDocumentClient; direct: DynamoDBDocumentClient }) => Promise<T>,
): Promise<T> => {
  const simulator = await startLimitsSimulator({ upstream: ctx.databaseEndpoint, ...options });
  const through = simulatorClient(simulator.endpoint);
  const direct = documentClient(ctx.databaseEndpoint);
  try {
    return await burst({ simulator, through, direct });
  } finally {
    through.destroy();
    direct.destroy();
    await simulator.stop();
  }
};

/**
 * Offers `n` attempts evenly over one simulated second (`secondMs` of wall clock), each `attempt(i)` once: what became
 * of them (`seat` or `outcomeOf`'s reason), how long the offer took and by when the last was answered (simulated s).
 */
const offer = async (n: number, secondMs: number, attempt: (i: number) => Promise<unknown>) => {
  const outcomes: Record<string, number> = {};
  const started = performance.now();
  let lastAnswer = started;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const wait = started + (i * secondMs) / n - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(
      attempt(i)
        .then(() => 'seat', outcomeOf)
        .then((outcome) => {
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          lastAnswer = performance.now();
        }),
    );
  }
  const offeredIn = (performance.now() - started) / secondMs;
  await Promise.all(inFlight);
  return { outcomes, offeredIn, simulated: (lastAnswer - started) / secondMs };
};

/** The seats of an activity are exact: its counter is the seats answered and the registrations stored, within capacity. */
const seatProblems = async (
  direct: DynamoDBDocumentClient,
  tables: { activities: string; registrations: string },
  activityId: string,
  capacity: number,
  seats: number,
) => {
  const stored = (await direct.send(new GetCommand({ TableName: tables.activities, Key: { id: activityId }, ConsistentRead: true }))).Item!;
  const registrations = await countRegistrations(direct, tables.registrations, activityId);
  const problems: string[] = [];
  if (stored.confirmedCount > capacity) problems.push(`${activityId}: confirmed ${stored.confirmedCount} > capacity ${capacity}`);
  if (stored.confirmedCount !== seats) problems.push(`${activityId}: confirmedCount ${stored.confirmedCount} ≠ ${seats} seats answered`);
  if (registrations !== seats) problems.push(`${activityId}: ${registrations} registrations ≠ ${seats} seats answered`);
  return problems;
};

/** A burst on one activity: `n` attempts for `capacity` seats; `transactionConflicts: false` leaves only the throughput limits. */
interface HotBurst {
  n: number;
  capacity: number;
  secondMs: number;
  transactionConflicts: boolean;
  holdMs: number;
}

/** One burst of the plain design's seat transaction through a fresh simulator. */
const plainBurst = async (
  ctx: Pick<BenchContext, 'databaseEndpoint' | 'env'>,
  { n, capacity, secondMs, transactionConflicts, holdMs }: HotBurst,
): Promise<Row> => {
  const tables = { activities: ctx.env.ACTIVITIES_TABLE!, registrations: ctx.env.REGISTRATIONS_TABLE! };
  return withSimulator(ctx, { secondMs, transactionConflicts, transactionHoldMs: holdMs }, async ({ simulator, through, direct }) => {
    const activity = rawActivityItem(capacity);
    await through.send(new PutCommand({ TableName: tables.activities, Item: activity }));
    const { outcomes, offeredIn, simulated } = await offer(n, secondMs, (i) =>
      through.send(seatTransaction(tables, activity.id, `hot-${i}`)),
    );
    const seats = outcomes.seat ?? 0;
    const problems = await seatProblems(direct, tables, activity.id, capacity, seats);
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
  });
};

/**
 * The hot design (cloudfunctions/src/domain/activities/hot.ts) under the same burst: `n` registrations of the real
 * registration engine over the real repository, its client pointed at the limits simulator, for an activity made
 * hot (`capacity` ≥ HOT_CAPACITY), within one simulated second. Each registration is what the API would do for a
 * member (the account's check included), with the engine's own retries; the invariants are read straight from
 * DynamoDB Local: seats exactly the seats answered and ≤ capacity, everyone else waiting, nobody waiting while a
 * seat is free.
 */
const hotDesignBurst = async (
  ctx: Pick<BenchContext, 'databaseEndpoint' | 'env'>,
  { n, capacity, secondMs, transactionConflicts, holdMs }: HotBurst,
): Promise<Row> => {
  // The engine finds its tables as a function does, in the environment.
  Object.assign(process.env, ctx.env);
  return withSimulator(ctx, { secondMs, transactionConflicts, transactionHoldMs: holdMs }, async ({ simulator, through, direct }) => {
    const at = new Date();
    // As the API takes it (its defaults included), then made as the service makes it.
    const input = CreateActivityRequest.parse({
      kind: 'service',
      title: '热门公开课',
      venue: '和乐党群服务中心',
      capacity,
      startsAt: new Date(at.getTime() + 86_400_000).toISOString(),
      endsAt: new Date(at.getTime() + 93_600_000).toISOString(),
      publish: true,
    });
    const record = newActivityRecord(input, 'bench', at, newActivityId(capacity));
    // Made straight on DynamoDB Local: the burst, not the activity's creation, is measured.
    await createActivityRepository(direct).createActivity(record);
    const run = Date.now().toString(36);
    const members = Array.from({ length: n }, (_, i) => ({ id: `hot-${run}-${i}`, nickname: `报名者${i}`, roles: [Role.MEMBER] }));
    await batchPutAll(
      ctx.env.USERS_TABLE!,
      members.map(({ id, nickname, roles }) => ({ id, nickname, roles, createdAt: at.toISOString() })),
      direct,
    );
    const engine = createRegistrationEngine({ repository: createActivityRepository(through) });
    const { outcomes, offeredIn, simulated } = await offer(n, secondMs, async (i) => {
      const { registration } = await engine.register(record.id, members[i]!);
      if (registration.status !== 'confirmed') throw Object.assign(new Error(registration.status), { name: registration.status });
    });
    const seats = outcomes.seat ?? 0;
    const waiting = outcomes.waitlisted ?? 0;
    const shards = await readShards(direct, record.id, true);
    const totals = shardTotals(shards);
    const stored = await Promise.all(
      registrationPartitions(record.id).map(async (partition) => {
        const items = await direct.send(
          new QueryCommand({
            TableName: ctx.env.REGISTRATIONS_TABLE!,
            KeyConditionExpression: 'activityId = :id',
            ExpressionAttributeValues: { ':id': partition },
            ProjectionExpression: '#status',
            ExpressionAttributeNames: { '#status': 'status' },
            ConsistentRead: true,
          }),
        );
        return (items.Items ?? []).map((item) => item.status as string);
      }),
    );
    const statuses = stored.flat();
    const problems: string[] = [];
    if (totals.confirmedCount > capacity) problems.push(`confirmed ${totals.confirmedCount} > capacity ${capacity}`);
    if (totals.confirmedCount !== seats) problems.push(`shards hold ${totals.confirmedCount} seats ≠ ${seats} answered`);
    if (statuses.filter((status) => status === 'confirmed').length !== seats) problems.push('confirmed registrations ≠ seats answered');
    if (totals.waitlistCount !== waiting || statuses.filter((status) => status === 'waitlisted').length !== waiting)
      problems.push(`waiting ${totals.waitlistCount} on the shards, ${waiting} answered`);
    if (waiting > 0 && totals.confirmedCount < capacity) problems.push('people wait while a seat is free');
    if (problems.length) console.error(`hot design invariants broken: ${problems.join('; ')}`);
    const { transactions, transactionHoldMs, throttled, conflicts } = simulator.stats();
    const hold = transactions ? transactionHoldMs / transactions : 0;
    console.log(
      `hot design (conflicts ${transactionConflicts ? 'on' : 'off'}): ${n} offered in ${offeredIn.toFixed(2)} s simulated (${secondMs} ms each), ` +
        `answered by ${simulated.toFixed(2)} s: ${JSON.stringify(outcomes)}; the simulator refused ${throttled} for throughput and ${conflicts} for conflicts ` +
        `(the engine retried them); a transaction held its items ${hold.toFixed(1)} ms simulated`,
    );
    const other = n - seats - waiting;
    return {
      what:
        `hot activity, hot design (${SHARDS} seat shards, ${SHARDS} registration buckets), limits simulator${transactionConflicts ? `, conflicts (${hold.toFixed(1)} ms hold)` : ', no conflicts'}: ` +
        `${n} registrations of the engine in ${offeredIn.toFixed(1)} s for ${capacity} seats`,
      baseline: `the plain design: one activity item, ~${Math.round(1000 / 2)} seats/s at most`,
      subject:
        `${seats} seats + ${waiting} waiting answered by ${simulated.toFixed(2)} s (${Math.round((seats + waiting) / simulated)}/s simulated), ` +
        `${other} other; ${throttled} throttled and ${conflicts} conflicts retried`,
      ratio: `${((100 * (seats + waiting)) / n).toFixed(0)} % answered`,
      invariants: problems.length === 0 ? 'yes' : 'no',
    };
  });
};

/**
 * The center's registrations at once (docs/hot-activity.md §3): `n` seat transactions over `activities` activities,
 * evenly, within one simulated second, through the limits simulator, throughput limits only. Each activity's own
 * keys take a share a partition holds easily; what differs is the activities table's global indexes. With every
 * attribute projected (`ALL`, as before #20) each seat's counter update is also a write to the index partition all
 * published activities share; with the projection serverless.yml declares (keys only), it is not. The activities are
 * in a copy of the activities table with that projection, put there directly (their creation is not the burst).
 */
const centerBurst = async (
  ctx: Pick<BenchContext, 'databaseEndpoint' | 'env'>,
  { n, activities, secondMs, projection }: { n: number; activities: number; secondMs: number; projection: 'ALL' | 'declared' },
): Promise<Row> => {
  const declared = ctx.env.ACTIVITIES_TABLE!;
  const control = new DynamoDBClient({
    endpoint: ctx.databaseEndpoint,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { Table } = await control.send(new DescribeTableCommand({ TableName: declared }));
  const tables = { activities: `${declared}-center-${projection}-${Date.now().toString(36)}`, registrations: ctx.env.REGISTRATIONS_TABLE! };
  await control.send(
    new CreateTableCommand({
      TableName: tables.activities,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: Table!.AttributeDefinitions,
      KeySchema: Table!.KeySchema,
      GlobalSecondaryIndexes: Table!.GlobalSecondaryIndexes!.map(({ IndexName, KeySchema, Projection }) => ({
        IndexName,
        KeySchema,
        Projection: projection === 'ALL' ? { ProjectionType: 'ALL' } : Projection,
      })),
    }),
  );
  const indexed = Table!.GlobalSecondaryIndexes!.map(
    ({ IndexName, Projection }) => `${IndexName} ${projection === 'ALL' ? 'ALL' : Projection?.ProjectionType}`,
  );
  try {
    return await withSimulator(ctx, { secondMs, transactionConflicts: false }, async ({ simulator, through, direct }) => {
      const capacity = Math.ceil(n / activities);
      // About 1 KB, as an activity with its title and description is.
      const ids = await Promise.all(
        Array.from({ length: activities }, async (_, i) => {
          const item = {
            ...rawActivityItem(capacity),
            listKey: 'published',
            kindKey: 'service#published',
            startsAt: new Date(Date.UTC(2031, 0, 1 + i)).toISOString(),
            title: `公益活动 ${i}`,
            description: '社区志愿服务，'.repeat(40),
          };
          await direct.send(new PutCommand({ TableName: tables.activities, Item: item }));
          return item.id;
        }),
      );
      const seatsOf = new Map<string, number>();
      const { outcomes, offeredIn, simulated } = await offer(n, secondMs, async (i) => {
        const activityId = ids[i % activities]!;
        await through.send(seatTransaction(tables, activityId, `center-${i}`));
        seatsOf.set(activityId, (seatsOf.get(activityId) ?? 0) + 1);
      });
      const seats = outcomes.seat ?? 0;
      const problems = (await Promise.all(ids.map((id) => seatProblems(direct, tables, id, capacity, seatsOf.get(id) ?? 0)))).flat();
      if (problems.length) console.error(`center-wide burst invariants broken: ${problems.slice(0, 5).join('; ')}`);
      const indexUnits = Table!.GlobalSecondaryIndexes!.map(({ IndexName, KeySchema }) => {
        const hash = KeySchema!.find((key) => key.KeyType === 'HASH')!.AttributeName!;
        const value = hash === 'listKey' ? 'published' : 'service#published';
        return `${IndexName} ${simulator.indexUnits(tables.activities, IndexName!, { S: value }).write} WCU`;
      });
      const throttled = outcomes.throttled ?? 0;
      console.log(
        `center-wide burst (${indexed.join(', ')}): ${n} offered in ${offeredIn.toFixed(2)} s simulated, answered by ${simulated.toFixed(2)} s: ` +
          `${JSON.stringify(outcomes)}; index partitions ${indexUnits.join(', ')}`,
      );
      return {
        what:
          `the center's registrations at once, limits simulator (throughput only): ${n} seat transactions over ${activities} activities ` +
          `in ${offeredIn.toFixed(1)} s, the activities' global indexes ${projection === 'ALL' ? 'projecting every attribute (before #20)' : 'as declared (keys only)'}`,
        baseline: `the index partitions all published activities share: ${indexUnits.join(', ')}`,
        subject: `${seats} seats in ${simulated.toFixed(2)} s (${Math.round(seats / simulated)}/s simulated), ${throttled} throttled, ${n - seats - throttled} other`,
        ratio: `${((100 * seats) / n).toFixed(0)} % seated`,
        invariants: problems.length === 0 ? 'yes' : 'no',
      };
    });
  } finally {
    await control.send(new DeleteTableCommand({ TableName: tables.activities }));
    control.destroy();
  }
};

/**
 * Five rows. For one hot activity: throughput limits alone; with conflicts as long as DynamoDB Local holds a transaction (this machine's
 * latency, scaled); with conflicts and each transaction holding its items at least `holdMs` simulated (an assumption:
 * AWS publishes no figure), which is comparable between runs. For the center's registrations over `activities`
 * activities at once: the activities' global indexes projecting every attribute (before #20), then as declared.
 */
export const hotActivityBench = async (
  ctx: Pick<BenchContext, 'databaseEndpoint' | 'env'>,
  options: { n: number; capacity: number; secondMs: number; holdMs: number; activities: number; hotSecondMs: number },
): Promise<Row[]> => [
  await plainBurst(ctx, { ...options, transactionConflicts: false, holdMs: 0 }),
  await plainBurst(ctx, { ...options, transactionConflicts: true, holdMs: 0 }),
  await plainBurst(ctx, { ...options, transactionConflicts: true }),
  await centerBurst(ctx, { ...options, projection: 'ALL' }),
  await centerBurst(ctx, { ...options, projection: 'declared' }),
  // The engine does more per request than a raw transaction: slower motion, so this machine keeps up with the offer.
  await hotDesignBurst(ctx, {
    ...options,
    capacity: Math.max(options.capacity, HOT_CAPACITY),
    secondMs: options.hotSecondMs,
    transactionConflicts: false,
    holdMs: 0,
  }),
  await hotDesignBurst(ctx, {
    ...options,
    capacity: Math.max(options.capacity, HOT_CAPACITY),
    secondMs: options.hotSecondMs,
    transactionConflicts: true,
  }),
];
