/**
 * The fan-out against a stand-in for API Gateway's `@connections` endpoint (a local server that
 * answers as AWS does: 200, 410 for a gone connection, 429 when throttling) and the real
 * connections table: pushes run in parallel but never more than the bound, every watcher gets
 * every event once and in order, a gone connection is removed as found, a throttled push is retried.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FeedEvent } from '@hele/shared';
import { connectionRepository, createConnectionPusher, createSocketBroadcaster, type ConnectionPusher } from './connections';

interface StandIn {
  endpoint: string;
  /** Bodies each connection was sent, in the order they arrived. */
  received: Map<string, string[]>;
  maxInFlight: number;
  requests: number;
  close(): Promise<void>;
}

const standIn = async ({ gone, throttleOnce, holdMs }: { gone: Set<string>; throttleOnce: Set<string>; holdMs: number }) => {
  let inFlight = 0;
  const state: StandIn = { endpoint: '', received: new Map(), maxInFlight: 0, requests: 0, close: async () => {} };
  const server = http.createServer((request, response) => {
    state.requests++;
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () =>
      setTimeout(() => {
        inFlight--;
        const id = decodeURIComponent(request.url!.split('/@connections/')[1]!);
        if (!request.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) response.writeHead(403);
        else if (gone.has(id)) response.writeHead(410);
        else if (throttleOnce.delete(id)) response.writeHead(429);
        else {
          state.received.set(id, [...(state.received.get(id) ?? []), Buffer.concat(chunks).toString()]);
          response.writeHead(200);
        }
        response.end();
      }, holdMs),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/local`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
};

const identity = async () => ({ credentials: { accessKeyId: 'AKIALOCAL', secretAccessKey: 'local' }, region: 'ap-east-1' });
const postEvent = (n: number) => ({ type: 'post', post: { id: `post-${n}` } }) as unknown as FeedEvent;

const watchers = async (activityId: string, count: number) => {
  const ids = Array.from({ length: count }, (_, i) => `w${i}-${randomUUID()}=`);
  await Promise.all(ids.map((id) => connectionRepository.add(id, activityId, `u-${id}`)));
  return ids;
};
const listed = async (activityId: string) => {
  const ids: string[] = [];
  for await (const page of connectionRepository.watching(activityId)) ids.push(...page);
  return ids.sort();
};

let pusher: ConnectionPusher | undefined;
let server: StandIn | undefined;
afterEach(async () => {
  pusher?.destroy();
  await server?.close();
});

it('pushes to every watcher in parallel, never more at once than the bound, and removes the gone ones as found', async () => {
  const activityId = `feed-${randomUUID()}`;
  const ids = await watchers(activityId, 60);
  const gone = new Set(ids.slice(0, 5));
  const throttled = new Set(ids.slice(10, 13));
  server = await standIn({ gone, throttleOnce: new Set(throttled), holdMs: 15 });
  pusher = createConnectionPusher({ endpoint: server.endpoint, identity });
  const broadcaster = createSocketBroadcaster({ pusher: () => pusher, inFlight: 8, pageSize: 7 });

  await broadcaster.publish(activityId, postEvent(1));

  // Bounded, and parallel (60 pushes one after another would never have 2 in flight).
  expect(server.maxInFlight).toBe(8);
  const live = ids.filter((id) => !gone.has(id));
  expect([...server.received.keys()].sort()).toEqual([...live].sort());
  for (const id of live) expect(server.received.get(id)).toEqual([JSON.stringify(postEvent(1))]);
  // The throttled ones were asked again: 60 pushes, and one more for each of the 3.
  expect(server.requests).toBe(63);
  expect(await listed(activityId)).toEqual([...live].sort());
});

it('delivers one feed’s events in the order they were published, each once, even when published at once', async () => {
  const activityId = `feed-${randomUUID()}`;
  const ids = await watchers(activityId, 30);
  server = await standIn({ gone: new Set(), throttleOnce: new Set(ids.slice(0, 4)), holdMs: 2 });
  pusher = createConnectionPusher({ endpoint: server.endpoint, identity });
  const broadcaster = createSocketBroadcaster({ pusher: () => pusher, inFlight: 16, pageSize: 8 });

  await Promise.all([1, 2, 3, 4, 5].map((n) => broadcaster.publish(activityId, postEvent(n))));

  const expected = [1, 2, 3, 4, 5].map((n) => JSON.stringify(postEvent(n)));
  for (const id of ids) expect(server.received.get(id)).toEqual(expected);
});

it('logs and carries on when the endpoint does not answer: the post is written, readers poll', async () => {
  const activityId = `feed-${randomUUID()}`;
  await watchers(activityId, 3);
  // A port nobody listens on.
  server = await standIn({ gone: new Set(), throttleOnce: new Set(), holdMs: 0 });
  const endpoint = server.endpoint;
  await server.close();
  server = undefined;
  pusher = createConnectionPusher({ endpoint, identity });
  const broadcaster = createSocketBroadcaster({ pusher: () => pusher, inFlight: 4 });
  await expect(broadcaster.publish(activityId, postEvent(1))).resolves.toBeUndefined();
  expect(await listed(activityId)).toHaveLength(3);
});
