/**
 * The learning library's table: materials (pk `M`), the search index (pk `T#<token>`, one item per
 * material carrying the token; derived from the material, rewritten with it), each class series'
 * materials (pk `S#<series>`, written in the same transaction as the material) and each member's
 * progress (pk `P#<user>`: the percent, which only ever grows, and when they began).
 */
import { PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Material } from '@hele/shared';
import * as z from 'zod';
import { batchGetAll, batchPutAll, doc, isConditionFailure } from '../lib/db';
import { queryPage, type PageRequest } from '../lib/pagination';
import { tableName } from '../lib/tables';

const table = () => tableName('LIBRARY_TABLE');
const MATERIALS = 'M';
const tokenKey = (token: string) => `T#${token}`;
const progressKey = (userId: string) => `P#${userId}`;
const seriesKey = (seriesId: string) => `S#${seriesId}`;

export const MaterialRecord = Material.omit({ progress: true, fileUrl: true }).extend({ pk: z.literal(MATERIALS), sk: z.string() });
export type MaterialRecord = z.infer<typeof MaterialRecord>;
const SeriesEntry = z.object({ sk: z.string() }).transform((entry) => entry.sk);

/** Reads many items by key, following what DynamoDB leaves unprocessed. */
const batchGet = (keys: Array<{ pk: string; sk: string }>) => batchGetAll(table(), keys);

export const libraryRepository = {
  async create(record: MaterialRecord, tokens: string[]) {
    const put = (Item: Record<string, unknown>) => ({ TableName: table(), Item, ConditionExpression: 'attribute_not_exists(sk)' });
    // A series' material and its entry in the series' list exist together or not at all.
    if (record.seriesId)
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [{ Put: put(record) }, { Put: put({ pk: seriesKey(record.seriesId), sk: record.sk }) }],
        }),
      );
    else await doc.send(new PutCommand(put(record)));
    await batchPutAll(
      table(),
      tokens.map((token) => ({ pk: tokenKey(token), sk: record.sk })),
    );
  },

  list: (page: PageRequest) =>
    queryPage(
      MaterialRecord,
      { TableName: table(), KeyConditionExpression: 'pk = :m', ExpressionAttributeValues: { ':m': MATERIALS }, ScanIndexForward: false },
      page,
    ),

  /** Ids of a series' materials, newest first, page by page. */
  seriesMaterialIds: (seriesId: string, page: PageRequest) =>
    queryPage(
      SeriesEntry,
      {
        TableName: table(),
        KeyConditionExpression: 'pk = :s',
        ExpressionAttributeValues: { ':s': seriesKey(seriesId) },
        ScanIndexForward: false,
      },
      page,
    ),

  async get(id: string) {
    const [item] = await batchGet([{ pk: MATERIALS, sk: id }]);
    return item ? MaterialRecord.parse(item) : undefined;
  },

  async many(ids: string[]) {
    return (await batchGet(ids.map((id) => ({ pk: MATERIALS, sk: id })))).map((item) => MaterialRecord.parse(item));
  },

  /** Ids of the materials indexed under a token (at most `limit`). */
  async withToken(token: string, limit = 500): Promise<string[]> {
    const result = await doc.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :t',
        ExpressionAttributeValues: { ':t': tokenKey(token) },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => item.sk as string);
  },

  async progress(userId: string, ids: string[]): Promise<Map<string, number>> {
    const items = await batchGet(ids.map((id) => ({ pk: progressKey(userId), sk: id })));
    return new Map(items.map((item) => [item.sk as string, item.percent as number]));
  },

  /** The member's progress on one material and when they began it (their first report), begun now if not yet. */
  async begin(userId: string, id: string, now: string): Promise<{ percent: number; startedAt: string }> {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: progressKey(userId), sk: id },
        UpdateExpression: 'SET startedAt = if_not_exists(startedAt, :now), #percent = if_not_exists(#percent, :zero)',
        ExpressionAttributeNames: { '#percent': 'percent' },
        ExpressionAttributeValues: { ':now': now, ':zero': 0 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { percent: Number(Attributes?.percent ?? 0), startedAt: String(Attributes?.startedAt ?? now) };
  },

  /** Raises the member's progress to `percent`; a lower value leaves it where it is. */
  async raiseProgress(userId: string, id: string, percent: number): Promise<number> {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: table(),
          Key: { pk: progressKey(userId), sk: id },
          UpdateExpression: 'SET #percent = :p',
          ConditionExpression: 'attribute_not_exists(#percent) OR #percent < :p',
          ExpressionAttributeNames: { '#percent': 'percent' },
          ExpressionAttributeValues: { ':p': percent },
        }),
      );
      return percent;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.progress(userId, [id])).get(id) ?? percent;
    }
  },
};
