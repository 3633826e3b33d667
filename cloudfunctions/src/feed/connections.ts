/**
 * Who is watching which feed: one item per WebSocket connection, with a TTL so connections whose
 * client vanished without a goodbye expire; and the fan-out that pushes an event to all of them:
 * a page of watchers at a time, a bounded number of signed pushes in flight over kept-alive sockets
 * (docs/live-feed-at-scale.md). A connection API Gateway reports gone is removed at once.
 */
import http from 'node:http';
import https from 'node:https';
import type { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DeleteCommand, PutCommand, UpdateCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { FeedEvent } from '@hele/shared';
import { env } from '../lib/config';
import { doc, isConditionFailure, type DocClient } from '../lib/db';
import { logger } from '../lib/logger';
import type { AwsCredentials } from '../lib/sigv4';
import { tableName } from '../lib/tables';

/**
 * The request signer, with the SDK's @smithy/core under it (~140 KB), set up on the first push: the socket function
 * (connect, pings, disconnect) never pushes, and starts without it (docs/cold-starts.md).
 */
let signerModule: Promise<typeof import('../lib/sigv4')> | undefined;
const signer = () => (signerModule ??= import('../lib/sigv4'));

/** A connection lives this long without a ping (the app pings every 4 minutes). */
export const CONNECTION_TTL_SECONDS = 2 * 60 * 60;
/** Pings refresh that life at most this often: the pings in between write nothing. */
export const REFRESH_SECONDS = 10 * 60;
const table = () => tableName('CONNECTIONS_TABLE');
const seconds = (now: Date) => Math.floor(now.getTime() / 1000);
const expiry = (now: Date) => seconds(now) + CONNECTION_TTL_SECONDS;

/** Runs a conditional write: false when its condition failed (e.g. the connection is gone). */
const conditional = async (write: Promise<unknown>): Promise<boolean> => {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

export const createConnectionRepository = (client: DocClient = doc) => ({
  async add(connectionId: string, activityId: string, userId: string, now = new Date()) {
    await client.send(
      new PutCommand({
        TableName: table(),
        Item: { connectionId, activityId, userId, connectedAt: now.toISOString(), expiresAt: expiry(now), touchedAt: seconds(now) },
      }),
    );
  },
  /** Extends the connection's life, unless that was done in the last REFRESH_SECONDS or the connection is gone. */
  refresh: (connectionId: string, now = new Date()) =>
    conditional(
      client.send(
        new UpdateCommand({
          TableName: table(),
          Key: { connectionId },
          UpdateExpression: 'SET expiresAt = :expires, touchedAt = :now',
          ConditionExpression: 'attribute_exists(connectionId) AND (attribute_not_exists(touchedAt) OR touchedAt <= :due)',
          ExpressionAttributeValues: { ':expires': expiry(now), ':now': seconds(now), ':due': seconds(now) - REFRESH_SECONDS },
        }),
      ),
    ),
  /**
   * Counts one message in the minute `window`, while fewer than `max` were counted in it: the count
   * goes on, or starts again in a new minute. False: over the limit (or the connection is gone).
   */
  async count(connectionId: string, window: number, max: number): Promise<boolean> {
    const send = (update: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>) =>
      conditional(client.send(new UpdateCommand({ TableName: table(), Key: { connectionId }, ...update })));
    return (
      (await send({
        UpdateExpression: 'ADD messages :one',
        ConditionExpression: '#window = :window AND messages < :max',
        ExpressionAttributeNames: { '#window': 'window' },
        ExpressionAttributeValues: { ':one': 1, ':window': window, ':max': max },
      })) ||
      (await send({
        UpdateExpression: 'SET #window = :window, messages = :one',
        ConditionExpression: 'attribute_exists(connectionId) AND (attribute_not_exists(#window) OR #window < :window)',
        ExpressionAttributeNames: { '#window': 'window' },
        ExpressionAttributeValues: { ':one': 1, ':window': window },
      }))
    );
  },
  /** Marks the minute `window` as one the connection went over its limit in, once: the minutes so marked, or undefined. */
  async strike(connectionId: string, window: number): Promise<number | undefined> {
    try {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: table(),
          Key: { connectionId },
          UpdateExpression: 'ADD strikes :one SET strikeWindow = :window',
          ConditionExpression: 'attribute_exists(connectionId) AND (attribute_not_exists(strikeWindow) OR strikeWindow < :window)',
          ExpressionAttributeValues: { ':one': 1, ':window': window },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.strikes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },
  async remove(connectionId: string) {
    await client.send(new DeleteCommand({ TableName: table(), Key: { connectionId } }));
  },
  /**
   * Live connections watching a feed, a page at a time (expired ones may linger until TTL removes
   * them: skipped), so a feed with 100,000 watchers never sits in memory at once.
   */
  async *watching(activityId: string, now = new Date(), pageSize = WATCHER_PAGE): AsyncGenerator<string[]> {
    const pages = paginateQuery(
      { client: client as Parameters<typeof paginateQuery>[0]['client'], pageSize },
      {
        TableName: table(),
        IndexName: 'byActivity',
        KeyConditionExpression: 'activityId = :activity',
        FilterExpression: 'expiresAt > :now',
        ProjectionExpression: 'connectionId',
        ExpressionAttributeValues: { ':activity': activityId, ':now': seconds(now) },
      },
    );
    for await (const page of pages) {
      const ids = (page.Items ?? []).map((item) => item.connectionId as string);
      if (ids.length) yield ids;
    }
  },
});
export type ConnectionRepository = ReturnType<typeof createConnectionRepository>;
export const connectionRepository = createConnectionRepository();

export interface Broadcaster {
  publish(activityId: string, event: FeedEvent): Promise<void>;
}

/** Watchers read per query page. */
export const WATCHER_PAGE = 500;
/** Pushes in flight at once: enough to hide API Gateway's latency (20–50 ms a call), bounded for one function's sockets. */
export const PUSHES_IN_FLIGHT = 256;
/** Attempts per push when API Gateway throttles (429) or fails (5xx, a dropped socket). */
const PUSH_ATTEMPTS = 3;
const PUSH_TIMEOUT_MS = 5_000;

/** The SDK module, loaded when first needed (credentials for a fan-out, a goodbye) rather than at cold start. */
const managementApi = () => import('@aws-sdk/client-apigatewaymanagementapi');

let management: ApiGatewayManagementApiClient | undefined;
const managementClient = async () => {
  const { ApiGatewayManagementApiClient } = await managementApi();
  management ??= new ApiGatewayManagementApiClient({
    endpoint: env().WEBSOCKET_API_ENDPOINT,
    requestHandler: { httpAgent: { keepAlive: true }, httpsAgent: { keepAlive: true } },
  });
  return management;
};

/** What one push came to: delivered, the connection is gone (410), or it failed (status, or 0: no answer). */
type PushOutcome = { sent: true } | { sent: false; gone: boolean; status: number; error?: Error };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostToConnection as a signed request over kept-alive sockets, as many as the pushes in flight
 * (lib/sigv4.ts says why not the SDK's client for this one call). Credentials and region are the
 * ones the SDK's default chain resolves (the function's role on AWS, the local stage's environment).
 */
export const createConnectionPusher = ({
  endpoint,
  sockets = PUSHES_IN_FLIGHT,
  identity = async () => {
    const { config } = await managementClient();
    return { credentials: await config.credentials(), region: await config.region() };
  },
}: {
  endpoint: string;
  sockets?: number;
  identity?: () => Promise<{ credentials: AwsCredentials; region: string }>;
}) => {
  const base = endpoint.replace(/\/$/, '');
  const secure = base.startsWith('https:');
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: sockets })
    : new http.Agent({ keepAlive: true, maxSockets: sockets });
  const once = (url: URL, headers: Record<string, string>, body: Buffer) =>
    new Promise<number>((resolve, reject) => {
      const request = (secure ? https : http).request(url, { method: 'POST', agent, headers, timeout: PUSH_TIMEOUT_MS }, (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      });
      request.once('timeout', () => request.destroy(new Error(`no answer within ${PUSH_TIMEOUT_MS} ms`)));
      request.once('error', reject);
      request.end(body);
    });
  return {
    /** Who is asking: resolved once per fan-out (the SDK's providers cache and refresh it). */
    identity,
    async push(connectionId: string, body: Buffer, who: { credentials: AwsCredentials; region: string }): Promise<PushOutcome> {
      const { signRequest, uriEscape } = await signer();
      const url = new URL(`${base}/@connections/${uriEscape(connectionId)}`);
      let last: PushOutcome = { sent: false, gone: false, status: 0 };
      for (let attempt = 0; attempt < PUSH_ATTEMPTS; attempt++) {
        if (attempt > 0) await sleep(25 * 2 ** attempt * (0.5 + Math.random()));
        const headers = await signRequest({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length) },
          body,
          service: 'execute-api',
          region: who.region,
          credentials: who.credentials,
        });
        try {
          const status = await once(url, headers, body);
          if (status >= 200 && status < 300) return { sent: true };
          last = { sent: false, gone: status === 410, status };
          if (status !== 429 && status < 500) return last;
        } catch (error) {
          last = { sent: false, gone: false, status: 0, error: error as Error };
        }
      }
      return last;
    },
    destroy: () => agent.destroy(),
  };
};
export type ConnectionPusher = ReturnType<typeof createConnectionPusher>;

