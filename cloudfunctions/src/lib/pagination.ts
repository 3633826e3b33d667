/**
 * Reading a partition with Query, the one way every list does it: a page behind a cursor, or every
 * item (the SDK's paginator). A cursor is DynamoDB's LastEvaluatedKey, opaque to the client
 * (base64url JSON) and bound to the shape of the query that gave it out: a cursor made up, kept from
 * another list or too long is a 400 naming `cursor`, never a 500.
 */
import { createHash } from 'node:crypto';
import { paginateQuery, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { type DocClient, doc } from './db';
import { ValidationError } from './errors';

export type PageRequest = { limit: number; cursor?: string };
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type Key = Record<string, unknown>;

/** A schema, or a function that parses and reshapes one stored item. */
export type ItemParser<T> = z.ZodType<T> | ((item: Record<string, unknown>) => T);

const parserOf = <T>(parse: ItemParser<T>) => (typeof parse === 'function' ? parse : (item: Record<string, unknown>) => parse.parse(item));

/** Longer than any key this API writes (two ids and a sort value): anything longer was not ours. */
export const CURSOR_MAX_LENGTH = 1024;

/** What a cursor is bound to: the table, index and key condition of its list (not the values, which may shift). */
const shapeOf = (input: QueryCommandInput) =>
  createHash('sha256')
    .update(JSON.stringify([input.TableName, input.IndexName ?? '', input.KeyConditionExpression ?? '', input.FilterExpression ?? '']))
    .digest('base64url')
    .slice(0, 12);

const refused = () => ValidationError.field('cursor', '翻页标记无效');

export const encodeCursor = (key: Key | undefined, input: QueryCommandInput): string | null =>
  key ? Buffer.from(JSON.stringify({ k: key, s: shapeOf(input) })).toString('base64url') : null;

export const decodeCursor = (cursor: string | undefined, input: QueryCommandInput): Key | undefined => {
  if (!cursor) return undefined;
  if (cursor.length > CURSOR_MAX_LENGTH) throw refused();
  let value: { k?: unknown; s?: unknown };
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const key = value?.k;
  if (typeof key !== 'object' || key === null || Array.isArray(key) || value.s !== shapeOf(input)) throw refused();
  return key as Key;
};

/** One page of a query, parsed; the next page's cursor, or null at the end. */
export const queryPage = async <T>(
  parse: ItemParser<T>,
  input: QueryCommandInput,
  { limit, cursor }: PageRequest,
  client: DocClient = doc,
): Promise<Page<T>> => {
  const ExclusiveStartKey = decodeCursor(cursor, input);
  const result = await client.send(new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey })).catch((error: unknown) => {
    // A key of the right shape that DynamoDB still refuses (made up, or of another partition): the caller's mistake.
    if (ExclusiveStartKey && error instanceof Error && error.name === 'ValidationException') throw refused();
    throw error;
  });
  return { items: (result.Items ?? []).map(parserOf(parse)), nextCursor: encodeCursor(result.LastEvaluatedKey as Key | undefined, input) };
};

/** Every item of a query (a small partition, or one that must be read whole), page after page. */
export const queryAll = async <T>(parse: ItemParser<T>, input: QueryCommandInput, client: DocClient = doc): Promise<T[]> => {
  const items: T[] = [];
  for await (const page of paginateQuery({ client: client as Parameters<typeof paginateQuery>[0]['client'] }, input)) {
    items.push(...(page.Items ?? []).map(parserOf(parse)));
  }
  return items;
};

/** How many items a query matches, counted page by page (`Select: COUNT`). */
export const countAll = async (input: QueryCommandInput, client: DocClient = doc): Promise<number> => {
  let count = 0;
  for await (const page of paginateQuery(
    { client: client as Parameters<typeof paginateQuery>[0]['client'] },
    { ...input, Select: 'COUNT' },
  )) {
    count += page.Count ?? 0;
  }
  return count;
};

/** The items of an index whose partition key `key` is `value`, newest (highest sort key) first. */
export const newestOnIndex = (TableName: string, IndexName: string, key: string, value: string): QueryCommandInput => ({
  TableName,
  IndexName,
  KeyConditionExpression: '#key = :value',
  ExpressionAttributeNames: { '#key': key },
  ExpressionAttributeValues: { ':value': value },
  ScanIndexForward: false,
});

/**
 * The items of a table whose partition key `key` is `value`, by `#key = :key` placeholders (a reserved
 * word is safe; the condition reads as it always did, so the lists' cursors stay valid).
 */
export const partitionQuery = (TableName: string, key: string, value: string): QueryCommandInput => ({
  TableName,
  KeyConditionExpression: `#${key} = :${key}`,
  ExpressionAttributeNames: { [`#${key}`]: key },
  ExpressionAttributeValues: { [`:${key}`]: value },
});

/** Follows a list's own cursor to its end (when the page function does more than one query). */
export const everyPage = async <T>(page: (cursor?: string) => Promise<Page<T>>): Promise<T[]> => {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    all.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return all;
};

/**
 * A page of a list sorted in memory (a list small enough to read whole, in an order no index keeps:
 * one member's registrations by start time). The cursor holds the sort key of the last item given
 * (`key` reads it from an item and checks a cursor's); the next page is what sorts after it, so items
 * added or removed meanwhile never shift the pages. `list` names the list: another list's cursor is refused.
 */
export const sortedPage = <T, K extends Key>(
  sorted: T[],
  { key, keyOf, compare, list }: { key: z.ZodType<K>; keyOf: (item: T) => K; compare: (a: K, b: K) => number; list: string },
  { limit, cursor }: PageRequest,
): Page<T> => {
  const shape: QueryCommandInput = { TableName: `sorted:${list}` };
  const decoded = key.safeParse(decodeCursor(cursor, shape));
  if (cursor && !decoded.success) throw refused();
  const after = cursor ? decoded.data : undefined;
  const rest = after ? sorted.filter((item) => compare(keyOf(item), after) > 0) : sorted;
  const items = rest.slice(0, limit);
  return { items, nextCursor: rest.length > limit ? encodeCursor(keyOf(items.at(-1)!), shape) : null };
};
