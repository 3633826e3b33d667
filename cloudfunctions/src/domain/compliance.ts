/**
 * What 三会一课 compliance reads (shared/rules/compliance): the center's frequencies (one item of the branches
 * table, `SETTINGS` / `MEETING_FREQUENCIES`), the branches of the directory, and the meetings held: published
 * meetings of a branch with a kind, through the kind-and-start index, of which someone checked in (a plan,
 * a cancelled meeting or a meeting nobody came to is not held); and which 三会一课 reminders went out.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { centerDate, DEFAULT_MEETING_FREQUENCIES, MeetingFrequencies, type MeetingType } from '@hele/shared';
import { doc, isConditionFailure } from '../lib/db';
import { queryAll } from '../lib/pagination';
import { tableName } from '../lib/tables';
import { publishedMeetingsBetween } from './activities/summary';
import { registrationPartitions } from './activities/hot';
import { BranchRecord, DIRECTORY } from './branches';

const SETTINGS_KEY = { pk: 'SETTINGS', sk: 'MEETING_FREQUENCIES' };

/** The frequencies the center set, or the Party's usual ones until it sets its own. */
export const meetingFrequencies = async (): Promise<MeetingFrequencies> => {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName('BRANCHES_TABLE'), Key: SETTINGS_KEY, ConsistentRead: true }));
  const stored = MeetingFrequencies.safeParse(Item?.frequencies);
  return stored.success ? stored.data : { ...DEFAULT_MEETING_FREQUENCIES };
};

export const putMeetingFrequencies = async (frequencies: MeetingFrequencies, by: string, at: Date): Promise<void> => {
  await doc.send(
    new PutCommand({
      TableName: tableName('BRANCHES_TABLE'),
      Item: { ...SETTINGS_KEY, frequencies, updatedBy: by, updatedAt: at.toISOString() },
    }),
  );
};

/** Every 党支部 of the directory (党委 and 党总支 hold no 三会一课 of their own here). */
export const directoryBranches = async (): Promise<BranchRecord[]> =>
  (
    await queryAll(BranchRecord, {
      TableName: tableName('BRANCHES_TABLE'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': DIRECTORY },
    })
  ).filter((branch) => branch.kind === 'branch');

/** Whether anyone holding a seat checked in (walk-ins and 代签 included): the page stops at the first. */
export const anyoneCheckedIn = async (activityId: string): Promise<boolean> => {
  for (const partition of registrationPartitions(activityId)) if (await anyoneCheckedInOn(partition)) return true;
  return false;
};

/** Whether anyone holding a seat in one partition of an activity's registrations checked in. */
const anyoneCheckedInOn = async (activityId: string): Promise<boolean> => {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName('REGISTRATIONS_TABLE'),
        KeyConditionExpression: 'activityId = :id',
        FilterExpression: 'attribute_exists(checkedInAt) AND #status = :confirmed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':id': activityId, ':confirmed': 'confirmed' },
        ProjectionExpression: 'userId',
        ExclusiveStartKey,
      }),
    );
    if ((page.Items ?? []).length > 0) return true;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return false;
};

export interface HeldMeeting {
  id: string;
  branchId: string;
  type: MeetingType;
  /** The center's day it started on. */
  day: string;
}

/** The meetings of a kind held in [from, to] (ISO instants), of one branch or of all. */
export const heldMeetings = async (from: string, to: string, branchId?: string): Promise<HeldMeeting[]> => {
  const typed = (await publishedMeetingsBetween(from, to)).filter(
    (meeting) => meeting.meetingType && meeting.branchId && (!branchId || meeting.branchId === branchId),
  );
  const checked = await Promise.all(typed.map((meeting) => anyoneCheckedIn(meeting.id)));
  return typed
    .filter((_, i) => checked[i])
    .map((meeting) => ({
      id: meeting.id,
      branchId: meeting.branchId!,
      type: meeting.meetingType!,
      day: centerDate(new Date(meeting.startsAt)),
    }));
};

/**
 * Marks a 三会一课 reminder as sent, once per branch, kind, period and secretary: an item of the reminders
 * table under a key no activity has (`compliance#…`), without the `pendingKey` that would make it due.
 */
export const markComplianceReminder = async (
  { branchId, type, periodKey, secretaryId }: { branchId: string; type: MeetingType; periodKey: string; secretaryId: string },
  at: Date,
): Promise<boolean> => {
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName('REMINDERS_TABLE'),
        Item: { activityId: `compliance#${branchId}#${type}#${periodKey}`, userId: secretaryId, sentAt: at.toISOString() },
        ConditionExpression: 'attribute_not_exists(activityId)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};
