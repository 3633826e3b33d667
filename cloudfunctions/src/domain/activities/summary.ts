/**
 * What other features read of an activity (its kind, state and times), without the activities
 * feature's internals: one projected GetItem.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { centerMonth, centerMonthsSpan } from '@hele/shared';
import { queryAll } from '../../lib/pagination';
import * as z from 'zod';
import { doc } from '../../lib/db';
import { tableName } from '../../lib/tables';
import { isHot, readShards, shardTotals } from './hot';
import { activitiesInOrder } from './indexed';
import { ActivityRecord } from './records';

/** The fields of an activity record other features read (those the projection below names). */
export const ActivitySummary = ActivityRecord.pick({
  id: true,
  kind: true,
  status: true,
  title: true,
  startsAt: true,
  endsAt: true,
  branchId: true,
  meetingType: true,
  projectId: true,
  destination: true,
  theme: true,
  seriesId: true,
  lecturerIds: true,
  publicFeed: true,
}).extend(ActivityRecord.pick({ venue: true, agenda: true, confirmedCount: true }).partial().shape);
export type ActivitySummary = z.infer<typeof ActivitySummary>;

/** The summary's fields, as a projection. */
const SUMMARY_READ = {
  ProjectionExpression:
    'id, kind, #status, title, startsAt, endsAt, branchId, meetingType, projectId, destination, venue, theme, agenda, confirmedCount, seriesId, lecturerIds, publicFeed',
  ExpressionAttributeNames: { '#status': 'status' },
};

export const activitySummary = async (id: string): Promise<ActivitySummary | undefined> => {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName('ACTIVITIES_TABLE'), Key: { id }, ...SUMMARY_READ }));
  return Item ? ActivitySummary.parse(Item) : undefined;
};

const Indexed = z.object({ id: z.string() });

/**
 * Published activities of `kind` starting in [from, to] (ISO instants), in order of start: their keys through
 * the kind-and-start index (a bounded query, never a scan), then their summaries (indexed.ts).
 */
const publishedBetween = async (kind: 'meeting' | 'service', from: string, to: string): Promise<ActivitySummary[]> => {
  const keys = await queryAll(Indexed, {
    TableName: tableName('ACTIVITIES_TABLE'),
    IndexName: 'byKindStart',
    KeyConditionExpression: 'kindKey = :key AND startsAt BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':key': `${kind}#published`, ':from': from, ':to': to },
  });
  const items = await activitiesInOrder(
    keys.map(({ id }) => id),
    SUMMARY_READ,
    doc,
  );
  return items.map((item) => ActivitySummary.parse(item)).filter((activity) => activity.status === 'published' && activity.kind === kind);
};

/** Published meetings starting in [from, to) (ISO instants). */
export const publishedMeetingsBetween = (from: string, to: string) => publishedBetween('meeting', from, to);

/** Published service activities starting in [from, to] (ISO instants). */
export const publishedServiceBetween = (from: string, to: string) => publishedBetween('service', from, to);

const SignUps = z.object({ startsAt: z.string(), signUps: z.number().int().optional() });

/**
 * The sign-ups the activities starting in `months` (the center's, `YYYY-MM`, in order) counted on themselves
 * (seats.ts), per month: their keys through a bounded query per status that can hold any (published,
 * cancelled since), then their counts (indexed.ts).
 */
export const signUpsOver = async (months: readonly string[]): Promise<Map<string, number>> => {
  const perMonth = new Map(months.map((month) => [month, 0]));
  if (months.length === 0) return perMonth;
  const { start, last } = centerMonthsSpan(months[0]!, months[months.length - 1]!);
  const keys = await Promise.all(
    (['published', 'cancelled'] as const).map((status) =>
      queryAll(Indexed, {
        TableName: tableName('ACTIVITIES_TABLE'),
        IndexName: 'byStart',
        KeyConditionExpression: 'listKey = :status AND startsAt BETWEEN :start AND :last',
        ExpressionAttributeValues: { ':status': status, ':start': start, ':last': last },
      }),
    ),
  );
  const counted = await activitiesInOrder(
    keys.flat().map(({ id }) => id),
    { ProjectionExpression: 'id, startsAt, signUps' },
    doc,
  );
  // A hot activity counts its sign-ups on its seat shards (hot.ts).
  const found = await Promise.all(
    counted.map(async (item) => {
      const activity = SignUps.parse(item);
      const id = String(item.id);
      return isHot(id) ? { ...activity, signUps: shardTotals(await readShards(doc, id, false)).signUps } : activity;
    }),
  );
  for (const { startsAt, signUps = 0 } of found) {
    const month = centerMonth(startsAt);
    if (perMonth.has(month)) perMonth.set(month, perMonth.get(month)! + signUps);
  }
  return perMonth;
};
