/**
 * Retries with capped exponential backoff and full jitter, for the writes DynamoDB may refuse
 * under contention (TransactionConflict, a condition that lost a race). Callers say what is retryable.
 */
import { ConflictError } from './errors';

export interface RetryOptions {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 40, baseMs: 5, maxMs: 200 };

/** What a caller hears when every attempt lost its race: try again in a moment (never a 500). */
export const busy = () => new ConflictError('BUSY', 'Busy right now, try again in a moment');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it returns a value; `undefined` means "lost a race, try again". When the
 * attempts run out it throws `exhausted()` (by default 409 BUSY).
 */
export const retrying = async <T>(
  attempt: (n: number) => Promise<T | undefined>,
  options: RetryOptions = DEFAULT_RETRY,
  exhausted: () => Error = busy,
): Promise<T> => {
  for (let n = 0; n < options.attempts; n++) {
    if (n > 0) await sleep(Math.random() * Math.min(options.maxMs, options.baseMs * 2 ** Math.min(n, 10)));
    const result = await attempt(n);
    if (result !== undefined) return result;
  }
  throw exhausted();
};

/** Runs one named transaction until it does not lose a race; answers 'ok' or the condition that stopped it. */
export const settled = <Outcome extends string>(
  write: () => Promise<Outcome>,
  options: RetryOptions = DEFAULT_RETRY,
): Promise<Exclude<Outcome, 'conflict'>> =>
  retrying(async () => {
    const outcome = await write();
    return outcome === 'conflict' ? undefined : (outcome as Exclude<Outcome, 'conflict'>);
  }, options);
