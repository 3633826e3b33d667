/**
 * The live feed's real time on the real local stack: serverless-offline's WebSocket API, the
 * connections table and PostToConnection. A watcher gets a post within a second; a reader whose
 * socket dropped catches up by polling, without gaps.
 */
import type { LocalStack } from '../../scripts/local/stack';
import { api } from '../../bench/http';
import { watchFeed } from '../support/feed-socket';
import { startTestStack } from '../support/stack';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const MINUTE = 60_000;

const feedUnderWay = async () => {
  const client = api(stack.apiUrl);
  const coordinator = (await client.signIn('coordinator')).token;
  const member = (await client.signIn('member')).token;
  const endsAt = new Date(Date.now() + 60 * MINUTE).toISOString();
  const reply = await client.request('POST', '/activities', coordinator, {
    kind: 'meeting',
    title: '实时动态测试会',
    venue: '和乐党群服务中心',
    capacity: 30,
    startsAt: new Date(Date.now() - 5 * MINUTE).toISOString(),
    endsAt,
    registrationClosesAt: endsAt,
    cancellationDeadline: endsAt,
  });
  return { client, coordinator, member, activityId: reply.body.activity.id as string };
};

it('pushes a new post, an edit and a like count to a watcher within a second', async () => {
  const { client, coordinator, member, activityId } = await feedUnderWay();
  const watcher = await watchFeed(stack.websocketUrl, member, activityId);
  try {
    const sentAt = performance.now();
    const { post } = (await client.request('POST', `/activities/${activityId}/posts`, coordinator, { text: '会议开始' })).body;
    const received = await watcher.next((event) => event.type === 'post' && event.post.id === post.id, 1_000);
    expect(received.at - sentAt).toBeLessThan(1_000);

    await client.request('PATCH', `/activities/${activityId}/posts/${post.id}`, coordinator, { text: '会议开始（第一议程）' });
    await watcher.next((event) => event.type === 'post' && event.post.id === post.id && event.post.edited);
    await client.request('PUT', `/activities/${activityId}/posts/${post.id}/likes/me`, member);
    await watcher.next((event) => event.type === 'likes' && event.id === post.id && event.likeCount === 1);
  } finally {
    await watcher.close();
  }
});

it('refuses a socket without a valid token', async () => {
  const { activityId } = await feedUnderWay();
  await expect(watchFeed(stack.websocketUrl, 'not-a-token', activityId)).rejects.toThrow();
});

it('lets a reader whose socket dropped catch up by polling, with no gaps and no duplicates', async () => {
  const { client, coordinator, member, activityId } = await feedUnderWay();
  const watcher = await watchFeed(stack.websocketUrl, member, activityId);
  const { post: seen } = (await client.request('POST', `/activities/${activityId}/posts`, coordinator, { text: '第一条' })).body;
  await watcher.next((event) => event.type === 'post' && event.post.id === seen.id);
  const lastRev = seen.rev as string;
  await watcher.close();

  // While the socket is down: posts at once from several places, an edit and a delete.
  const created = await Promise.all(
    Array.from(
      { length: 12 },
      async (_, i) =>
        (await client.request('POST', `/activities/${activityId}/posts`, coordinator, { text: `断线期间 ${i}` })).body.post.id as string,
    ),
  );
  await client.request('PATCH', `/activities/${activityId}/posts/${seen.id}`, coordinator, { text: '第一条（更正）' });
  await client.request('DELETE', `/activities/${activityId}/posts/${created[0]}`, coordinator);

  const changes = (await client.request('GET', `/activities/${activityId}/posts/changes?since=${lastRev}`, member)).body;
  // What the app does with them: merge by id, the newer revision wins.
  const merged = new Map<string, { rev: string; deleted?: boolean; text?: string }>([[seen.id, seen]]);
  for (const item of changes.items) if (!merged.has(item.id) || merged.get(item.id)!.rev < item.rev) merged.set(item.id, item);
  const live = [...merged.entries()].filter(([, item]) => !item.deleted).map(([id]) => id);
  const list = (await client.request('GET', `/activities/${activityId}/posts?limit=100`, member)).body.items.map(
    (item: { id: string }) => item.id,
  );
  expect(live.sort()).toEqual([...list].sort());
  expect(merged.get(seen.id)!.text).toBe('第一条（更正）');
  expect(merged.get(created[0]!)!.deleted).toBe(true);
});

it('removes a connection API Gateway says is gone, and still reaches the live watcher', async () => {
  const { client, coordinator, member, activityId } = await feedUnderWay();
  const watcher = await watchFeed(stack.websocketUrl, member, activityId);
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient, GetCommand, PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.databaseEndpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const TableName = stack.functionEnv.CONNECTIONS_TABLE!;
  const gone = 'gone-connection-id=';
  const expiresAt = Math.floor(Date.now() / 1000) + 3600;
  await db.send(
    new PutCommand({
      TableName,
      Item: { connectionId: gone, activityId, userId: 'u-gone', connectedAt: new Date().toISOString(), expiresAt },
    }),
  );
  try {
    const { post } = (await client.request('POST', `/activities/${activityId}/posts`, coordinator, { text: '有人掉线了' })).body;
    await watcher.next((event) => event.type === 'post' && event.post.id === post.id, 2_000);
    const deadline = Date.now() + 3_000;
    let item: unknown = {};
    while (item && Date.now() < deadline) {
      item = (await db.send(new GetCommand({ TableName, Key: { connectionId: gone } }))).Item;
      if (item) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(item).toBeUndefined();
  } finally {
    await watcher.close();
  }
});
