/**
 * The rewards catalogue and the redemptions. A reward's stock and each member's count of it are
 * changed only by conditional items that run inside the ledger's transaction (`items`), so stock
 * and points move together or not at all.
 */
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  PutCommand,
  type QueryCommandInput,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { BALANCE_SK, BalanceRecord, PARTY_ACCOUNT_PREFIX } from '../domain/ledger';
import { activitySummary } from '../domain/activities/summary';
import { type PageRequest, queryPage } from '../lib/pagination';
import { doc, fieldChanges, isConditionFailure, type TransactItem } from '../lib/db';
import { readRegistration, readWaitlistHead } from '../domain/activities/seats';
import { RedemptionRecord, RewardRecord } from './records';
import { tableName } from '../lib/tables';

const counterId = (rewardId: string, userId: string) => `${rewardId}#${userId}`;

export const rewardRepository = {
  async create(record: RewardRecord): Promise<void> {
    await doc.send(
      new PutCommand({ TableName: tableName('REWARDS_TABLE'), Item: record, ConditionExpression: 'attribute_not_exists(id)' }),
    );
  },

  async get(id: string): Promise<RewardRecord | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName('REWARDS_TABLE'), Key: { id }, ConsistentRead: true }));
    return Item?.listKey ? RewardRecord.parse(Item) : undefined;
  },

  async list({ active, limit, cursor }: { active: boolean; limit: number; cursor?: string }) {
    return queryPage(
      RewardRecord,
      {
        TableName: tableName('REWARDS_TABLE'),
        IndexName: 'byListKey',
        KeyConditionExpression: 'listKey = :key',
        ExpressionAttributeValues: { ':key': active ? 'active' : 'inactive' },
        ScanIndexForward: false,
      },
      { limit, cursor },
    );
  },

  /**
   * A reward and a member's balance in one round trip (strongly consistent, as `get` and the ledger's
   * own read): what a redemption needs to know before its transaction. `balance` null: none yet.
   */
  async withBalance(rewardId: string, userId: string): Promise<{ reward?: RewardRecord; balance: BalanceRecord | null }> {
    const rewards = tableName('REWARDS_TABLE');
    const points = tableName('POINTS_TABLE');
    let requests: BatchGetCommandOutput['UnprocessedKeys'] = {
      [rewards]: { Keys: [{ id: rewardId }], ConsistentRead: true },
      [points]: { Keys: [{ userId, sk: BALANCE_SK }], ConsistentRead: true },
    };
    let reward: RewardRecord | undefined;
    let balance: BalanceRecord | null = null;
    // BatchGetItem may leave keys unprocessed under load: ask again for those.
    while (requests && Object.keys(requests).length) {
      const reply: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: requests }));
      const found = reply.Responses ?? {};
      for (const item of found[rewards] ?? []) if (item.listKey) reward = RewardRecord.parse(item);
      for (const item of found[points] ?? []) balance = BalanceRecord.parse(item);
      requests = reply.UnprocessedKeys;
    }
    return { ...(reward ? { reward } : {}), balance };
  },

  /** How many of a reward a member holds now: the per-member count the redemption's transaction keeps (`countForMember`). */
  async redeemedBy(rewardId: string, userId: string): Promise<number> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName('REWARDS_TABLE'), Key: { id: counterId(rewardId, userId) }, ConsistentRead: true }),
    );
    return typeof Item?.redeemed === 'number' ? Item.redeemed : 0;
  },

  /** Edits fields and moves stock by `stockChange`, never below zero. */
  async update(id: string, fields: Partial<RewardRecord>, stockChange: number): Promise<RewardRecord | 'negative-stock' | 'missing'> {
    const { names, values, set: sets } = fieldChanges(fields);
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName('REWARDS_TABLE'),
          Key: { id },
          UpdateExpression: `${sets.length ? `SET ${sets.join(', ')} ` : ''}ADD stock :change`,
          ConditionExpression: 'attribute_exists(listKey) AND stock >= :floor',
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: { ...values, ':change': stockChange, ':floor': -stockChange },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return RewardRecord.parse(Attributes);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.get(id)) ? 'negative-stock' : 'missing';
    }
  },

  items: {
    /** One unit of stock, while the reward is active and has any. */
    takeStock: (rewardId: string): TransactItem => ({
      Update: {
        TableName: tableName('REWARDS_TABLE'),
        Key: { id: rewardId },
        UpdateExpression: 'SET stock = stock - :one',
        ConditionExpression: 'active = :true AND stock >= :one',
        ExpressionAttributeValues: { ':one': 1, ':true': true },
      },
    }),
    returnStock: (rewardId: string): TransactItem => ({
      Update: {
        TableName: tableName('REWARDS_TABLE'),
        Key: { id: rewardId },
        UpdateExpression: 'SET stock = stock + :one',
        ExpressionAttributeValues: { ':one': 1 },
      },
    }),
    /** One more of this reward for this member, within the per-member limit. */
    countForMember: (rewardId: string, userId: string, limit: number): TransactItem => ({
      Update: {
        TableName: tableName('REWARDS_TABLE'),
        Key: { id: counterId(rewardId, userId) },
        UpdateExpression: 'SET redeemed = if_not_exists(redeemed, :zero) + :one',
        ConditionExpression: 'attribute_not_exists(redeemed) OR redeemed < :limit',
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':limit': limit },
      },
    }),
    uncountForMember: (rewardId: string, userId: string): TransactItem => ({
      Update: {
        TableName: tableName('REWARDS_TABLE'),
        Key: { id: counterId(rewardId, userId) },
        UpdateExpression: 'SET redeemed = redeemed - :one',
        ExpressionAttributeValues: { ':one': 1 },
      },
    }),
    putRedemption: (record: RedemptionRecord): TransactItem => ({
      Put: { TableName: tableName('REDEMPTIONS_TABLE'), Item: record, ConditionExpression: 'attribute_not_exists(id)' },
    }),
    /** Moves a voucher from issued to `status`, once. */
    closeRedemption: (id: string, status: 'cancelled' | 'fulfilled', at: string, by?: string): TransactItem => ({
      Update: {
        TableName: tableName('REDEMPTIONS_TABLE'),
        Key: { id },
        UpdateExpression: `SET #status = :status, ${status === 'cancelled' ? 'cancelledAt' : 'fulfilledAt'} = :at${by ? ', fulfilledBy = :by' : ''}`,
        ConditionExpression: '#status = :issued',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':issued': 'issued', ':at': at, ...(by ? { ':by': by } : {}) },
      },
    }),
  },
};

