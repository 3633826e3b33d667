/**
 * What a member's own leave requests (请假) say, for the pages that show where they stand at an
 * activity (我的报名, the activity page, a class's sessions). The attendance feature writes and
 * decides them; these are reads only (BatchGetItem on the leaves table).
 */
import { MyLeave } from '@hele/shared';
import * as z from 'zod';
import { batchGetAll, doc, type DocClient } from '../lib/db';
import { tableName } from '../lib/tables';

const LeaveView = MyLeave.extend({ activityId: z.string() });

/** The caller's leave request for each of these activities that has one, by activity id. */
export const myLeaves = async (userId: string, activityIds: string[], client: DocClient = doc): Promise<Map<string, MyLeave>> => {
  const items = await batchGetAll(
    tableName('LEAVES_TABLE'),
    [...new Set(activityIds)].map((activityId) => ({ activityId, userId })),
    {
      ProjectionExpression: 'activityId, #status, reason, requestedAt, note',
      ExpressionAttributeNames: { '#status': 'status' },
      ConsistentRead: true,
    },
    client,
  );
  const found = new Map<string, MyLeave>();
  for (const item of items) {
    const { activityId, ...leave } = LeaveView.parse(item);
    found.set(activityId, leave);
  }
  return found;
};
