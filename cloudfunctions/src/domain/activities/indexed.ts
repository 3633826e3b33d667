/**
 * The activities' global indexes (`byStart`: status and start; `byKindStart`: kind, status and start)
 * project keys only. A registration changes its activity's counters; with every attribute projected, that
 * write was also a write to the index partition every activity of the same status shares, so all the
 * registrations of the center met on one index partition (docs/hot-activity.md). Now only what the keys
 * hold (status, kind, start) writes an index, and a list reads the keys on the index, then the items:
 * one BatchGetItem for a page of up to 100.
 */
import type { BatchGetCommandInput } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, type DocClient } from '../../lib/db';
import { tableName } from '../../lib/tables';

type Read = Omit<NonNullable<BatchGetCommandInput['RequestItems']>[string], 'Keys'>;

/**
 * The activities of `ids`, each once, in that order (an index's), read with `read` (a projection that keeps
 * `id`); any gone since are left out.
 */
export const activitiesInOrder = async (ids: string[], read: Read, client: DocClient): Promise<Record<string, unknown>[]> => {
  const once = [...new Set(ids)];
  if (once.length === 0) return [];
  const items = await batchGetAll(
    tableName('ACTIVITIES_TABLE'),
    once.map((id) => ({ id })),
    read,
    client,
  );
  const byId = new Map<string, Record<string, unknown>>(items.map((item) => [item.id as string, item]));
  return once.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
};
