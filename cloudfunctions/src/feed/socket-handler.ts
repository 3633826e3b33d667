/**
 * The feed's WebSocket API. `$connect?token=&activityId=` checks the session token and that the
 * caller may see the activity, then records the connection; `$default` takes pings (which keep
 * the connection from expiring); `$disconnect` forgets it.
 */
import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { hasAnyRole, Id, Role } from '@hele/shared';
import { activitySummary } from '../domain/activities/summary';
import { HttpError } from '../lib/errors';
import { principalOfToken } from '../lib/http';
import { logger } from '../lib/logger';
import { connectionRepository } from './connections';

type ConnectEvent = APIGatewayProxyWebsocketEventV2 & { queryStringParameters?: Record<string, string | undefined> };

const refuse = (statusCode: number, message: string): APIGatewayProxyResultV2 => ({ statusCode, body: message });

export const handler = async (event: ConnectEvent): Promise<APIGatewayProxyResultV2> => {
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
      if (!activity || (activity.status === 'draft' && !hasAnyRole(caller.roles, [Role.COORDINATOR]))) return refuse(403, 'not your feed');
      await connectionRepository.add(connectionId, activityId.data, caller.id);
      return { statusCode: 200 };
    }
    if (routeKey === '$disconnect') {
      await connectionRepository.remove(connectionId);
      return { statusCode: 200 };
    }
    await connectionRepository.touch(connectionId);
    return { statusCode: 200 };
  } catch (error) {
    if (error instanceof HttpError) return refuse(error.statusCode, error.code);
    logger.error('socket route failed', { routeKey, error: error as Error });
    return refuse(500, 'internal error');
  }
};
