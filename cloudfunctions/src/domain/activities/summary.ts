/**
 * What other features read of an activity (its kind, state and times), without the activities
 * feature's internals: one projected GetItem.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../../lib/pagination';
import { ActivityKindSchema, ActivityStatusSchema, MeetingTypeSchema, ServiceDestinationSchema } from '@hele/shared';
import * as z from 'zod';
import { doc } from '../../lib/db';
import { tableName } from '../../lib/tables';

export const ActivitySummary = z.object({
  id: z.string(),
  kind: ActivityKindSchema,
  status: ActivityStatusSchema,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  branchId: z.string().optional(),
  meetingType: MeetingTypeSchema.optional(),
  projectId: z.string().optional(),
  destination: ServiceDestinationSchema.optional(),
  venue: z.string().optional(),
  theme: z.string().optional(),
  agenda: z.array(z.object({ title: z.string(), minutes: z.number().optional() })).optional(),
  confirmedCount: z.number().int().optional(),
  seriesId: z.string().optional(),
  lecturerIds: z.array(z.string()).optional(),
  publicFeed: z.boolean().optional(),
});
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const activitySummary = async (id: string): Promise<ActivitySummary | undefined> => {
  const { Item } = await doc.send(
    new GetCommand({
      TableName: tableName('ACTIVITIES_TABLE'),
      Key: { id },
      ProjectionExpression:
        'id, kind, #status, title, startsAt, endsAt, branchId, meetingType, projectId, destination, venue, theme, agenda, confirmedCount, seriesId, lecturerIds, publicFeed',
      ExpressionAttributeNames: { '#status': 'status' },
    }),
  );
  return Item ? ActivitySummary.parse(Item) : undefined;
};

/** Published meetings starting in [from, to) (ISO instants), through the kind-and-start index: a bounded query, never a scan. */
export const publishedMeetingsBetween = (from: string, to: string): Promise<ActivitySummary[]> =>
  queryAll(ActivitySummary, {
    TableName: tableName('ACTIVITIES_TABLE'),
    IndexName: 'byKindStart',
    KeyConditionExpression: 'kindKey = :key AND startsAt BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':key': 'meeting#published', ':from': from, ':to': to },
  });

/** Published service activities starting in [from, to] (ISO instants), through the kind-and-start index. */
export const publishedServiceBetween = (from: string, to: string): Promise<ActivitySummary[]> =>
  queryAll(ActivitySummary, {
    TableName: tableName('ACTIVITIES_TABLE'),
    IndexName: 'byKindStart',
    KeyConditionExpression: 'kindKey = :key AND startsAt BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':key': 'service#published', ':from': from, ':to': to },
  });
