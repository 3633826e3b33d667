/** Reading with Query: one page behind a cursor, or every item of a small partition, parsed. */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { decodeCursor, encodeCursor, type Key } from './cursor';
import { doc } from './db';
import { ValidationError } from './errors';

export type PageRequest = { limit: number; cursor?: string };

export const queryPage = async <T>(schema: z.ZodType<T>, input: QueryCommandInput, { limit, cursor }: PageRequest) => {
  const result = await doc
    .send(new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey: decodeCursor(cursor).key }))
    .catch((error: unknown) => {
      // DynamoDB refuses a start key of another list (a cursor made up, or kept from another query): the caller's mistake.
      if (cursor && error instanceof Error && error.name === 'ValidationException')
        throw ValidationError.field('cursor', 'is not a cursor of this list');
      throw error;
    });
  return {
    items: (result.Items ?? []).map((item) => schema.parse(item)),
    nextCursor: encodeCursor(result.LastEvaluatedKey as Key | undefined),
  };
};

export const queryAll = async <T>(schema: z.ZodType<T>, input: QueryCommandInput): Promise<T[]> => {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const result = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(result.Items ?? []).map((item) => schema.parse(item)));
    ExclusiveStartKey = result.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
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
