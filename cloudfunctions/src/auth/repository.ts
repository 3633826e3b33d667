import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '@hele/shared';
import { doc, isConditionFailure } from '../lib/db';
import { UserRecord } from '../lib/principal';
import { tableName } from '../lib/tables';

/** A user's id follows from their openid, so two first sign-ins at once still make one user. */
export const userIdFor = (openid: string): string => `u_${createHash('sha256').update(openid).digest('base64url').slice(0, 22)}`;

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
    const record: UserRecord = { id: userIdFor(openid), openid, nickname, roles, createdAt: now.toISOString() };
    const TableName = tableName('USERS_TABLE');
    try {
      await doc.send(new PutCommand({ TableName, Item: record, ConditionExpression: 'attribute_not_exists(id)' }));
      return record;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const { Item } = await doc.send(new GetCommand({ TableName, Key: { id: record.id }, ConsistentRead: true }));
      return UserRecord.parse(Item);
    }
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
