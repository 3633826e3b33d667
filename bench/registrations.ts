/**
 * Registration burst and latency on the local stack (issue #3): N concurrent registrations for a
 * hot activity over HTTP, beside the raw TransactWriteItems that takes a seat, straight against
 * DynamoDB Local. Invariants are checked after every run.
 */
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RequestCost } from './http';
import {
  burst,
  burstRounds,
  costRow,
  documentClient,
  openLoop,
  type Row,
  type BenchContext as Context,
  burstRow,
  openLoopRounds,
} from './lib';

const HOUR = 3_600_000;

const createActivity = async ({ client, coordinator }: Context, capacity: number): Promise<string> => {
  const start = Date.now() + 48 * HOUR;
  const reply = await client.request('POST', '/activities', coordinator, {
    kind: 'meeting',
    title: '压测组织生活会',
    venue: '和乐党群服务中心',
    capacity,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * HOUR).toISOString(),
  });
  if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
  return reply.body.activity.id;
};

/** Every invariant of one activity after a run: seats, counters, contiguous waitlist, one per user. */
export const checkRegistrationInvariants = async ({ client, coordinator }: Context, activityId: string, expectedLive: number) => {
  const activity = (await client.request('GET', `/activities/${activityId}`, coordinator)).body.activity;
  const items: Array<{ status: string; position?: number; userId: string }> = [];
  let cursor: string | null = null;
  do {
    const reply: { body: { items: typeof items; nextCursor: string | null } } = await client.request(
      'GET',
      `/activities/${activityId}/registrations?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      coordinator,
    );
    if (!reply.body.items) throw new Error(`listing registrations failed: ${JSON.stringify(reply.body)}`);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  } while (cursor);
  const confirmed = items.filter((item) => item.status === 'confirmed');
  const waitlisted = items
    .filter((item) => item.status === 'waitlisted')
    .map((item) => item.position!)
    .sort((a, b) => a - b);
  const problems: string[] = [];
  if (confirmed.length > activity.capacity) problems.push(`confirmed ${confirmed.length} > capacity ${activity.capacity}`);
  if (confirmed.length !== activity.confirmedCount) problems.push(`confirmedCount ${activity.confirmedCount} ≠ ${confirmed.length}`);
  if (waitlisted.length !== activity.waitlistCount) problems.push(`waitlistCount ${activity.waitlistCount} ≠ ${waitlisted.length}`);
  if (waitlisted.some((position, i) => position !== i + 1)) problems.push('waitlist positions are not 1..n');
  if (confirmed.length + waitlisted.length !== expectedLive)
    problems.push(`live ${confirmed.length + waitlisted.length} ≠ ${expectedLive}`);
  if (new Set(items.map((item) => item.userId)).size !== items.length) problems.push('a user holds two registrations');
  if (confirmed.length < Math.min(activity.capacity, expectedLive)) problems.push('a free seat while people wait');
  return problems;
};

/** The seat-taking transaction of the plain design: `confirmedCount + 1` on the activity item (IF a seat is free) and the registration. */
export const seatTransaction = (tables: { activities: string; registrations: string }, activityId: string, userId: string) =>
  new TransactWriteCommand({
    TransactItems: [
      {
        Update: {
          TableName: tables.activities,
          Key: { id: activityId },
          UpdateExpression: 'SET confirmedCount = confirmedCount + :one',
          ConditionExpression: '#status = :published AND confirmedCount < #capacity AND waitlistCount = :zero',
          ExpressionAttributeNames: { '#status': 'status', '#capacity': 'capacity' },
          ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':published': 'published' },
        },
      },
      {
        Put: {
          TableName: tables.registrations,
          Item: { activityId, userId, id: `${activityId}-${userId}`, status: 'confirmed' },
          ConditionExpression: 'attribute_not_exists(userId)',
        },
      },
    ],
  });

/** A bare activity item for the raw seat transaction. */
export const rawActivityItem = (capacity: number) => ({
  id: `raw-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  status: 'published',
  capacity,
  confirmedCount: 0,
  waitlistCount: 0,
});

/** The raw operation: one TransactWriteItems taking a seat (counter + registration), no HTTP, no service. */
const rawSeat = (ctx: Context) => {
  const doc = documentClient(ctx.databaseEndpoint);
  const tables = { activities: ctx.env.ACTIVITIES_TABLE!, registrations: ctx.env.REGISTRATIONS_TABLE! };
  return {
    async activity(capacity: number) {
      const item = rawActivityItem(capacity);
      await doc.send(new PutCommand({ TableName: tables.activities, Item: item }));
      return item.id;
    },
    async take(activityId: string, userId: string) {
      try {
        await doc.send(seatTransaction(tables, activityId, userId));
        return true;
      } catch (error) {
        return (error as Error).name === 'TransactionCanceledException';
      }
    },
  };
};

/**
 * The same registrations through the registration engine in this process: every DynamoDB call a registration
 * makes (the activity, shared by the requests of a second, and the seat or waitlist place), without HTTP, Lambda, the caller's read and the
 * key's record. What the HTTP burst spends beyond this is the stack's, not the database's.
 */
const inProcessEngine = async (ctx: Context) => {
  Object.assign(process.env, ctx.env, { AWS_ENDPOINT_URL_DYNAMODB: ctx.databaseEndpoint });
  const [{ createRegistrationEngine }, { activityRepository }] = await Promise.all([
    import('../cloudfunctions/src/domain/activities/registration-engine'),
    import('../cloudfunctions/src/domain/activities/repository'),
  ]);
  const engine = createRegistrationEngine({ repository: activityRepository });
  return (activityId: string, user: { userId: string }) => engine.register(activityId, { id: user.userId, nickname: '压测', roles: [] });
};

export const registrationBench = async (
  ctx: Context,
  { n, capacity, rounds, seconds }: { n: number; capacity: number; rounds: number; seconds: number },
) => {
  const rows: Row[] = [];
  const raw = rawSeat(ctx);

  // Burst: all N at once, for correctness and drain time; raw and HTTP alternate, each round on new activities.
  const costs: Array<RequestCost | undefined> = [];
  const bursts = await burstRounds(
    rounds,
    `registration burst: ${n} at once for ${capacity} seats (drain), raw seat transaction vs HTTP`,
    async (round) => {
      const rawActivity = await raw.activity(capacity);
      const rawBurst = await burst(n, async (i) => (await raw.take(rawActivity, ctx.users[i]!.userId)) || 'raw write failed');
      const activity = await createActivity(ctx, capacity);
      const httpBurst = await burst(n, async (i) => {
        const reply = await ctx.client.request('POST', `/activities/${activity}/registrations`, ctx.users[i]!.token, undefined, {
          'Idempotency-Key': `bench-${round}-${i}`,
        });
        costs.push(reply.cost);
        return reply.status === 201 || `${reply.status} ${reply.body?.error?.code ?? reply.body?.errorType ?? ''}`;
      });
      if (httpBurst.errors) console.error(`burst failures: ${JSON.stringify(httpBurst.failures)}`);
      const problems = await checkRegistrationInvariants(ctx, activity, n);
      if (problems.length) console.error(`burst invariants broken: ${problems.join('; ')}`);
      return { raw: rawBurst, subject: httpBurst, problems };
    },
  );
  rows.push(bursts.row);
  const httpBurst = bursts.subject;
  const burstProblems = bursts.problems;

  const register = await inProcessEngine(ctx);
  const engineActivity = await createActivity(ctx, capacity);
  const engineBurst = await burst(n, async (i) => (await register(engineActivity, ctx.users[i]!)).created || 'not created');
  const engineProblems = await checkRegistrationInvariants(ctx, engineActivity, n);
  rows.push(
    burstRow(
      `registration burst: the same, the registration engine in-process (same DynamoDB calls, no HTTP/Lambda) vs HTTP`,
      engineBurst,
      httpBurst,
      [...burstProblems, ...engineProblems],
    ),
  );
  if (engineProblems.length) console.error(`in-process burst invariants broken: ${engineProblems.join('; ')}`);
  rows.push(costRow('registration (seat or waitlist, with Idempotency-Key)', costs, '1 / 0 / — (one TransactWriteItems)'));

  // Open loop at half the measured HTTP peak: latency from each request's scheduled start.
  const rate = Math.max(10, Math.floor(httpBurst.perSecond / 2));
  const count = Math.min(n, Math.floor(rate * seconds));
  const measured = await openLoopRounds(
    rounds,
    (key) => `registration ${key}, open loop ${rate}/s × ${count} (median of ${rounds})`,
    async () => {
      const rawActivity = await raw.activity(capacity);
      const baseline = await openLoop(rate, count, (i) => raw.take(rawActivity, ctx.users[i]!.userId));
      const activity = await createActivity(ctx, capacity);
      const subject = await openLoop(
        rate,
        count,
        async (i) => (await ctx.client.request('POST', `/activities/${activity}/registrations`, ctx.users[i]!.token)).status === 201,
      );
      return { baseline, subject, problems: await checkRegistrationInvariants(ctx, activity, count) };
    },
  );
  rows.push(...measured.rows);
  if (measured.problems.length || measured.errors)
    console.error(`open-loop problems: ${measured.errors} errors; ${measured.problems.join('; ')}`);
  return rows;
};
