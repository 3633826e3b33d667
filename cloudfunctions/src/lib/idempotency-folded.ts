/**
 * `Idempotency-Key` folded into the write itself (docs/API.md, docs/hot-activity.md): for a route
 * whose answer is known before its one transaction (a registration, a redemption), the record of
 * the key is one more item of that transaction, put only if the key is new. No read before and no
 * write after: the first call's transaction writes the record with everything else or nothing.
 *
 * A call whose transaction meets the record (a retry, or a twin sent at once) is cancelled whole,
 * so nothing is written twice, and answers what the record keeps; a different body under the key is
 * a 409 IDEMPOTENCY_KEY_REUSED. An answer that took no transaction (a refusal, the registration one
 * held already) is kept afterwards by a conditional put, so it too is replayed, and a call that
 * finds a record there answers that instead. Same table as lib/idempotency, its own key prefix.
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorCode } from '@hele/shared';
import { doc, isConditionFailure, type TransactItem } from './db';
import { ConflictError } from './errors';
import type { IdempotentCall, StoredResponse } from './idempotency';
import { tableName } from './tables';

/** Keys are remembered a day, long enough for any client retry (as lib/idempotency). */
const KEY_TTL_SECONDS = 24 * 60 * 60;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Thrown by a route whose transaction met this key's record: the adapter answers what it keeps. */
export class KeyAlreadyUsed extends Error {
  constructor() {
    super('This Idempotency-Key was used already');
    this.name = 'KeyAlreadyUsed';
  }
}

/** What a folded route is given: the record as a transaction item, and how to say what became of it. */
export interface IdempotencyClaim {
  /** The record keeping `reply` (answered with `status`): a Put that fails when the key was used already. */
  record(reply: unknown, status: number): TransactItem;
  /** The transaction carrying `record` committed: the answer is kept. */
  kept(): void;
  /** The transaction failed on `record`: stops the route (the adapter answers the kept answer). */
  used(): never;
}

const reused = () =>
  new ConflictError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used with a different request', [
    { path: 'Idempotency-Key', message: '该请求标识已用于不同的内容' },
  ]);

/** One call's claim on its key, and what the adapter does before and after the route. */
export const foldedClaim = (call: IdempotentCall, now = () => Date.now()) => {
  const table = () => tableName('IDEMPOTENCY_TABLE');
  const id = `folded#${sha256(JSON.stringify([call.scope, call.key]))}`;
  const validation = sha256(JSON.stringify(call.body ?? null));
  let keptResponse: StoredResponse | undefined;
  let pending: StoredResponse | undefined;

  const item = (response: StoredResponse) => ({
    id,
    status: 'COMPLETED',
    data: JSON.stringify(response),
    validation,
    expiration: Math.floor(now() / 1000) + KEY_TTL_SECONDS,
  });

  /** What the record keeps, for this body (a different one is refused). */
  const replay = async (): Promise<StoredResponse> => {
    const { Item } = await doc.send(new GetCommand({ TableName: table(), Key: { id }, ConsistentRead: true }));
    if (!Item) throw new Error('The idempotency record met by a transaction is gone');
    if (Item.validation !== validation) throw reused();
    return JSON.parse(Item.data as string) as StoredResponse;
  };

  // A record past its expiration is gone, even while DynamoDB's TTL has not deleted it yet.
  const isNew = () => ({
    ConditionExpression: 'attribute_not_exists(id) OR expiration < :now',
    ExpressionAttributeValues: { ':now': Math.floor(now() / 1000) },
  });

  const claim: IdempotencyClaim = {
    record(reply, status) {
      pending = { statusCode: status, body: JSON.stringify(reply) };
      return { Put: { TableName: table(), Item: item(pending), ...isNew() } };
    },
    kept() {
      keptResponse = pending;
    },
    used() {
      throw new KeyAlreadyUsed();
    },
  };

  return {
    claim,
    /**
     * Runs the route with the claim; answers its response, or the kept one when the key was used
     * (`beforeReplay` first: it may refuse the caller instead).
     */
    async run(
      route: (claim: IdempotencyClaim) => Promise<StoredResponse>,
      { beforeReplay }: { beforeReplay?: () => Promise<void> } = {},
    ): Promise<StoredResponse> {
      const replayed = async () => {
        await beforeReplay?.();
        return replay();
      };
      let response: StoredResponse;
      try {
        response = await route(claim);
      } catch (error) {
        if (error instanceof KeyAlreadyUsed) return replayed();
        throw error;
      }
      // The transaction kept the answer: that is the answer, now and on every replay.
      if (keptResponse) return keptResponse;
      // No transaction kept it (a refusal, an answer from what exists): keep it now, unless a record is there.
      try {
        await doc.send(new PutCommand({ TableName: table(), Item: item(response), ...isNew() }));
        return response;
      } catch (error) {
        if (isConditionFailure(error)) return replayed();
        throw error;
      }
    },
  };
};
