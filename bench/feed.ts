/**
 * Live-feed fan-out (issue #5): W sockets watch one feed on the local stack (serverless-offline's
 * WebSocket API, the connections table, PostToConnection); P posts are made at a steady pace and
 * each delivery's latency is taken from the moment its post was sent. Baseline: the same posts
 * to a single watcher. Invariant: every watcher gets every post exactly once, in the order they were posted.
 */
import type { FeedEvent } from '@hele/shared';
import { watchFeed, type FeedWatcher } from '../test/support/feed-socket';
import type { RequestCost } from './http';
import { costRow, ms, percentile, type BenchContext, type Row } from './lib';

const TARGET_P99_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const feedUnderWay = async ({ client, coordinator }: BenchContext): Promise<string> => {
  const endsAt = new Date(Date.now() + 3_600_000).toISOString();
  const reply = await client.request('POST', '/activities', coordinator, {
    kind: 'meeting',
    title: '压测现场直播',
    venue: '和乐党群服务中心',
    capacity: 10,
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt,
    registrationClosesAt: endsAt,
    cancellationDeadline: endsAt,
  });
  return reply.body.activity.id;
};

const isPost = (event: FeedEvent): event is Extract<FeedEvent, { type: 'post' }> => event.type === 'post';

/** Posts `count` times, `gapMs` apart; answers each post's id and when it was sent. */
/** What each post's request cost DynamoDB (its fan-out included). */
const costs: Array<RequestCost | undefined> = [];

const postSteadily = async (ctx: BenchContext, activityId: string, count: number, gapMs: number) => {
  const sent = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const scheduled = started + i * gapMs;
    const wait = scheduled - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(
      ctx.client.request('POST', `/activities/${activityId}/posts`, ctx.coordinator, { text: `压测动态 ${i}` }).then((reply) => {
        sent.set(reply.body.post.id, scheduled);
        costs.push(reply.cost);
      }),
    );
  }
  await Promise.all(pending);
  return sent;
};

const run = async (ctx: BenchContext, watchers: number, posts: number, gapMs: number) => {
  const activityId = await feedUnderWay(ctx);
  const sockets: FeedWatcher[] = [];
  // Opened 50 at a time (a burst of 1,000 upgrades would time out on 2 cores); 1,000 sockets are far under `ulimit -n`.
  for (let i = 0; i < watchers; i += 50) {
    sockets.push(
      ...(await Promise.all(
        ctx.users.slice(i, Math.min(watchers, i + 50)).map((user) => watchFeed(ctx.websocketUrl, user.token, activityId)),
      )),
    );
  }
  try {
    const sent = await postSteadily(ctx, activityId, posts, gapMs);
    // Let the last pushes land.
    const deadline = performance.now() + 5_000;
    while (performance.now() < deadline && sockets.some((socket) => socket.events.filter(({ event }) => isPost(event)).length < posts))
      await sleep(50);
    const latencies: number[] = [];
    const problems: string[] = [];
    for (const socket of sockets) {
      const seen = socket.events.filter(({ event }) => isPost(event)) as Array<{ event: Extract<FeedEvent, { type: 'post' }>; at: number }>;
      const ids = seen.map(({ event }) => event.post.id);
      if (new Set(ids).size !== ids.length) problems.push('a watcher got a post twice');
      if (ids.length < posts) problems.push(`a watcher got ${ids.length} of ${posts} posts`);
      const order = ids.map((id) => sent.get(id)!);
      if (order.some((at, i) => i > 0 && at < order[i - 1]!)) problems.push('a watcher got posts out of order');
      for (const { event, at } of seen) latencies.push(at - sent.get(event.post.id)!);
    }
    latencies.sort((a, b) => a - b);
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      deliveries: latencies.length,
      problems: [...new Set(problems)],
    };
  } finally {
    await Promise.all(sockets.map((socket) => socket.close()));
  }
};

const rowsOf = (one: Fanout, many: Fanout, watchers: number, posts: number, gapMs: number, target?: number): Row[] =>
  (['p50', 'p99'] as const).map((key) => ({
    what: `feed fan-out ${key}: post → delivered, ${posts} posts every ${gapMs} ms to ${watchers} sockets (${many.deliveries} deliveries)${key === 'p99' && target ? `, target < ${target} ms` : ''}`,
    baseline: `${ms(one[key])} (1 socket)`,
    subject: ms(many[key]),
    ratio: `${(many[key] / one[key]).toFixed(1)}×`,
    invariants: one.problems.length + many.problems.length === 0 && (key === 'p50' || !target || many.p99 < target) ? 'yes' : 'no',
  }));

type Fanout = Awaited<ReturnType<typeof run>>;

/** `watchers` against the target; `crowd` (e.g. 1,000) measured beside it, with fewer posts. */
export const feedBench = async (
  ctx: BenchContext,
  { watchers, crowd, posts, gapMs }: { watchers: number; crowd: number; posts: number; gapMs: number },
): Promise<Row[]> => {
  const one = await run(ctx, 1, posts, gapMs);
  const many = await run(ctx, watchers, posts, gapMs);
  const crowdPosts = Math.max(5, Math.round(posts / 5));
  const large = crowd > watchers ? await run(ctx, Math.min(crowd, ctx.users.length), crowdPosts, gapMs * 2) : undefined;
  const problems = [...one.problems, ...many.problems, ...(large?.problems ?? [])];
  if (problems.length) console.error(`feed fan-out problems: ${problems.join('; ')}`);
  return [
    costRow('feed post', costs, '—'),
    ...rowsOf(one, many, watchers, posts, gapMs, TARGET_P99_MS),
    ...(large ? rowsOf(one, large, Math.min(crowd, ctx.users.length), crowdPosts, gapMs * 2) : []),
  ];
};
