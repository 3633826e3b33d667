/**
 * Role × route: every route of serverless.yml, called by every kind of caller. A caller the route
 * does not allow gets 401 (no token) or 403 (wrong role); one it allows gets past the guard.
 */
import type { HttpRoute } from '../../scripts/local/serverless-config';
import { ROUTE_ACCESS, CALLERS, type Caller } from './access';
import { call, signIn } from './gateway';

const routes: HttpRoute[] = JSON.parse(process.env.HELE_TEST_ROUTES ?? '[]');

const expected = (allowed: (typeof ROUTE_ACCESS)[string]['allowed'], caller: Caller): 'pass' | 401 | 403 => {
  if (allowed === 'public') return 'pass';
  if (caller === 'none') return 401;
  if (allowed === 'user' || caller === 'admin' || allowed.includes(caller)) return 'pass';
  return 403;
};

describe('role × route', () => {
  const tokens = new Map<Caller, string | undefined>();
  beforeAll(async () => {
    tokens.set('none', undefined);
    for (const caller of CALLERS.filter((c) => c !== 'none')) tokens.set(caller, (await signIn(caller)).token);
  });

  it('has an access rule for every route in serverless.yml', () => {
    expect(routes.map((route) => route.routeKey).sort()).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  const cases = Object.entries(ROUTE_ACCESS).flatMap(([routeKey, access]) =>
    CALLERS.map((caller) => [routeKey, caller, expected(access.allowed, caller)] as const),
  );

  it.each(cases)('%s as %s → %s', async (routeKey, caller, outcome) => {
    const access = ROUTE_ACCESS[routeKey]!;
    const method = routeKey.split(' ')[0]!;
    const reply = await call(method, access.path, { token: tokens.get(caller), body: access.body?.() });
    if (outcome === 'pass') {
      expect([401, 403]).not.toContain(reply.status);
      expect(reply.status).toBeLessThan(500);
    } else {
      expect(reply.status).toBe(outcome);
      expect(reply.body.error.code).toBe(outcome === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });
});
