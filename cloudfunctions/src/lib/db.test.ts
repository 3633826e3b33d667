/**
 * The batch helpers send again what DynamoDB leaves unprocessed (it does so for a throttled partition,
 * which DynamoDB Local never is): a client that leaves part of each first answer unprocessed stands in for it.
 */
import { BatchGetCommand, type BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, batchPutAll, type DocClient } from './db';

/** Answers each batch, leaving its last entry unprocessed the first time that entry is seen. */
const throttlingClient = () => {
  const seen = new Set<string>();
  const batches: number[] = [];
  const client: DocClient = {
    send: (async (command: BatchGetCommand | BatchWriteCommand) => {
      const entries = Object.values(command.input.RequestItems!)[0]!;
      const list = (Array.isArray(entries) ? entries : entries.Keys!) as Array<Record<string, unknown>>;
      batches.push(list.length);
      const last = list.at(-1)!;
      const key = JSON.stringify(last);
      const leftOver = seen.has(key) ? [] : [last];
      seen.add(key);
      const done = list.filter((entry) => !leftOver.includes(entry));
      return command instanceof BatchGetCommand
        ? { Responses: { t: done }, UnprocessedKeys: leftOver.length ? { t: { Keys: leftOver } } : {} }
        : { UnprocessedItems: leftOver.length ? { t: leftOver } : {} };
    }) as DocClient['send'],
  };
  return { client, batches };
};

it('reads every key, a hundred at a time, asking again for the unprocessed ones', async () => {
  const { client, batches } = throttlingClient();
  const keys = Array.from({ length: 150 }, (_, i) => ({ id: `k${i}` }));
  const items = await batchGetAll('t', keys, {}, client);
  expect(items.map((item) => item.id).sort()).toEqual(keys.map((key) => key.id).sort());
  expect(batches).toEqual([100, 1, 50, 1]);
});

it('puts every item, twenty-five at a time, sending again the unprocessed ones', async () => {
  const { client, batches } = throttlingClient();
  await batchPutAll(
    't',
    Array.from({ length: 30 }, (_, i) => ({ id: `i${i}` })),
    client,
  );
  expect(batches).toEqual([25, 1, 5, 1]);
});
