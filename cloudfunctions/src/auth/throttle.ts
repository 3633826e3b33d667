/**
 * Sign-in attempts the function takes (docs/promises.md): so many per source address and so many per
 * code in a window, counted in the rate-limits table before WeChat is asked; the rest answer 429 with
 * `Retry-After`. API Gateway's own limit on the route (serverless/throttling.yml) comes first.
 */
import { createHash } from 'node:crypto';
import { env, LOCAL_STAGE } from '../lib/config';
import { TooManyRequestsError } from '../lib/errors';
import { takeAttempt, type Limit } from '../lib/rate-limit';

export interface LoginLimits {
  perAddress: Limit;
  perCode: Limit;
}

export const loginLimits = (): LoginLimits => {
  const { LOGIN_WINDOW_SECONDS, LOGIN_ATTEMPTS_PER_ADDRESS, LOGIN_ATTEMPTS_PER_CODE } = env();
  return {
    perAddress: { max: LOGIN_ATTEMPTS_PER_ADDRESS, windowSeconds: LOGIN_WINDOW_SECONDS },
    perCode: { max: LOGIN_ATTEMPTS_PER_CODE, windowSeconds: LOGIN_WINDOW_SECONDS },
  };
};

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Counts one attempt against the address, then against the code (kept as a digest: a WeChat code is
 * a credential while it lasts). On the local stage the loopback callers of `npm start`, its browser
 * tests and the tests' in-process gateway (no address) sign in as the same dev names all day: not counted.
 */
export const throttleLogin = async (code: string, sourceIp: string | undefined, limits = loginLimits(), now = new Date()) => {
  if (env().STAGE === LOCAL_STAGE && (!sourceIp || LOOPBACK.test(sourceIp))) return;
  const digest = createHash('sha256').update(code).digest('base64url').slice(0, 22);
  const counted: Array<[string, Limit]> = [[`login#code#${digest}`, limits.perCode]];
  if (sourceIp) counted.unshift([`login#ip#${sourceIp}`, limits.perAddress]);
  for (const [key, limit] of counted) {
    const retryAfter = await takeAttempt(key, limit, now);
    if (retryAfter !== undefined) throw new TooManyRequestsError('Too many sign-in attempts, try again shortly', retryAfter);
  }
};
