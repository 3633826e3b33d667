/**
 * An activity's attendance sheet as every feature reads it: the attendance page and its CSV, the minutes
 * and the branch statistics all build it here from the same records (seats, approved leave, the branch's
 * roster) and count it with shared/rules/attendance, so their figures agree.
 */
import { attendanceSheet, Leave } from '@hele/shared';
import * as z from 'zod';
import { doc, type DocClient } from '../../lib/db';
import { queryAll } from '../../lib/pagination';
import { branchMembers, type UserRecord } from '../../lib/principal';
import { tableName } from '../../lib/tables';
import { createActivityRepository } from './repository';
import type { RegistrationRecord } from './seats';

/** A leave request (请假), as the leaves table holds it: one per person per activity. */
export const LeaveRecord = Leave.omit({ activity: true }).extend({
  /** Sparse index keys of the requests still waiting: every one, and the branch's. */
  pendingAll: z.string().optional(),
  pendingBranch: z.string().optional(),
});
export type LeaveRecord = z.infer<typeof LeaveRecord>;

/** Every leave request of one activity, whatever its state. */
export const leavesOf = (activityId: string, client: DocClient = doc): Promise<LeaveRecord[]> =>
  queryAll(
    LeaveRecord,
    {
      TableName: tableName('LEAVES_TABLE'),
      KeyConditionExpression: 'activityId = :id',
      ExpressionAttributeValues: { ':id': activityId },
      ConsistentRead: true,
    },
    client,
  );

export interface SheetReads {
  registrations: (activityId: string) => Promise<RegistrationRecord[]>;
  leaves: (activityId: string) => Promise<LeaveRecord[]>;
  roster: (branchId: string) => Promise<UserRecord[]>;
}

const defaultReads: SheetReads = {
  registrations: (activityId) => createActivityRepository().allRegistrations(activityId),
  leaves: (activityId) => leavesOf(activityId),
  roster: branchMembers,
};

/** The sheet of one activity at `now`; `roster` may be given when several meetings of one branch are read. */
export const readAttendanceSheet = async (
  activity: { id: string; endsAt: string; branchId?: string },
  now: Date,
  reads: Partial<SheetReads> & { rosterOf?: UserRecord[] } = {},
) => {
  const { registrations, leaves, roster } = { ...defaultReads, ...reads };
  const [records, leaveRecords, members] = await Promise.all([
    registrations(activity.id),
    leaves(activity.id),
    reads.rosterOf ?? (activity.branchId ? roster(activity.branchId) : Promise.resolve([])),
  ]);
  return attendanceSheet(
    {
      endsAt: activity.endsAt,
      roster: members.map((member) => ({ userId: member.id, nickname: member.nickname })),
      seats: records
        .filter((record) => record.status === 'confirmed')
        .map((record) => ({
          userId: record.userId,
          nickname: record.nickname ?? record.userId,
          ...(record.checkedInAt ? { checkedInAt: record.checkedInAt } : {}),
          ...(record.checkedInByName ? { assistedBy: record.checkedInByName } : {}),
          ...(record.walkIn ? { walkIn: true } : {}),
        })),
      leaves: leaveRecords.filter((leave) => leave.status === 'approved').map((leave) => ({ userId: leave.userId, reason: leave.reason })),
    },
    now,
  );
};
