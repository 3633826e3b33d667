/**
 * Who is watching which feed: one item per WebSocket connection, with a TTL so connections whose
 * client vanished without a goodbye expire; and the fan-out that pushes an event to all of them.
 * A connection API Gateway reports gone is removed at once.
 */
import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedEvent } from '@hele/shared';
import { env } from '../lib/config';
import { doc } from '../lib/db';
import { queryAll } from '../lib/pagination';
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
  /** Live connections watching a feed (expired ones may linger until TTL removes them: skipped). */
  watching(activityId: string, now = new Date()): Promise<string[]> {
    return queryAll((item) => item.connectionId as string, {
      TableName: table(),
      IndexName: 'byActivity',
      KeyConditionExpression: 'activityId = :activity',
      FilterExpression: 'expiresAt > :now',
      ExpressionAttributeValues: { ':activity': activityId, ':now': Math.floor(now.getTime() / 1000) },
    });
  },
};

export interface Broadcaster {
  publish(activityId: string, event: FeedEvent): Promise<void>;
}

let management: ApiGatewayManagementApiClient | undefined;
const managementClient = () => (management ??= new ApiGatewayManagementApiClient({ endpoint: env().WEBSOCKET_API_ENDPOINT }));

/**
 * Pushes to every watcher. Failures are logged, never thrown: the write already happened, and a
 * reader that missed the push catches up by polling.
 */
export const socketBroadcaster: Broadcaster = {
  async publish(activityId, event) {
    if (!env().WEBSOCKET_API_ENDPOINT) return;
    try {
      const connections = await connectionRepository.watching(activityId);
      const data = Buffer.from(JSON.stringify(event));
      await Promise.all(
        connections.map(async (ConnectionId) => {
          try {
            await managementClient().send(new PostToConnectionCommand({ ConnectionId, Data: data }));
          } catch (error) {
            if (
              error instanceof GoneException ||
              (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410
            ) {
              await connectionRepository.remove(ConnectionId);
            } else {
              logger.warn('push failed', { activityId, connectionId: ConnectionId, error: error as Error });
            }
          }
        }),
      );
    } catch (error) {
      logger.warn('fan-out failed', { activityId, error: error as Error });
    }
  },
};
