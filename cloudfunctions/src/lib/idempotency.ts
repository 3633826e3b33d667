/**
 * `Idempotency-Key` for writes that move points or seats (docs/API.md), on Powertools' idempotency
 * utility: the first response is stored in the idempotency table and replayed for the same key
 * from the same user on the same route; a different body under that key is a 409.
 * Domain errors (4xx) are responses too and are replayed; a crash deletes the record so a retry runs again.
 */
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { IdempotencyAlreadyInProgressError, IdempotencyValidationError } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { ErrorCode } from '@hele/shared';
import type { Context } from 'aws-lambda';
import { dynamo } from './db';
import { ConflictError } from './errors';
import { tableName } from './tables';

export interface StoredResponse {
  statusCode: number;
  body: string;
  headers?: Record<string, string>;
  /** The body is a file's bytes in base64 (a Word document…). */
  isBase64Encoded?: boolean;
}

/** What identifies one logical write: who, where, which key; and the body that must match. */
export interface IdempotentCall {
  scope: string;
  key: string;
  body: unknown;
}

/** A retried call that finds the first one still running waits this long for its answer. */
const IN_PROGRESS_WAIT_MS = 5_000;
const IN_PROGRESS_POLL_MS = 40;
/** Keys are remembered a day, long enough for any client retry. */
const KEY_TTL_SECONDS = 24 * 60 * 60;

let idempotentRunner: ((call: IdempotentCall, run: () => Promise<StoredResponse>) => Promise<StoredResponse>) | undefined;
let config: IdempotencyConfig | undefined;

const runner = () => {
  if (!idempotentRunner) {
    config = new IdempotencyConfig({
      eventKeyJmesPath: '[scope, key]',
      payloadValidationJmesPath: 'body',
      expiresAfterSeconds: KEY_TTL_SECONDS,
      throwOnNoIdempotencyKey: true,
    });
    const persistenceStore = new DynamoDBPersistenceLayer({
      tableName: tableName('IDEMPOTENCY_TABLE'),
      awsSdkV3Client: dynamo,
    });
    idempotentRunner = makeIdempotent((_call: IdempotentCall, run: () => Promise<StoredResponse>) => run(), {
      persistenceStore,
      config,
      keyPrefix: 'hele',
    });
  }
  return idempotentRunner;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const runIdempotent = async (
  call: IdempotentCall,
  context: Context | undefined,
  run: () => Promise<StoredResponse>,
): Promise<StoredResponse> => {
  const execute = runner();
  if (context) config?.registerLambdaContext(context);
  const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
  for (;;) {
    try {
      return await execute(call, run);
    } catch (error) {
      if (error instanceof IdempotencyValidationError) {
        throw new ConflictError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used with a different request', [
          { path: 'Idempotency-Key', message: '该请求标识已用于不同的内容' },
        ]);
      }
      if (error instanceof IdempotencyAlreadyInProgressError) {
        if (Date.now() < deadline) {
          await sleep(IN_PROGRESS_POLL_MS);
          continue;
        }
        throw new ConflictError(ErrorCode.IDEMPOTENCY_IN_PROGRESS, 'The first request with this Idempotency-Key is still running');
      }
      throw error;
    }
  }
};
