import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '@hele/shared';
import { doc, isConditionFailure } from '../lib/db';
import { UserRecord } from '../lib/principal';
import { tableName } from '../lib/tables';

/**
 * A user's id follows from their openid, so two first sign-ins at once still make one user. A closed
 * account stays as a tombstone under its id (account/close.ts); the same person signing in again gets
 * the next generation's id, an empty account. Generation 0 is the id every account had before closing existed.
 */
export const userIdFor = (openid: string, generation = 0): string =>
  `u_${createHash('sha256')
    .update(generation === 0 ? openid : `${openid}#${generation}`)
    .digest('base64url')
    .slice(0, 22)}`;

/** Far above anyone's count of closed accounts; past it sign-in is a bug to look at, not a loop. */
const MAX_GENERATIONS = 100;

export interface NewUser {
  openid: string;
  nickname: string;
  roles: Role[];
}

export interface UserRepository {
  findOrCreate(user: NewUser, now: Date): Promise<UserRecord>;
  /** Puts a user on a branch's roster. */
  assignBranch(userId: string, branchId: string): Promise<void>;
}

export const dynamoUserRepository: UserRepository = {
  async findOrCreate({ openid, nickname, roles }, now) {
    const TableName = tableName('USERS_TABLE');
    for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
      const record: UserRecord = { id: userIdFor(openid, generation), openid, nickname, roles, createdAt: now.toISOString() };
      try {
        await doc.send(new PutCommand({ TableName, Item: record, ConditionExpression: 'attribute_not_exists(id)' }));
        return record;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const { Item } = await doc.send(new GetCommand({ TableName, Key: { id: record.id }, ConsistentRead: true }));
      const existing = UserRecord.parse(Item);
      if (!existing.closedAt) return existing;
    }
    throw new Error(`More than ${MAX_GENERATIONS} closed accounts for one openid`);
  },

  async assignBranch(userId, branchId) {
    await doc.send(
      new UpdateCommand({
        TableName: tableName('USERS_TABLE'),
        Key: { id: userId },
        UpdateExpression: 'SET branchId = :branch',
        ConditionExpression: 'attribute_exists(id)',
        ExpressionAttributeValues: { ':branch': branchId },
      }),
    );
  },
};
