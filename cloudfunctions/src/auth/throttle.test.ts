import { randomInt } from 'node:crypto';
import { call, uniqueName, type Reply } from '../../test/gateway';
import { env } from '../lib/config';

/** An address of the documentation range, new for each call. */
const address = () => `2001:db8::${randomInt(1, 0xffff).toString(16)}:${randomInt(1, 0xffff).toString(16)}`;

/** `count` sign-ins, 50 at a time, as `attempt(i)` says. */
const signIns = async (count: number, attempt: (i: number) => { code: string; sourceIp: string }) => {
  const replies: Reply[] = [];
  for (let i = 0; i < count; i += 50) {
    replies.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, count - i) }, (_, j) => {
          const { code, sourceIp } = attempt(i + j);
          return call('POST', '/auth/login', { body: { code }, sourceIp });
        }),
      )),
    );
  }
  return replies;
};

const expectRefusals = (refused: Reply[]) => {
  for (const reply of refused) {
    expect(reply.body).toEqual({ error: { code: 'TOO_MANY_REQUESTS', message: expect.any(String) } });
    const retryAfter = Number(reply.headers['retry-after']);
    expect(retryAfter >= 1 && retryAfter <= env().LOGIN_WINDOW_SECONDS).toBe(true);
  }
};

describe('sign-in throttling', () => {
  it('answers most of 300 sign-ins from one address in a few seconds with 429 and Retry-After', async () => {
    const sourceIp = address();
    const replies = await signIns(300, () => ({ code: `dev:${uniqueName('flood')}`, sourceIp }));
    const passed = replies.filter((reply) => reply.status === 200);
    const refused = replies.filter((reply) => reply.status === 429);
    expect(passed.length + refused.length).toBe(300);
    // Fixed windows: a burst that straddles a window's end gets at most two windows' worth through.
    expect(passed.length).toBeGreaterThanOrEqual(env().LOGIN_ATTEMPTS_PER_ADDRESS);
    expect(passed.length).toBeLessThanOrEqual(2 * env().LOGIN_ATTEMPTS_PER_ADDRESS);
    expectRefusals(refused);
    // Another address is not held back.
    expect((await call('POST', '/auth/login', { body: { code: 'dev:member' }, sourceIp: address() })).status).toBe(200);
  });

  it('takes only a few attempts with one code, from however many addresses', async () => {
    const code = `dev:${uniqueName('replayed')}`;
    const replies = await signIns(30, (i) => ({ code, sourceIp: `203.0.113.${i + 1}` }));
    const passed = replies.filter((reply) => reply.status === 200).length;
    expect(passed).toBeGreaterThanOrEqual(env().LOGIN_ATTEMPTS_PER_CODE);
    expect(passed).toBeLessThanOrEqual(2 * env().LOGIN_ATTEMPTS_PER_CODE);
    expectRefusals(replies.filter((reply) => reply.status !== 200));
  });

  it('counts no loopback caller on the local stage (npm start and its browser tests)', async () => {
    const replies = await signIns(2 * env().LOGIN_ATTEMPTS_PER_ADDRESS, () => ({ code: 'dev:member', sourceIp: '127.0.0.1' }));
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
  });
});
