/**
 * Figures for the dashboard, counted when the write that changes them happens (inside its
 * transaction, so a figure is never ahead of or behind the data) instead of scanning tables later.
 * A counter is spread over SHARDS items chosen at random, so a burst of writes (points, allocations)
 * rarely meets on one item; a read adds the shards up.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { doc, type TransactItem } from '../lib/db';
import { tableName } from '../lib/tables';

export const STAT_SHARDS = 16;

/**
 * Check-ins, counted in the month (`YYYY-MM`) the activity starts, so a month's attendance rate compares like with like; and the
 * sign-ups made before #20 (since then each activity counts its own: activities/summary signUpsOver).
 */
export const participationScope = (month: string) => `participation#${month}`;

/** A branch's figures of a year (observer marks). */
export const branchScope = (branchId: string, year: number) => `branch#${branchId}#${year}`;

/** Counter names become attribute names: keep them plain. */
const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** `scope` is what is counted (`cases`, `points#2026-11`…); `deltas` what each of its counters moves by. */
export const countItem = (scope: string, deltas: Record<string, number>, shard = Math.floor(Math.random() * STAT_SHARDS)): TransactItem => {
  const fields = Object.entries(deltas).filter(([, delta]) => delta !== 0);
  for (const [field] of fields) if (!FIELD.test(field)) throw new Error(`Counter name ${field} is not plain`);
  if (fields.length === 0) throw new Error('A count item needs a counter that moves');
  return {
    Update: {
      TableName: tableName('STATS_TABLE'),
      Key: { scope, shard },
      UpdateExpression: `ADD ${fields.map((_, i) => `#f${i} :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(fields.map(([field], i) => [`#f${i}`, field])),
      ExpressionAttributeValues: Object.fromEntries(fields.map(([, delta], i) => [`:v${i}`, delta])),
    },
  };
};

/** The counters of one scope, shards added up (a counter never moved reads as absent). */
export const readCounts = async (scope: string): Promise<Record<string, number>> => {
  const result = await doc.send(
    new QueryCommand({
      TableName: tableName('STATS_TABLE'),
      KeyConditionExpression: '#scope = :scope',
      ExpressionAttributeNames: { '#scope': 'scope' },
      ExpressionAttributeValues: { ':scope': scope },
    }),
  );
  const totals: Record<string, number> = {};
  for (const item of result.Items ?? []) {
    for (const [field, value] of Object.entries(item)) {
      if (field !== 'scope' && field !== 'shard' && typeof value === 'number') totals[field] = (totals[field] ?? 0) + value;
    }
  }
  return totals;
};
