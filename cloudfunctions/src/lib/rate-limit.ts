/**
 * Attempts counted per key in fixed windows, in the rate-limits table: one conditional update adds an
 * attempt while the window's count is under the limit, so however many arrive at once, at most `max`
 * pass; the item expires (TTL) soon after its window.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { doc, isConditionFailure, type DocClient } from './db';
import { tableName } from './tables';

export interface Limit {
  max: number;
  windowSeconds: number;
}

/** Undefined when the attempt is taken; else the seconds until the window ends (for `Retry-After`). */
export const takeAttempt = async (key: string, { max, windowSeconds }: Limit, now = new Date(), client: DocClient = doc) => {
  const seconds = Math.floor(now.getTime() / 1000);
  const window = Math.floor(seconds / windowSeconds);
  const ends = (window + 1) * windowSeconds;
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName('RATE_LIMITS_TABLE'),
        Key: { id: `${key}#${window}` },
        UpdateExpression: 'ADD attempts :one SET expiresAt = :expires',
        ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :max',
        ExpressionAttributeValues: { ':one': 1, ':max': max, ':expires': ends + 60 },
      }),
    );
    return undefined;
  } catch (error) {
    if (isConditionFailure(error)) return Math.max(1, ends - seconds);
    throw error;
  }
};
