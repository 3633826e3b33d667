/**
 * Who is calling: the user record in the users table, read on every request so that a role
 * granted or revoked takes effect at once. Roles never come from the token or the client.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { RoleSchema, type Role } from '@hele/shared';
import { z } from 'zod';
import { doc, type TransactItem } from './db';
import { queryAll } from './pagination';
import { tableName } from './tables';

export const UserRecord = z.object({
  id: z.string(),
  openid: z.string(),
  nickname: z.string(),
  roles: z.array(RoleSchema),
  /** The Party branch (党支部) whose roster the user is on, if any. */
  branchId: z.string().optional(),
  createdAt: z.string(),
});
export type UserRecord = z.infer<typeof UserRecord>;

export interface Principal {
  id: string;
  nickname: string;
  roles: Role[];
  branchId?: string;
}

export const loadUser = async (id: string): Promise<UserRecord | undefined> => {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName('USERS_TABLE'), Key: { id } }));
  return Item ? UserRecord.parse(Item) : undefined;
};

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

/**
 * The writes that change a user's roles, as transaction items: roles live only in the users
 * table, and every change of them runs inside a transaction with its own record (the certified
 * profile, the role holders and the audit log).
 */
export const roleItems = {
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