/** A page of redemptions through one of the table's indexes, newest first. */
const newestRedemptions = (query: Omit<QueryCommandInput, 'TableName' | 'ScanIndexForward'>, page: PageRequest) =>
  queryPage(RedemptionRecord, { TableName: tableName('REDEMPTIONS_TABLE'), ...query, ScanIndexForward: false }, page);

export const redemptionRepository = {
  async get(id: string): Promise<RedemptionRecord | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName('REDEMPTIONS_TABLE'), Key: { id }, ConsistentRead: true }));
    return Item ? RedemptionRecord.parse(Item) : undefined;
  },

  byUser: (userId: string, page: PageRequest) =>
    newestRedemptions(
      { IndexName: 'byUser', KeyConditionExpression: 'userId = :user', ExpressionAttributeValues: { ':user': userId } },
      page,
    ),

  byStatus: (status: string, page: PageRequest) =>
    newestRedemptions(
      {
        IndexName: 'byStatus',
        KeyConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status },
      },
      page,
    ),
};

/** What a class-seat redemption needs to read of the class (its writes are lib/seats items). */
export const classSeats = {
  activity: activitySummary,
  registration: (activityId: string, userId: string) => readRegistration(doc, activityId, userId),
  waitlistHead: (activityId: string) => readWaitlistHead(doc, activityId),
};

export { pointsSettingsRepository } from '../domain/points-settings';

/** The scheduled expiry's reads and its once-only notices. */
export const expiryRepository = {
  /** Every service-points account holding points (an operator-sized scan of the BALANCE items, once a day). */
  async accountsWithPoints(): Promise<string[]> {
    const users: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new ScanCommand({
          TableName: tableName('POINTS_TABLE'),
          FilterExpression: 'sk = :balance AND balance > :zero',
          ExpressionAttributeValues: { ':balance': BALANCE_SK, ':zero': 0 },
          ProjectionExpression: 'userId',
          ExclusiveStartKey,
        }),
      );
      // 党员积分 accounts do not expire.
      for (const item of page.Items ?? []) if (!String(item.userId).startsWith(PARTY_ACCOUNT_PREFIX)) users.push(String(item.userId));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return users;
  },
  /** Marks the notice of points expiring on `expiresOn` as sent; false when it was sent before. */
  async markNotice(userId: string, expiresOn: string, points: number, at: string): Promise<boolean> {
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName('POINTS_TABLE'),
          Item: { userId, sk: `N#${expiresOn}`, points, sentAt: at },
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
};
