/**
 * The series table: one item per class series (公益班). A series and its sessions (activities of
 * kind class) are written in one transaction, so a series never exists without all its sessions.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { doc, transactNamed, type DocClient } from '../lib/db';
import { queryAll, queryPage, type PageRequest } from '../lib/pagination';
import type { ActivityRecord } from '../domain/activities/records';
import { tableName } from '../lib/tables';

export const SERIES_LIST_KEY = 'series';

export const SeriesRecord = z.object({
  id: z.string(),
  listKey: z.literal(SERIES_LIST_KEY),
  title: z.string(),
  description: z.string(),
  venue: z.string(),
  capacity: z.number().int(),
  lecturerIds: z.array(z.string()),
  lecturers: z.array(z.object({ id: z.string(), nickname: z.string() })),
  completionPercent: z.number().int(),
  projectId: z.string().optional(),
  sessionIds: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type SeriesRecord = z.infer<typeof SeriesRecord>;

export const createSeriesRepository = (client: DocClient = doc) => {
  const table = () => tableName('SERIES_TABLE');
  const byStart = (ascending: boolean) => ({
    TableName: table(),
    IndexName: 'byStart',
    KeyConditionExpression: 'listKey = :key',
    ExpressionAttributeValues: { ':key': SERIES_LIST_KEY },
    ScanIndexForward: ascending,
  });

  return {
    /** The series and every session, or nothing. */
    create: (series: SeriesRecord, sessions: ActivityRecord[]) =>
      transactNamed(client, [
        { name: 'series', item: { Put: { TableName: table(), Item: series, ConditionExpression: 'attribute_not_exists(id)' } } },
        ...sessions.map((session) => ({
          name: 'session' as const,
          item: { Put: { TableName: tableName('ACTIVITIES_TABLE'), Item: session, ConditionExpression: 'attribute_not_exists(id)' } },
        })),
      ]),

    async get(id: string): Promise<SeriesRecord | undefined> {
      const { Item } = await client.send(new GetCommand({ TableName: table(), Key: { id } }));
      return Item ? SeriesRecord.parse(Item) : undefined;
    },

    /** Newest first, page by page. */
    list: (page: PageRequest) => queryPage(SeriesRecord, byStart(false), page),

    /** Every series (a center runs tens of them a year): the lecturer's workspace filters these. */
    all: () => queryAll(SeriesRecord, byStart(false)),
  };
};

export type SeriesRepository = ReturnType<typeof createSeriesRepository>;
export const seriesRepository = createSeriesRepository();
