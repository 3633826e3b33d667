/**
 * Role × route: every route of the contract, called by every kind of caller. A caller the route's
 * access rule does not admit gets 401 (no token) or 403 (wrong role); one it admits gets past the
 * guard. The routes of serverless.yml are the contract's, function by function.
 */
import { DEV_USERS, type Role } from '@hele/shared';
import { contract, routeKey, type Access } from '@hele/shared/contract';
import type { HttpRoute } from '../../scripts/local/serverless-config';
import { CALLERS, ROUTE_SAMPLES, type Caller } from './access';
import { call, signIn } from './gateway';

const routes: HttpRoute[] = JSON.parse(process.env.HELE_TEST_ROUTES ?? '[]');
const declarations = new Map(
  Object.values(contract).flatMap((group) => Object.values(group).map((declaration) => [routeKey(declaration), declaration])),
);

const rolesOf = (caller: Caller): readonly Role[] => DEV_USERS.find((user) => user.name === caller)?.roles ?? [];

const expected = (access: Access, caller: Caller, refused: Caller[] = []): 'pass' | 401 | 403 => {
  if (access === 'public') return 'pass';
  if (caller === 'none') return 401;
  const admitted = access === 'user' || caller === 'admin' || rolesOf(caller).some((role) => access.includes(role));
  return admitted && !refused.includes(caller) ? 'pass' : 403;
};

describe('the contract and serverless.yml', () => {
  it('route each function exactly as the contract groups them', () => {
    const served = (fn: string) =>
      routes
        .filter((route) => route.functionName === fn)
        .map((route) => route.routeKey)
        .sort();
    for (const [fn, group] of Object.entries(contract)) {
      expect({ fn, routes: served(fn) }).toEqual({ fn, routes: Object.values(group).map(routeKey).sort() });
    }
    expect(routes.map((route) => route.routeKey).sort()).toEqual([...declarations.keys()].sort());
  });

  it('have a sample request for every route', () => {
    expect(Object.keys(ROUTE_SAMPLES).sort()).toEqual([...declarations.keys()].sort());
  });
});

describe('role × route', () => {
  const tokens = new Map<Caller, string | undefined>();
  beforeAll(async () => {
    tokens.set('none', undefined);
    for (const caller of CALLERS.filter((c) => c !== 'none')) tokens.set(caller, (await signIn(caller)).token);
  });

  const cases = Object.entries(ROUTE_SAMPLES).flatMap(([key, sample]) =>
    CALLERS.map((caller) => [key, caller, expected(declarations.get(key)!.access, caller, sample.refused)] as const),
  );

  it.each(cases)('%s as %s → %s', async (key, caller, outcome) => {
    const sample = ROUTE_SAMPLES[key]!;
    const method = key.split(' ')[0]!;
    const reply = await call(method, sample.path, { token: tokens.get(caller), body: sample.body?.() });
    if (outcome === 'pass') {
      expect([401, 403]).not.toContain(reply.status);
      expect(reply.status).toBeLessThan(500);
    } else {
      expect(reply.status).toBe(outcome);
      const refusedBy = sample.refused?.includes(caller) ? sample.refusedCode : undefined;
      expect(reply.body.error.code).toBe(outcome === 401 ? 'UNAUTHENTICATED' : (refusedBy ?? 'FORBIDDEN'));
    }
  });
});
