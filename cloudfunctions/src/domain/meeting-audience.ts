/**
 * Whom a meeting's board, measures and minutes belong to (docs/DOMAIN.md › Who sees personal data):
 * the center, the members of the meeting's branch (its secretary among them), the people registered
 * for it and, at a branch meeting, the secretaries observing it (书记学院). Everyone else is outside.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { hasAnyRole, Role } from '@hele/shared';
import { doc } from '../lib/db';
import type { Principal } from '../lib/principal';
import { tableName } from '../lib/tables';
import { isLive, registrationKey, registrationOf } from './activities/seats';
import { observerKey } from './observers';

export type Standing = 'center' | 'member' | 'registrant' | 'observer' | 'outsider';

export const standingAt = async (activity: { id: string; branchId?: string }, caller: Principal): Promise<Standing> => {
  if (hasAnyRole(caller.roles, [Role.COORDINATOR])) return 'center';
  if (activity.branchId && caller.branchId === activity.branchId) return 'member';
  const [registration, observer] = await Promise.all([
    doc.send(new GetCommand({ TableName: tableName('REGISTRATIONS_TABLE'), Key: registrationKey(activity.id, caller.id) })),
    activity.branchId
      ? doc.send(
          new GetCommand({ TableName: tableName('ACADEMY_TABLE'), Key: observerKey(activity.id, caller.id), ProjectionExpression: 'sk' }),
        )
      : undefined,
  ]);
  if (registration.Item && isLive(registrationOf(registration.Item))) return 'registrant';
  return observer?.Item ? 'observer' : 'outsider';
};
