/**
 * Leave requests (请假) for an activity, one per member per activity. A pending request sits in
 * two sparse indexes — every pending request (coordinators) and those of one branch (its
 * secretary) — and leaves both when decided.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryPage } from '../lib/pagination';
import { LeaveRecord, leavesOf } from '../domain/activities/attendance-sheet';
import { doc, isConditionFailure, transactNamed, type DocClient } from '../lib/db';
import { settled } from '../lib/retry';
import { tableName } from '../lib/tables';

export type { LeaveRecord };

const NO_BRANCH = '-';

export const createLeaveRepository = (client: DocClient = doc) => {
  const table = () => tableName('LEAVES_TABLE');
  return {
    /** A new request; a refused one may be asked again, a pending or approved one may not. */
    async request(record: Omit<LeaveRecord, 'pendingAll' | 'pendingBranch' | 'status'>): Promise<LeaveRecord | undefined> {
      const item: LeaveRecord = { ...record, status: 'pending', pendingAll: 'pending', pendingBranch: record.branchId ?? NO_BRANCH };
      try {
        await client.send(
          new PutCommand({
            TableName: table(),
            Item: item,
            ConditionExpression: 'attribute_not_exists(userId) OR #status = :refused',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':refused': 'refused' },
          }),
        );
        return item;
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    async get(activityId: string, userId: string): Promise<LeaveRecord | undefined> {
      const { Item } = await client.send(new GetCommand({ TableName: table(), Key: { activityId, userId }, ConsistentRead: true }));
      return Item ? LeaveRecord.parse(Item) : undefined;
    },

    /** Decides a pending request once. */
    async decide(activityId: string, userId: string, status: 'approved' | 'refused', decidedBy: string, at: string, note?: string) {
      const outcome = await settled(() =>
        transactNamed(client, [
          {
            name: 'pending',
            item: {
              Update: {
                TableName: table(),
                Key: { activityId, userId },
                UpdateExpression: `SET #status = :status, decidedBy = :by, decidedAt = :at${note ? ', note = :note' : ''} REMOVE pendingAll, pendingBranch`,
                ConditionExpression: '#status = :pending',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':status': status,
                  ':by': decidedBy,
                  ':at': at,
                  ':pending': 'pending',
                  ...(note ? { ':note': note } : {}),
                },
              },
            },
          },
        ]),
      );
      return outcome === 'ok' ? this.get(activityId, userId) : undefined;
    },

    forActivity: (activityId: string) => leavesOf(activityId, client),

    /** Pending requests, oldest first: all of them, or one branch's. */
    pending({ branchId, limit, cursor }: { branchId?: string; limit: number; cursor?: string }) {
      return queryPage(
        LeaveRecord,
        {
          TableName: table(),
          IndexName: branchId ? 'pendingByBranch' : 'pendingAll',
          KeyConditionExpression: branchId ? 'pendingBranch = :key' : 'pendingAll = :key',
          ExpressionAttributeValues: { ':key': branchId ?? 'pending' },
        },
        { limit, cursor },
        client,
      );
    },
  };
};

export type LeaveRepository = ReturnType<typeof createLeaveRepository>;
export const leaveRepository = createLeaveRepository();
