/**
 * Who is watching which feed: one item per WebSocket connection, with a TTL so connections whose
 * client vanished without a goodbye expire; and the fan-out that pushes an event to all of them:
 * a page of watchers at a time, a bounded number of pushes in flight (docs/live-feed-at-scale.md).
 * A connection API Gateway reports gone is removed at once.
 */
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { DeleteCommand, PutCommand, UpdateCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { FeedEvent } from '@hele/shared';
import pMap from 'p-map';
import { env } from '../lib/config';
import { doc, isConditionFailure, type DocClient } from '../lib/db';
import { logger } from '../lib/logger';
import { tableName } from '../lib/tables';

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

/** Hangs up on a connection (a flood): API Gateway then runs `$disconnect`, which forgets it. */
export const closeConnection = async (connectionId: string): Promise<void> => {
  if (!env().WEBSOCKET_API_ENDPOINT) return;
  try {
    await managementClient().send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
  } catch (error) {
    logger.warn('closing a connection failed', { connectionId, error: error as Error });
  }
};
