/**
 * Class series as other features see them (the library attaches materials to one; teaching is
 * recorded for its lecturers): one GetItem on the series table, written by the activities feature.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { doc } from '../lib/db';
import { tableName } from '../lib/tables';

export const SeriesSummary = z.object({ id: z.string(), title: z.string(), lecturerIds: z.array(z.string()) });
export type SeriesSummary = z.infer<typeof SeriesSummary>;

export const seriesSummary = async (id: string): Promise<SeriesSummary | undefined> => {
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName('SERIES_TABLE'), Key: { id }, ProjectionExpression: 'id, title, lecturerIds' }),
  );
  return Item ? SeriesSummary.parse(Item) : undefined;
};

/** Whether a user is among the lecturers of a series (none is when there is no series). */
export const teachesSeries = async (seriesId: string | undefined, userId: string): Promise<boolean> =>
  !!seriesId && !!(await seriesSummary(seriesId))?.lecturerIds.includes(userId);

/** Whether a user teaches this class: a session by its series' lecturers, another class by those it names. */
export const teachesClass = async (activity: { seriesId?: string; lecturerIds?: string[] }, userId: string): Promise<boolean> =>
  activity.seriesId ? teachesSeries(activity.seriesId, userId) : !!activity.lecturerIds?.includes(userId);
