/**
 * Every list of the contract (a route whose query takes `cursor`) answers a cursor it did not give out
 * (made up, of another list, tampered with, or too long) with a 400 naming `cursor`, never a 500.
 */
import { contract, routeKey, type RouteDeclaration } from '@hele/shared/contract';
import * as z from 'zod';
import { ROUTE_SAMPLES } from './access';
import { createActivity } from './fixtures';
import { call, signIn } from './gateway';

const lists = Object.values(contract)
  .flatMap((group) => Object.values(group) as RouteDeclaration[])
  .filter((route) => route.method === 'GET' && route.query instanceof z.ZodObject && 'cursor' in route.query.shape);

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('list cursors', () => {
  let admin: string;
  let activityId: string;
  let postId: string;
  let foreign: string;

  beforeAll(async () => {
    admin = (await signIn('admin')).token;
    const coordinator = (await signIn('coordinator')).token;
    activityId = (await createActivity({ publish: true })).id;
    await createActivity({ publish: true });
    postId = (await call('POST', `/activities/${activityId}/posts`, { token: coordinator, body: { text: '会议开始' } })).body.post.id;
    // Its feed made public, so that the public page's list reads its cursor (a feed not public is a 404 first).
    await call('PUT', `/activities/${activityId}/public-feed`, { token: coordinator, body: { public: true } });
    // A real cursor, of the activities list.
    foreign = (await call('GET', '/activities?limit=1', { token: admin })).body.nextCursor;
  });

  it('covers every list of the contract', () => {
    expect(lists.length).toBeGreaterThanOrEqual(20);
    expect(foreign).toEqual(expect.any(String));
  });

  /** The route's sample request, with real ids where a list needs its parent to exist. */
  const pathOf = (route: RouteDeclaration) => {
    const sample = ROUTE_SAMPLES[routeKey(route)]!.path;
    if (!route.path.startsWith('/activities/{id}') && !route.path.startsWith('/public/activities/{id}')) return sample;
    return route.path.replace('{id}', activityId).replace('{postId}', postId);
  };

  const attempts = {
    'made up': encode({ k: { foo: 'bar' } }),
    'not base64 JSON': 'not-a-cursor!!',
    'a bound shape with a made-up key': encode({ k: { id: 'x' }, s: 'AAAAAAAAAAAA' }),
    'too long': 'a'.repeat(2000),
  };

  it.each(lists.flatMap((route) => Object.entries(attempts).map(([what, cursor]) => [routeKey(route), what, cursor, route] as const)))(
    '%s refuses a cursor that is %s',
    async (_key, _what, cursor, route) => {
      const path = pathOf(route);
      const reply = await call('GET', `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`, { token: admin });
      expect([reply.status, reply.body.error?.details?.[0]?.path]).toEqual([400, 'cursor']);
    },
  );

  it.each(lists.filter((route) => route.path !== '/activities').map((route) => [routeKey(route), route] as const))(
    '%s refuses a cursor of another list',
    async (_key, route) => {
      const path = pathOf(route);
      const reply = await call('GET', `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(foreign)}`, { token: admin });
      expect([reply.status, reply.body.error?.details?.[0]?.path]).toEqual([400, 'cursor']);
    },
  );

  it('refuses its own cursor with the key changed, and follows it untouched', async () => {
    const decoded = JSON.parse(Buffer.from(foreign, 'base64url').toString()) as { k: Record<string, unknown>; s: string };
    const tampered = encode({ ...decoded, k: { ...decoded.k, listKey: 'draft', startsAt: 'x', id: 'y', extra: 1 } });
    const refused = await call('GET', `/activities?limit=1&cursor=${encodeURIComponent(tampered)}`, { token: admin });
    expect([refused.status, refused.body.error.details[0].path]).toEqual([400, 'cursor']);
    const next = await call('GET', `/activities?limit=1&cursor=${encodeURIComponent(foreign)}`, { token: admin });
    expect(next.status).toBe(200);
  });
});
