/**
 * The account's own record in the users table: its profile fields, changed only while the account
 * is open, and the tombstone that replaces it when it closes.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CLOSED_ACCOUNT_NAME, type PoliticalStatus } from '@hele/shared';
import { doc, fieldChanges, isConditionFailure, type TransactItem } from '../lib/db';
import { UnauthenticatedError } from '../lib/errors';
import { UserRecord } from '../lib/principal';
import { tableName } from '../lib/tables';

/** The profile fields a person changes; `null` removes one. */
export interface ProfileChanges {
  nickname?: string;
  realName?: string | null;
  politicalStatus?: PoliticalStatus | null;
  avatarKey?: string | null;
  phone?: string | null;
}

const OPEN = 'attribute_exists(id) AND attribute_not_exists(closedAt)';

const closed = () => new UnauthenticatedError('This account was closed');

export const accountRepository = {
  /** The record, open or closed (a tombstone). */
  async get(id: string): Promise<UserRecord | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName('USERS_TABLE'), Key: { id }, ConsistentRead: true }));
    return Item ? UserRecord.parse(Item) : undefined;
  },

  /** The open account, or a 401 (closed meanwhile: its token no longer counts). */
  async getOpen(id: string): Promise<UserRecord> {
    const record = await this.get(id);
    if (!record || record.closedAt) throw closed();
    return record;
  },

  /**
   * Changes the given fields in one write, only while the account is open (a profile never outlives
   * its closing). Answers the record as it was before, so a replaced avatar can be deleted.
   */
  async update(id: string, changes: ProfileChanges): Promise<UserRecord> {
    const { names, values, set, remove } = fieldChanges(changes);
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName('USERS_TABLE'),
          Key: { id },
          UpdateExpression: [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : '']
            .join(' ')
            .trim(),
          ConditionExpression: OPEN,
          ExpressionAttributeNames: names,
          ...(set.length ? { ExpressionAttributeValues: values } : {}),
          ReturnValues: 'ALL_OLD',
        }),
      );
      return UserRecord.parse(Attributes);
    } catch (error) {
      if (isConditionFailure(error)) throw closed();
      throw error;
    }
  },

  /**
   * The tombstone: the whole record replaced by its id, creation and closing times, so no personal
   * field (nor one added later) survives; the roles must still be those read, else the caller reads again.
   */
  tombstone: (record: UserRecord, at: string): TransactItem => ({
    Put: {
      TableName: tableName('USERS_TABLE'),
      Item: { id: record.id, nickname: CLOSED_ACCOUNT_NAME, roles: [], createdAt: record.createdAt, closedAt: at },
      ConditionExpression: `${OPEN} AND #roles = :roles`,
      ExpressionAttributeNames: { '#roles': 'roles' },
      ExpressionAttributeValues: { ':roles': record.roles },
    },
  }),
};
