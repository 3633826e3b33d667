/**
 * Who is calling: the user record in the users table, read on every request so that a role
 * granted or revoked takes effect at once. Roles never come from the token or the client.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorCode, PoliticalStatusSchema, RoleSchema, type Role } from '@hele/shared';
import * as z from 'zod';
import { batchGetAll, doc, type TransactItem } from './db';
import { HttpError, UnauthenticatedError } from './errors';
import { queryAll } from './pagination';
import type { TokenHolder } from './session';
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
  /**
   * Taken from the session token, not read (lib/http `decidedOnToken`): no roles, and the nickname and
   * branch as they were at sign-in, which the route's own transaction checks (accountOpenCondition).
   */
  fromToken?: true;
}

/** The user, if their account is open: a closed account is nobody, to the guard and to every feature. */
export const loadUser = async (id: string, { consistent = false } = {}): Promise<UserRecord | undefined> => {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName('USERS_TABLE'), Key: { id }, ConsistentRead: consistent }));
  return Item && !Item.closedAt ? UserRecord.parse(Item) : undefined;
};

/** The caller as the users table has them; a closed (or unknown) account is a 401. */
export const principalOf = async (id: string, { consistent = false } = {}): Promise<Principal> => {
  const user = await loadUser(id, { consistent });
  if (!user) throw new UnauthenticatedError('This account no longer exists or was closed');
  return toPrincipal(user);
};

/**
 * A transaction item that holds only while the account is open: a write that must not outlive the
 * account's closing (a registration) carries it, so none is written after the tombstone. Given `still`,
 * the account must also still have that nickname and, if one is given, be on that branch: what a caller
 * taken from the token (`fromToken`) was decided on.
 */
export const accountOpenCondition = (id: string, still?: { nickname: string; branchId?: string }): TransactItem => ({
  ConditionCheck: {
    TableName: tableName('USERS_TABLE'),
    Key: { id },
    ConditionExpression: [
      'attribute_exists(id) AND attribute_not_exists(closedAt)',
      ...(still ? ['nickname = :nickname'] : []),
      ...(still?.branchId ? ['branchId = :branch'] : []),
    ].join(' AND '),
    ...(still
      ? { ExpressionAttributeValues: { ':nickname': still.nickname, ...(still.branchId ? { ':branch': still.branchId } : {}) } }
      : {}),
  },
});

/**
 * Runs `decide` for the caller. One taken from the token (`fromToken`) is decided on what the token says, and
 * what `decide` writes must check it; when it refuses (a check that failed, a closed account, or a refusal that
 * may rest on an out-of-date claim), it is decided again on the user's record, where a closed account is a 401.
 * Being too busy (`BUSY`, after its retries) is answered as it is.
 */
export const onClaimsThenRecord = async <T>(caller: Principal, decide: (caller: Principal) => Promise<T>): Promise<T> => {
  if (!caller.fromToken) return decide(caller);
  try {
    return await decide(caller);
  } catch (error) {
    if (!(error instanceof HttpError) || error.code === ErrorCode.BUSY) throw error;
    return decide(await principalOf(caller.id, { consistent: true }));
  }
};

/** The caller a token names, unread: only for routes whose own transaction checks what it says (lib/http `decidedOnToken`). */
export const tokenPrincipal = ({ id, nickname, branchId }: TokenHolder): Principal => ({
  id,
  nickname,
  roles: [],
  ...(branchId ? { branchId } : {}),
  fromToken: true,
});

export const toPrincipal = (user: UserRecord): Principal => ({
  id: user.id,
  nickname: user.nickname,
  roles: user.roles,
  ...(user.branchId ? { branchId: user.branchId } : {}),
});

/** Several users at once, by id (those that exist). */
export const loadUsers = async (ids: string[]): Promise<Map<string, UserRecord>> => {
  const keys = [...new Set(ids)].map((id) => ({ id }));
  const users = (await batchGetAll(tableName('USERS_TABLE'), keys)).map((item) => UserRecord.parse(item));
  return new Map(users.map((user) => [user.id, user]));
};

/** The roster of a branch: every user whose branchId is it (sparse index byBranch). */
export const branchMembers = (branchId: string): Promise<UserRecord[]> =>
  queryAll(UserRecord, {
    TableName: tableName('USERS_TABLE'),
    IndexName: 'byBranch',
    KeyConditionExpression: 'branchId = :branch',
    ExpressionAttributeValues: { ':branch': branchId },
  });

/** An update of one user's record, as a transaction item. */
const userUpdate = (userId: string, update: Omit<NonNullable<TransactItem['Update']>, 'TableName' | 'Key'>): TransactItem => ({
  Update: { TableName: tableName('USERS_TABLE'), Key: { id: userId }, ...update },
});

/**
 * The writes of a user record, as transaction items: roles live only in the users
 * table, and every change of them runs inside a transaction with its own record (the certified
 * profile, the role holders and the audit log).
 */
export const userItems = {
  /** Adds `role`; refused when the user does not exist or holds it already. */
  grant: (userId: string, role: Role): TransactItem =>
    userUpdate(userId, {
      UpdateExpression: 'SET #roles = list_append(#roles, :role)',
      ConditionExpression: 'attribute_exists(id) AND NOT contains(#roles, :name)',
      ExpressionAttributeNames: { '#roles': 'roles' },
      ExpressionAttributeValues: { ':role': [role], ':name': role },
    }),
  /** Sets the roles to `next`, provided they are still `previous` (a change meanwhile is refused). */
  replace: (userId: string, previous: Role[], next: Role[]): TransactItem =>
    userUpdate(userId, {
      UpdateExpression: 'SET #roles = :next',
      ConditionExpression: '#roles = :previous',
      ExpressionAttributeNames: { '#roles': 'roles' },
      ExpressionAttributeValues: { ':next': next, ':previous': previous },
    }),
  /**
   * Puts the user on a branch, from no branch or from `from` (a move), with the roles they hold then:
   * one write, since a transaction may not touch the user twice (naming a secretary changes both).
   */
  placeOnBranch: (userId: string, branchId: string, from: string | undefined, roles?: { previous: Role[]; next: Role[] }): TransactItem =>
    userUpdate(userId, {
      UpdateExpression: `SET branchId = :branch${roles ? ', #roles = :next' : ''}`,
      ConditionExpression: `attribute_exists(id) AND ${from ? 'branchId = :from' : 'attribute_not_exists(branchId)'}${roles ? ' AND #roles = :previous' : ''}`,
      ...(roles ? { ExpressionAttributeNames: { '#roles': 'roles' } } : {}),
      ExpressionAttributeValues: {
        ':branch': branchId,
        ...(from ? { ':from': from } : {}),
        ...(roles ? { ':next': roles.next, ':previous': roles.previous } : {}),
      },
    }),
  /** Takes the user off their branch (and, for a secretary, the role with it). */
  takeOffBranch: (userId: string, branchId: string, roles?: { previous: Role[]; next: Role[] }): TransactItem =>
    userUpdate(userId, {
      UpdateExpression: `REMOVE branchId${roles ? ' SET #roles = :next' : ''}`,
      ConditionExpression: `branchId = :branch${roles ? ' AND #roles = :previous' : ''}`,
      ...(roles ? { ExpressionAttributeNames: { '#roles': 'roles' } } : {}),
      ExpressionAttributeValues: { ':branch': branchId, ...(roles ? { ':next': roles.next, ':previous': roles.previous } : {}) },
    }),
};
