/**
 * A change of someone's managed role as the writes it takes, in one transaction: the user's roles
 * (refused if they changed meanwhile), the holder list the admin reads and a line of the audit log.
 * The roles feature (an admin's grant or revoke) and the directory (naming a branch's secretary)
 * both change roles this way, so a role never moves without its holder entry and its audit line.
 */
import { holdsRole, type Role, type RoleAuditEntry, type RoleHolder } from '@hele/shared';
import { ulid } from 'ulid';
import type { TransactItem } from '../lib/db';
import { userItems, type UserRecord } from '../lib/principal';
import { tableName } from '../lib/tables';

/** The audit log's partition for role changes (other audited scopes can sit beside it). */
export const ROLES_SCOPE = 'roles';

/** Who holds a granted role: the admin's lists (the first admin, made by `npm run admin:grant`, too). */
export type RoleHolderRecord = Omit<RoleHolder, 'role'> & { role: Role };

/** The holder list's and the audit log's writes, for changes made some other way (closing an account revokes all). */
export const roleRecordItems = {
  holder: (holder: RoleHolderRecord): TransactItem => ({ Put: { TableName: tableName('ROLE_HOLDERS_TABLE'), Item: holder } }),
  removeHolder: (role: Role, userId: string): TransactItem => ({
    Delete: { TableName: tableName('ROLE_HOLDERS_TABLE'), Key: { role, userId } },
  }),
  /** One line of the audit log; never updated. */
  audit: (entry: RoleAuditEntry): TransactItem => ({
    Put: { TableName: tableName('AUDIT_TABLE'), Item: { scope: ROLES_SCOPE, ...entry }, ConditionExpression: 'attribute_not_exists(id)' },
  }),
};

export interface RoleChange {
  user: Pick<UserRecord, 'id' | 'nickname' | 'roles'>;
  role: Role;
  action: RoleAuditEntry['action'];
  actor: { id: string; nickname: string };
  at: Date;
}

/** The roles the user holds after the change. */
export const rolesAfter = ({ user, role, action }: Pick<RoleChange, 'user' | 'role' | 'action'>): Role[] =>
  action === 'grant' ? (holdsRole(user.roles, role) ? user.roles : [...user.roles, role]) : user.roles.filter((held) => held !== role);

/**
 * The named writes of one change; nothing when the user already is where the change would put them.
 * `userItem` replaces the roles write when the same transaction changes more of the user (a
 * transaction may touch an item once): it must set the roles to `rolesAfter(change)`.
 */
export const roleChangeItems = (
  change: RoleChange,
  userItem?: TransactItem,
): Array<{ name: 'user' | 'holder' | 'audit'; item: TransactItem }> => {
  const { user, role, action, actor, at } = change;
  if ((action === 'grant') === holdsRole(user.roles, role)) return [];
  const entry: RoleAuditEntry = {
    id: ulid(at.getTime()),
    action,
    role,
    userId: user.id,
    nickname: user.nickname,
    actorId: actor.id,
    actorName: actor.nickname,
    at: at.toISOString(),
  };
  const holder: RoleHolderRecord = {
    role,
    userId: user.id,
    nickname: user.nickname,
    grantedBy: actor.id,
    grantedByName: actor.nickname,
    grantedAt: entry.at,
  };
  return [
    { name: 'user', item: userItem ?? userItems.replace(user.id, user.roles, rolesAfter(change)) },
    { name: 'holder', item: action === 'grant' ? roleRecordItems.holder(holder) : roleRecordItems.removeHolder(role, user.id) },
    { name: 'audit', item: roleRecordItems.audit(entry) },
  ];
};
