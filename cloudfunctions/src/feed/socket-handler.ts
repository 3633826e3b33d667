/**
 * The feed's WebSocket API. `$connect?token=&activityId=` checks the session token and that the
 * caller may see the activity, then records the connection; `$default` takes pings (which keep
 * the connection from expiring); `$disconnect` forgets it.
 *
 * Every message is an invocation, so each is weighed before it costs a write (docs/promises.md): a
 * frame over 1 KB is refused untouched; the first pings of a minute write nothing (the connection's
 * life is extended at most every REFRESH_SECONDS); anything more is counted on the connection's item
 * with a conditional update, up to a limit a minute, beyond which messages are dropped without a
 * write; a connection over its limit in FLOOD_MINUTES minutes is closed.
 */
import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { hasAnyRole, Id, Role } from '@hele/shared';
import { activitySummary } from '../domain/activities/summary';
import { HttpError } from '../lib/errors';
import { principalOfToken } from '../lib/http';
import { logger } from '../lib/logger';
import { closeConnection, connectionRepository, REFRESH_SECONDS, type ConnectionRepository } from './connections';

type SocketEvent = APIGatewayProxyWebsocketEventV2 & { queryStringParameters?: Record<string, string | undefined> };

/** The largest message taken; the app sends `ping` (4 bytes). */
export const MAX_FRAME_BYTES = 1024;
/** Pings a minute that cost nothing (the app sends one every 4 minutes). */
export const FREE_PINGS_PER_MINUTE = 2;
/** Messages a minute counted on the connection's item beyond the free pings; the rest are dropped. */
export const COUNTED_PER_MINUTE = 10;
/** Minutes over the limit after which the connection is closed. */
export const FLOOD_MINUTES = 3;
/** Connections this container remembers (a flood's messages mostly reach the same warm containers). */
const REMEMBERED = 5_000;

/** What this container saw of a connection in the current minute. */
interface Tally {
  minute: number;
  messages: number;
  /** Over the limit this minute: the rest of its messages cost nothing. */
  over: boolean;
  /** When the connection's life was last extended, as far as this container knows (epoch seconds). */
  refreshedAt: number;
  /** Closed for flooding: what still arrives before API Gateway hangs up costs nothing. */
  closed?: boolean;
}

export interface SocketDeps {
  connections: ConnectionRepository;
  close: (connectionId: string) => Promise<void>;
  now?: () => Date;
}

const refuse = (statusCode: number, message: string): APIGatewayProxyResultV2 => ({ statusCode, body: message });

export const createSocketHandler = ({ connections, close, now = () => new Date() }: SocketDeps) => {
  const tallies = new Map<string, Tally>();
  const remember = (connectionId: string, tally: Tally) => {
    tallies.delete(connectionId);
    if (tallies.size >= REMEMBERED) tallies.delete(tallies.keys().next().value!);
    tallies.set(connectionId, tally);
    return tally;
  };

  const message = async (connectionId: string, body: string, at: Date): Promise<APIGatewayProxyResultV2> => {
    const seconds = Math.floor(at.getTime() / 1000);
    const minute = Math.floor(seconds / 60);
    const known = tallies.get(connectionId);
    // A container that has not seen the connection does not know when it was refreshed: once, it tries.
    const tally =
      known?.minute === minute || known?.closed
        ? known
        : remember(connectionId, { minute, messages: 0, over: false, refreshedAt: known?.refreshedAt ?? 0 });
    tally.messages += 1;
    if (tally.over || tally.closed) return refuse(429, 'too many messages');
    if (body.trim() === 'ping' && tally.messages <= FREE_PINGS_PER_MINUTE) {
      if (seconds - tally.refreshedAt >= REFRESH_SECONDS) {
        await connections.refresh(connectionId, at);
        // Refreshed here or, recently, elsewhere (or gone): either way not again for a while.
        tally.refreshedAt = seconds;
      }
      return { statusCode: 200 };
    }
    if (await connections.count(connectionId, minute, COUNTED_PER_MINUTE)) return { statusCode: 200 };
    tally.over = true;
    const strikes = await connections.strike(connectionId, minute);
    if (strikes !== undefined && strikes >= FLOOD_MINUTES) {
      logger.warn('closing a flooding connection', { connectionId });
      tally.closed = true;
      await Promise.all([close(connectionId), connections.remove(connectionId)]);
    }
    return refuse(429, 'too many messages');
  };

  return async (event: SocketEvent): Promise<APIGatewayProxyResultV2> => {
    const { routeKey, connectionId } = event.requestContext;
    try {
      if (routeKey === '$connect') {
        const token = event.queryStringParameters?.token;
        const activityId = Id.safeParse(event.queryStringParameters?.activityId);
        if (!token) return refuse(401, 'token required');
        if (!activityId.success) return refuse(400, 'activityId required');
        const caller = await principalOfToken(token);
        const activity = await activitySummary(activityId.data);
        // As over HTTP: a draft's feed is the coordinators' (and so the admins').
        if (!activity || (activity.status === 'draft' && !hasAnyRole(caller.roles, [Role.COORDINATOR])))
          return refuse(403, 'not your feed');
        const at = now();
        await connections.add(connectionId, activityId.data, caller.id, at);
        remember(connectionId, {
          minute: Math.floor(at.getTime() / 60_000),
          messages: 0,
          over: false,
          refreshedAt: Math.floor(at.getTime() / 1000),
        });
        return { statusCode: 200 };
      }
      if (routeKey === '$disconnect') {
        tallies.delete(connectionId);
        await connections.remove(connectionId);
        return { statusCode: 200 };
      }
      const body = event.body ?? '';
      if (Buffer.byteLength(body, event.isBase64Encoded ? 'base64' : 'utf8') > MAX_FRAME_BYTES) return refuse(413, 'message too large');
      return await message(connectionId, body, now());
    } catch (error) {
      if (error instanceof HttpError) return refuse(error.statusCode, error.code);
      logger.error('socket route failed', { routeKey, error: error as Error });
      return refuse(500, 'internal error');
    }
  };
};

export const handler = createSocketHandler({ connections: connectionRepository, close: closeConnection });
