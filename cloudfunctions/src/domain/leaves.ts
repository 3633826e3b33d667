/**
 * What a member's own leave requests (请假) say, for the pages that show where they stand at an
 * activity (我的报名, the activity page, a class's sessions). The attendance feature writes and
 * decides them; these are reads only (BatchGetItem on the leaves table).
 */
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { MyLeave } from '@hele/shared';
import * as z from 'zod';
import { doc, type DocClient } from '../lib/db';
import { tableName } from '../lib/tables';

const LeaveView = MyLeave.extend({ activityId: z.string() });

/** The caller's leave request for each of these activities that has one, by activity id. */
export const myLeaves = async (userId: string, activityIds: string[], client: DocClient = doc): Promise<Map<string, MyLeave>> => {
  const found = new Map<string, MyLeave>();
  const table = tableName('LEAVES_TABLE');
  const unique = [...new Set(activityIds)];
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map((activityId) => ({ activityId, userId }));
    while (keys?.length) {
      const result: BatchGetCommandOutput = await client.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: keys,
              ProjectionExpression: 'activityId, #status, reason, requestedAt, note',
              ExpressionAttributeNames: { '#status': 'status' },
              ConsistentRead: true,
            },
          },
        }),
      );
      for (const item of result.Responses?.[table] ?? []) {
        const { activityId, ...leave } = LeaveView.parse(item);
        found.set(activityId, leave);
      }
      keys = result.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return found;
};
