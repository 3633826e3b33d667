/**
 * Who is calling: the user record in the users table, read on every request so that a role
 * granted or revoked takes effect at once. Roles never come from the token or the client.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { PoliticalStatusSchema, RoleSchema, type Role, type RoleAuditEntry, type RoleHolder } from '@hele/shared';
import { z } from 'zod';
import { doc, type TransactItem } from './db';
import { queryAll } from './pagination';
import { tableName } from './tables';

export const UserRecord = z.object({
  id: z.string(),
  /** WeChat's id of the person; a closed account's tombstone keeps none. */
  openid: z.string().optional(),
  nickname: z.string(),
  roles: z.array(RoleSchema),
  /** The Party branch (党支部) whose roster the user is on, if any. */
  branchId: z.string().optional(),
  createdAt: z.string(),
  // The profile (编辑资料): only the person sees these (the account function).
  realName: z.string().optional(),
  politicalStatus: PoliticalStatusSchema.optional(),
  phone: z.string().optional(),
  avatarKey: z.string().optional(),
  /** Set on a closed account's tombstone, which holds nothing else of the person (account/close.ts). */
  closedAt: z.string().optional(),
});
export type UserRecord = z.infer<typeof UserRecord>;

export interface Principal {
  id: string;
  nickname: string;
  roles: Role[];
  branchId?: string;
}

/** The user, if their account is open: a closed account is nobody, to the guard and to every feature. */
export const loadUser = async (id: string, { consistent = false } = {}): Promise<UserRecord | undefined> => {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName('USERS_TABLE'), Key: { id }, ConsistentRead: consistent }));
  return Item && !Item.closedAt ? UserRecord.parse(Item) : undefined;
};

/** Whether the account is still open, read after a write that must not outlive its closing (a registration). */
export const isOpenAccount = async (id: string): Promise<boolean> => (await loadUser(id, { consistent: true })) !== undefined;

export const toPrincipal = (user: UserRecord): Principal => ({
  id: user.id,
  nickname: user.nickname,
  roles: user.roles,
  ...(user.branchId ? { branchId: user.branchId } : {}),
});

/** The roster of a branch: every user whose branchId is it (sparse index byBranch). */
export const branchMembers = (branchId: string): Promise<UserRecord[]> =>
  queryAll(UserRecord, {
    TableName: tableName('USERS_TABLE'),
    IndexName: 'byBranch',
    KeyConditionExpression: 'branchId = :branch',
    ExpressionAttributeValues: { ':branch': branchId },
  });

/** Whether anyone is on the branch: branches have no record of their own, only their members' branchId. */
export const branchExists = async (branchId: string): Promise<boolean> => {
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName('USERS_TABLE'),
      IndexName: 'byBranch',
      KeyConditionExpression: 'branchId = :branch',
      ExpressionAttributeValues: { ':branch': branchId },
      Limit: 1,
    }),
  );
  return (Items ?? []).length > 0;
};

/** The audit log's partition of role changes (other audited scopes can sit beside it). */
export const ROLES_AUDIT_SCOPE = 'roles';

/** Who holds a granted role: the admin's lists (an admin made by `npm run admin:grant` is recorded the same way). */
export type RoleHolderRecord = Omit<RoleHolder, 'role'> & { role: Role };

/**
 * The writes that change a user's roles, as transaction items: roles live only in the users
 * table, and every change of them runs inside a transaction with its own record (the certified
 * profile, the role holders and the audit log).
 */
export const roleItems = {
  /** One line of the audit log; never updated. */
  audit: (entry: RoleAuditEntry): TransactItem => ({
    Put: {
      TableName: tableName('AUDIT_TABLE'),
      Item: { scope: ROLES_AUDIT_SCOPE, ...entry },
      ConditionExpression: 'attribute_not_exists(id)',
    },
  }),
  holder: (holder: RoleHolderRecord): TransactItem => ({ Put: { TableName: tableName('ROLE_HOLDERS_TABLE'), Item: holder } }),
  removeHolder: (role: Role, userId: string): TransactItem => ({
    Delete: { TableName: tableName('ROLE_HOLDERS_TABLE'), Key: { role, userId } },
  }),
  /** Adds `role`; refused when the user does not exist or holds it already. */
  grant: (userId: string, role: Role): TransactItem => ({
    Update: {
      TableName: tableName('USERS_TABLE'),
      Key: { id: userId },
      UpdateExpression: 'SET #roles = list_append(#roles, :role)',
      ConditionExpression: 'attribute_exists(id) AND NOT contains(#roles, :name)',
      ExpressionAttributeNames: { '#roles': 'roles' },
      ExpressionAttributeValues: { ':role': [role], ':name': role },
    },
  }),
  /** Sets the roles to `next`, provided they are still `previous` (a change meanwhile is refused). */
  replace: (userId: string, previous: Role[], next: Role[]): TransactItem => ({
    Update: {
      TableName: tableName('USERS_TABLE'),
      Key: { id: userId },
      UpdateExpression: 'SET #roles = :next',
      ConditionExpression: '#roles = :previous',
      ExpressionAttributeNames: { '#roles': 'roles' },
      ExpressionAttributeValues: { ':next': next, ':previous': previous },
    },
  }),
};
