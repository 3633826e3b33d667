/**
 * One DynamoDB client per container. `AWS_ENDPOINT_URL_DYNAMODB` (set by the local stack)
 * points it at DynamoDB Local; on AWS the default endpoint is used.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { meterClient } from './request-cost';
import { retrying } from './retry';

// On Lambda one container serves one request at a time; the local stack runs every function in
// one process, where the SDK's default of 50 sockets would queue a burst of registrations.
const SOCKETS = 256;

export const dynamo = new DynamoDBClient({
  maxAttempts: 3,
  requestHandler: {
    httpAgent: { keepAlive: true, maxSockets: SOCKETS },
    httpsAgent: { keepAlive: true, maxSockets: SOCKETS },
  },
});

// Each request's round trips and capacity units (lib/request-cost).
meterClient(dynamo);

export const doc = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true },
});

/** What repositories need of the document client; tests wrap it to inject errors. */
export type DocClient = Pick<DynamoDBDocumentClient, 'send'>;

/**
 * Sends a batch, then what DynamoDB left unprocessed (it does so when a partition is throttled), after a
 * growing, jittered pause as AWS advises rather than at once; 409 BUSY if it never gets through.
 */
const untilProcessed = <T>(first: T[], send: (pending: T[]) => Promise<T[] | undefined>): Promise<true> => {
  let pending = first;
  return retrying(async () => {
    pending = (await send(pending)) ?? [];
    return pending.length ? undefined : true;
  });
};

/**
 * The items of `table` with these keys (those that exist), a hundred at a time (BatchGetItem's limit),
 * asking again for the keys DynamoDB leaves unprocessed under load. `read` holds the projection and
 * consistency wanted. BatchGetItem refuses a key asked twice: callers pass each once.
 */
export const batchGetAll = async (
  table: string,
  keys: Record<string, unknown>[],
  read: Omit<NonNullable<BatchGetCommandInput['RequestItems']>[string], 'Keys'> = {},
  client: DocClient = doc,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    await untilProcessed(keys.slice(i, i + 100), async (pending) => {
      const result: BatchGetCommandOutput = await client.send(
        new BatchGetCommand({ RequestItems: { [table]: { ...read, Keys: pending } } }),
      );
      items.push(...(result.Responses?.[table] ?? []));
      return result.UnprocessedKeys?.[table]?.Keys;
    });
  }
  return items;
};

/** Puts these items in `table`, twenty-five at a time (BatchWriteItem's limit), sending again what DynamoDB leaves unprocessed. */
export const batchPutAll = async (table: string, items: Record<string, unknown>[], client: DocClient = doc): Promise<void> => {
  for (let i = 0; i < items.length; i += 25) {
    await untilProcessed<NonNullable<BatchWriteCommandInput['RequestItems']>[string][number]>(
      items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
      async (pending) => {
        const result: BatchWriteCommandOutput = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        return result.UnprocessedItems?.[table];
      },
    );
  }
};

export const isConditionFailure = (error: unknown): boolean => error instanceof Error && error.name === 'ConditionalCheckFailedException';

/**
 * A write that lost to a concurrent transaction on the same item, or was throttled: worth
 * retrying. (A plain UpdateItem on an item inside a running transaction gets
 * TransactionConflictException on real DynamoDB; the SDK does not retry it.)
 */
export const isRetryableWriteError = (error: unknown): boolean =>
  error instanceof Error &&
  ['TransactionConflictException', 'ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded'].includes(
    error.name,
  );

/** Transaction cancellation reasons that mean "try again", not "a condition failed". */
export const RETRYABLE_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

/** The outcome of one item of a cancelled transaction. */
export type ItemOutcome = 'None' | 'ConditionalCheckFailed' | 'TransactionConflict' | string;

/** Reason codes of a cancelled transaction, one per item in the order they were sent. */
export const cancellationReasons = (error: unknown): string[] | undefined => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
};

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The SET and REMOVE parts of an update that changes some fields: each value given is set, `null`
 * removes the field, `undefined` leaves it alone. Fields go by `#name` placeholders, so reserved words are safe.
 */
export const fieldChanges = (changes: object) => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const set: string[] = [];
  const remove: string[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    if (value === null) remove.push(`#${field}`);
    else {
      values[`:${field}`] = value;
      set.push(`#${field} = :${field}`);
    }
  }
  return { names, values, set, remove };
};

/** What became of a transaction: `ok`, the name of the first item whose condition failed, or `conflict` (retry). */
export type TxOutcome<Name extends string> = 'ok' | 'conflict' | Name;

/**
 * Runs one TransactWriteItems whose items carry names, and answers which named condition stopped
 * it. Lost races and throttling answer `conflict`; anything else is thrown.
 */
export const transactNamed = async <Name extends string>(
  client: DocClient,
  items: Array<{ name: Name; item: TransactItem }>,
): Promise<TxOutcome<Name>> => {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: items.map(({ item }) => item) }));
    return 'ok';
  } catch (error) {
    if (isRetryableWriteError(error)) return 'conflict';
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    const failed = reasons.indexOf('ConditionalCheckFailed');
    if (failed >= 0) return items[failed]!.name;
    if (reasons.some((code) => RETRYABLE_REASONS.has(code))) return 'conflict';
    throw error;
  }
};
