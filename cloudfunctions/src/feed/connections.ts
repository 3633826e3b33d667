/**
 * Who is watching which feed: one item per WebSocket connection, with a TTL so connections whose
 * client vanished without a goodbye expire; and the fan-out that pushes an event to all of them:
 * a page of watchers at a time, a bounded number of pushes in flight (docs/live-feed-at-scale.md).
 * A connection API Gateway reports gone is removed at once.
 */
import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { DeleteCommand, PutCommand, UpdateCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { FeedEvent } from '@hele/shared';
import pMap from 'p-map';
import { env } from '../lib/config';
import { doc } from '../lib/db';
import { logger } from '../lib/logger';
import { tableName } from '../lib/tables';

/** A connection lives this long without a ping (the app pings every few minutes). */
export const CONNECTION_TTL_SECONDS = 2 * 60 * 60;
const table = () => tableName('CONNECTIONS_TABLE');
const expiry = (now: Date) => Math.floor(now.getTime() / 1000) + CONNECTION_TTL_SECONDS;

export const connectionRepository = {
  async add(connectionId: string, activityId: string, userId: string, now = new Date()) {
    await doc.send(
      new PutCommand({
        TableName: table(),
        Item: { connectionId, activityId, userId, connectedAt: now.toISOString(), expiresAt: expiry(now) },
      }),
    );
  },
  async touch(connectionId: string, now = new Date()) {
    await doc
      .send(
        new UpdateCommand({
          TableName: table(),
          Key: { connectionId },
          UpdateExpression: 'SET expiresAt = :expires',
          ConditionExpression: 'attribute_exists(connectionId)',
          ExpressionAttributeValues: { ':expires': expiry(now) },
        }),
      )
      .catch(() => undefined); // a ping from a connection already cleaned up changes nothing
  },
  async remove(connectionId: string) {
    await doc.send(new DeleteCommand({ TableName: table(), Key: { connectionId } }));
  },
  /**
   * Live connections watching a feed, a page at a time (expired ones may linger until TTL removes
   * them: skipped), so a feed with 100,000 watchers never sits in memory at once.
   */
  async *watching(activityId: string, now = new Date(), pageSize = WATCHER_PAGE): AsyncGenerator<string[]> {
    const pages = paginateQuery(
      { client: doc, pageSize },
      {
        TableName: table(),
        IndexName: 'byActivity',
        KeyConditionExpression: 'activityId = :activity',
        FilterExpression: 'expiresAt > :now',
        ProjectionExpression: 'connectionId',
        ExpressionAttributeValues: { ':activity': activityId, ':now': Math.floor(now.getTime() / 1000) },
      },
    );
    for await (const page of pages) {
      const ids = (page.Items ?? []).map((item) => item.connectionId as string);
      if (ids.length) yield ids;
    }
  },
};

export interface Broadcaster {
  publish(activityId: string, event: FeedEvent): Promise<void>;
}

/** Watchers read per query page. */
const WATCHER_PAGE = 500;
/** Pushes in flight at once: enough to hide API Gateway's latency, few enough for one function's sockets. */
export const PUSHES_IN_FLIGHT = 64;

let management: ApiGatewayManagementApiClient | undefined;
const managementClient = () =>
  (management ??= new ApiGatewayManagementApiClient({
    endpoint: env().WEBSOCKET_API_ENDPOINT,
    // Kept-alive sockets, as many as the pushes in flight (the default pool holds 50).
    requestHandler: {
      httpAgent: { keepAlive: true, maxSockets: PUSHES_IN_FLIGHT },
      httpsAgent: { keepAlive: true, maxSockets: PUSHES_IN_FLIGHT },
    },
  }));

const isGone = (error: unknown) =>
  error instanceof GoneException || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410;

/**
 * Pushes to every watcher. Failures are logged, never thrown: the write already happened, and a
 * reader that missed the push catches up by polling.
 */
export const socketBroadcaster: Broadcaster = {
  async publish(activityId, event) {
    if (!env().WEBSOCKET_API_ENDPOINT) return;
    try {
      const data = Buffer.from(JSON.stringify(event));
      const push = async (ConnectionId: string) => {
        try {
          await managementClient().send(new PostToConnectionCommand({ ConnectionId, Data: data }));
        } catch (error) {
          if (isGone(error)) await connectionRepository.remove(ConnectionId);
          else logger.warn('push failed', { activityId, connectionId: ConnectionId, error: error as Error });
        }
      };
      for await (const connections of connectionRepository.watching(activityId)) {
        await pMap(connections, push, { concurrency: PUSHES_IN_FLIGHT });
      }
    } catch (error) {
      logger.warn('fan-out failed', { activityId, error: error as Error });
    }
  },
};
