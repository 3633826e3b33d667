/**
 * Retries with capped exponential backoff and full jitter, for the writes DynamoDB may refuse
 * under contention (TransactionConflict, a condition that lost a race). Callers say what is retryable.
 */
export interface RetryOptions {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 40, baseMs: 5, maxMs: 200 };

export class RetriesExhaustedError extends Error {
  constructor(readonly attempts: number, options?: ErrorOptions) {
    super(`gave up after ${attempts} attempts`, options);
    this.name = 'RetriesExhaustedError';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it returns a value; `undefined` means "lost a race, try again". When the
 * attempts run out it throws `exhausted()` (by default a RetriesExhaustedError).
 */
export const retrying = async <T>(
  attempt: (n: number) => Promise<T | undefined>,
  options: RetryOptions = DEFAULT_RETRY,
  exhausted: () => Error = () => new RetriesExhaustedError(options.attempts),
): Promise<T> => {
  for (let n = 0; n < options.attempts; n++) {
    if (n > 0) await sleep(Math.random() * Math.min(options.maxMs, options.baseMs * 2 ** Math.min(n, 10)));
    const result = await attempt(n);
    if (result !== undefined) return result;
  }
  throw exhausted();
};