/**
 * Pushes an event to every watcher of a feed: watchers read a page at a time (the next page read
 * while this one is pushed), at most `inFlight` pushes at once, a connection API Gateway calls gone
 * (410) removed as found. One feed's events leave this instance in the order they were published
 * (on AWS an instance runs one request at a time; locally every request shares one process).
 * Failures are logged, never thrown: the write already happened, and a reader that missed the push
 * catches up by polling.
 */
export const createSocketBroadcaster = ({
  pusher,
  connections = connectionRepository,
  inFlight = PUSHES_IN_FLIGHT,
  pageSize = WATCHER_PAGE,
}: {
  pusher: () => ConnectionPusher | undefined;
  connections?: Pick<ConnectionRepository, 'watching' | 'remove'>;
  inFlight?: number;
  pageSize?: number;
}): Broadcaster => {
  const fanOut = async (activityId: string, event: FeedEvent) => {
    const sender = pusher();
    if (!sender) return;
    const started = performance.now();
    const tally = { sent: 0, gone: 0, failed: 0 };
    let failure: PushOutcome | undefined;
    try {
      const who = await sender.identity();
      const body = Buffer.from(JSON.stringify(event));
      const pages = connections.watching(activityId, new Date(), pageSize)[Symbol.asyncIterator]();
      const queue: string[] = [];
      let next = 0;
      let exhausted = false;
      let reading: Promise<void> | undefined;
      let readError: unknown;
      const read = () =>
        (reading ??= pages.next().then(
          (page) => {
            reading = undefined;
            if (page.done) exhausted = true;
            else queue.push(...page.value);
          },
          (error) => {
            reading = undefined;
            exhausted = true;
            readError = error;
          },
        ));
      const take = async (): Promise<string | undefined> => {
        while (next >= queue.length && !exhausted) await read();
        // Read ahead: the next page arrives while this one is still being pushed.
        if (!exhausted && queue.length - next < inFlight) void read();
        // Pushed ids are let go: a feed's watchers are never all in memory.
        if (next >= pageSize) {
          queue.splice(0, next);
          next = 0;
        }
        return next < queue.length ? queue[next++] : undefined;
      };
      const worker = async () => {
        for (let id = await take(); id !== undefined; id = await take()) {
          const outcome = await sender.push(id, body, who);
          if (outcome.sent) tally.sent++;
          else if (outcome.gone) {
            tally.gone++;
            await connections.remove(id);
          } else {
            tally.failed++;
            failure ??= outcome;
          }
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      if (readError) throw readError;
    } catch (error) {
      logger.warn('fan-out failed', { activityId, ...tally, error: error as Error });
      return;
    }
    const ms = Math.round(performance.now() - started);
    if (failure)
      logger.warn('pushes failed', {
        activityId,
        ...tally,
        ms,
        status: failure.sent ? 0 : failure.status,
        error: failure.sent ? undefined : failure.error,
      });
    else logger.debug('fan-out', { activityId, ...tally, ms });
  };
  const tails = new Map<string, Promise<void>>();
  return {
    publish(activityId, event) {
      const run = (tails.get(activityId) ?? Promise.resolve()).then(() => fanOut(activityId, event));
      tails.set(activityId, run);
      void run.then(() => {
        if (tails.get(activityId) === run) tails.delete(activityId);
      });
      return run;
    },
  };
};

let pusher: ConnectionPusher | undefined;
/** The stage's fan-out (none without a WebSocket API: readers poll). */
export const socketBroadcaster: Broadcaster = createSocketBroadcaster({
  pusher: () => {
    const endpoint = env().WEBSOCKET_API_ENDPOINT;
    if (endpoint && !pusher) pusher = createConnectionPusher({ endpoint });
    return endpoint ? pusher : undefined;
  },
});

/** Hangs up on a connection (a flood): API Gateway then runs `$disconnect`, which forgets it. */
export const closeConnection = async (connectionId: string): Promise<void> => {
  if (!env().WEBSOCKET_API_ENDPOINT) return;
  try {
    const [{ DeleteConnectionCommand }, client] = await Promise.all([managementApi(), managementClient()]);
    await client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
  } catch (error) {
    logger.warn('closing a connection failed', { connectionId, error: error as Error });
  }
};
