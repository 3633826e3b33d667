import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { call, signIn } from '../../test/gateway';
import { allRegistrations, cancelAndCheckPromotions, createActivity, futureTimes, newMembers } from '../../test/fixtures';
import { doc, type DocClient } from '../lib/db';
import { tableName } from '../lib/tables';
import { createRegistrationEngine } from '../domain/activities/registration-engine';
import { createActivityRepository } from '../domain/activities/repository';

const register = (activityId: string, token: string, headers?: Record<string, string>) =>
  call('POST', `/activities/${activityId}/registrations`, { token, headers });
const cancelMine = (activityId: string, token: string) => call('DELETE', `/activities/${activityId}/registrations/me`, { token });
const getActivity = async (activityId: string, token: string) => (await call('GET', `/activities/${activityId}`, { token })).body.activity;
/** A one-seat activity that `count` members registered for in turn (the first holds the seat), and a coordinator's token. */
const oneSeatAndQueue = async (count: number) => {
  const activity = await createActivity({ capacity: 1 });
  const users = await newMembers(count);
  for (const user of users) await register(activity.id, user.token);
  const { token } = await signIn('coordinator');
  return { activity, users, token };
};

describe('registration engine', () => {
  it('confirms up to capacity, then waitlists in order, and never twice for one user', async () => {
    const activity = await createActivity({ capacity: 2 });
    const [a, b, c] = await newMembers(3);
    expect((await register(activity.id, a!.token)).body.registration).toMatchObject({ status: 'confirmed', userId: a!.userId });
    const again = await register(activity.id, a!.token);
    expect(again.status).toBe(200);
    expect((await register(activity.id, b!.token)).status).toBe(201);
    const waiting = await register(activity.id, c!.token);
    expect(waiting.status).toBe(201);
    // A new place is answered without its position (one transaction however long the queue); reads show it.
    expect(waiting.body.registration).toMatchObject({ status: 'waitlisted' });
    expect(waiting.body.registration.position).toBeUndefined();

    const seen = await getActivity(activity.id, c!.token);
    expect(seen).toMatchObject({ capacity: 2, confirmedCount: 2, waitlistCount: 1, seatsLeft: 0 });
    expect(seen.myRegistration).toMatchObject({ status: 'waitlisted', position: 1 });
  });

  it('promotes the earliest waitlisted in the same step that frees a seat', async () => {
    const activity = await createActivity({ capacity: 1 });
    const [a, b, c] = await newMembers(3);
    for (const user of [a, b, c]) await register(activity.id, user!.token);
    const cancelled = await cancelMine(activity.id, a!.token);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.registration).toMatchObject({ status: 'cancelled', userId: a!.userId });
    expect((await getActivity(activity.id, b!.token)).myRegistration).toMatchObject({ status: 'confirmed' });
    expect((await getActivity(activity.id, c!.token)).myRegistration).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await getActivity(activity.id, c!.token)).toMatchObject({ confirmedCount: 1, waitlistCount: 1 });

    // Leaving the waitlist frees nothing and promotes nobody.
    expect((await cancelMine(activity.id, c!.token)).body.registration.status).toBe('cancelled');
    expect(await getActivity(activity.id, c!.token)).toMatchObject({ confirmedCount: 1, waitlistCount: 0 });
    // A cancelled registration can be made again.
    expect((await register(activity.id, a!.token)).body.registration).toMatchObject({ status: 'waitlisted' });
    expect((await getActivity(activity.id, a!.token)).myRegistration).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await cancelMine(activity.id, c!.token)).status).toBe(404);
  });

  it('takes 500 concurrent registrations for 50 seats: exactly 50 confirmed, 450 waitlisted at 1..450; 20 cancellations promote the 20 earliest', async () => {
    const activity = await createActivity({ capacity: 50 });
    const users = await newMembers(500, 'burst');
    const replies = await Promise.all(users.map((user) => register(activity.id, user.token)));
    expect(replies.every((reply) => reply.status === 201)).toBe(true);

    const confirmed = await allRegistrations(activity.id, 'confirmed');
    const waitlisted = (await allRegistrations(activity.id, 'waitlisted')).sort((x, y) => x.position - y.position);
    expect(confirmed).toHaveLength(50);
    expect(waitlisted.map((registration) => registration.position)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(await getActivity(activity.id, users[0]!.token)).toMatchObject({ confirmedCount: 50, waitlistCount: 450 });

    await cancelAndCheckPromotions(activity.id, users, { confirmed, waitlisted }, 20);
  });

  it('makes one registration of 20 concurrent requests with one Idempotency-Key, and replays the first answer', async () => {
    const activity = await createActivity({ capacity: 5 });
    const [user] = await newMembers(1);
    const replies = await Promise.all(Array.from({ length: 20 }, () => register(activity.id, user!.token, { 'Idempotency-Key': 'tap-1' })));
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(201));
    expect(new Set(replies.map((reply) => reply.body.registration.id)).size).toBe(1);
    expect(await allRegistrations(activity.id)).toHaveLength(1);

    const reused = await call('POST', `/activities/${activity.id}/registrations`, {
      token: user!.token,
      headers: { 'Idempotency-Key': 'tap-1' },
      body: { note: 'another request' },
    });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const tooLong = await register(activity.id, user!.token, { 'Idempotency-Key': 'k'.repeat(129) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].path).toBe('Idempotency-Key');
  });

  it('keeps the key in the seat’s own transaction: a retry after cancelling answers the first reply and registers nothing', async () => {
    const activity = await createActivity({ capacity: 1 });
    const [seated, waiting] = await newMembers(2);
    const seat = await register(activity.id, seated!.token, { 'Idempotency-Key': 'tap-seat' });
    const place = await register(activity.id, waiting!.token, { 'Idempotency-Key': 'tap-wait' });
    expect([seat.status, seat.body.registration.status]).toEqual([201, 'confirmed']);
    expect([place.status, place.body.registration]).toEqual([201, expect.objectContaining({ status: 'waitlisted' })]);

    // Both give their place back; the same taps again are the same requests: their first answers, nothing written.
    expect((await cancelMine(activity.id, waiting!.token)).status).toBe(200);
    expect((await cancelMine(activity.id, seated!.token)).status).toBe(200);
    const seatAgain = await register(activity.id, seated!.token, { 'Idempotency-Key': 'tap-seat' });
    const placeAgain = await register(activity.id, waiting!.token, { 'Idempotency-Key': 'tap-wait' });
    expect([seatAgain.status, seatAgain.body]).toEqual([201, seat.body]);
    expect([placeAgain.status, placeAgain.body]).toEqual([201, place.body]);
    expect((await allRegistrations(activity.id)).map((registration) => registration.status)).toEqual(['cancelled', 'cancelled']);
    expect(await getActivity(activity.id, seated!.token)).toMatchObject({ confirmedCount: 0, waitlistCount: 0 });

    // A refusal is kept too: the same tap on a closed window stays refused once the window opens.
    const later = await createActivity({ registrationOpensAt: new Date(Date.now() + 3_600_000).toISOString() });
    const early = await register(later.id, seated!.token, { 'Idempotency-Key': 'tap-early' });
    expect([early.status, early.body.error.code]).toEqual([409, 'REGISTRATION_NOT_OPEN']);
    expect(await register(later.id, seated!.token, { 'Idempotency-Key': 'tap-early' })).toMatchObject({ status: 409, body: early.body });
    // A new tap is a new request.
    expect((await register(activity.id, seated!.token, { 'Idempotency-Key': 'tap-seat-2' })).status).toBe(201);
  });

  it('enforces the registration window and the cancellation deadline on the server', async () => {
    const [user] = await newMembers(1);
    const notYet = await createActivity({ registrationOpensAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await register(notYet.id, user!.token)).body.error.code).toBe('REGISTRATION_NOT_OPEN');

    const past = new Date(Date.now() - 60_000).toISOString();
    const closed = await createActivity({
      registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
      registrationClosesAt: past,
    });
    const reply = await register(closed.id, user!.token);
    expect([reply.status, reply.body.error.code]).toEqual([409, 'REGISTRATION_CLOSED']);

    const deadlinePassed = await createActivity({ cancellationDeadline: new Date(Date.now() + 1000).toISOString() });
    expect((await register(deadlinePassed.id, user!.token)).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const late = await cancelMine(deadlinePassed.id, user!.token);
    expect([late.status, late.body.error.code]).toEqual([409, 'CANCELLATION_CLOSED']);
  });

  it('hands seats to the waitlist when capacity is raised, and refuses a capacity below the confirmed', async () => {
    const { activity, users, token } = await oneSeatAndQueue(4);
    const lower = await call('PATCH', `/activities/${activity.id}`, { token, body: { capacity: 0 } });
    expect(lower.status).toBe(400);
    const raised = await call('PATCH', `/activities/${activity.id}`, { token, body: { capacity: 3 } });
    expect(raised.body.activity).toMatchObject({ capacity: 3, confirmedCount: 3, waitlistCount: 1 });
    expect((await getActivity(activity.id, users[1]!.token)).myRegistration.status).toBe('confirmed');
    expect((await getActivity(activity.id, users[3]!.token)).myRegistration).toMatchObject({ status: 'waitlisted', position: 1 });
    const below = await call('PATCH', `/activities/${activity.id}`, { token, body: { capacity: 2 } });
    expect([below.status, below.body.error.code]).toEqual([409, 'CAPACITY_BELOW_CONFIRMED']);
  });

  it('releases everything when the activity is cancelled', async () => {
    const { activity, users, token } = await oneSeatAndQueue(3);
    const reply = await call('POST', `/activities/${activity.id}/cancel`, { token });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ activity: { status: 'cancelled', confirmedCount: 0, waitlistCount: 0 }, cancelledRegistrations: 3 });
    expect((await allRegistrations(activity.id)).every((registration) => registration.status === 'cancelled')).toBe(true);
    const late = await register(activity.id, users[0]!.token);
    expect([late.status, late.body.error.code]).toEqual([409, 'ACTIVITY_CANCELLED']);
  });
});

describe('registration engine: a read of the last second decides, its version is checked', () => {
  /** The real client, counting its reads of activity items. */
  const countingGets = (): DocClient & { gets: number } => {
    const client = {
      gets: 0,
      send: (async (command: unknown) => {
        if (command instanceof GetCommand && command.input.TableName === tableName('ACTIVITIES_TABLE')) client.gets++;
        return doc.send(command as never);
      }) as DocClient['send'],
    };
    return client;
  };
  const member = (user: { userId: string; name: string }) => ({ id: user.userId, nickname: user.name, roles: ['member' as const] });

  it('shares one read of the activity between registrations, and refuses on an edit made after it (REGISTRATION_NOT_OPEN)', async () => {
    const activity = await createActivity({ capacity: 3 });
    const [a, b, c] = await newMembers(3);
    const client = countingGets();
    const engine = createRegistrationEngine({ repository: createActivityRepository(client), activityReadMs: 60_000 });
    expect((await engine.register(activity.id, member(a!))).registration.status).toBe('confirmed');
    expect((await engine.register(activity.id, member(b!))).registration.status).toBe('confirmed');
    expect(client.gets).toBe(1);

    // Another container closes the window for now: the read this one holds is out of date.
    const { token } = await signIn('coordinator');
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call('PATCH', `/activities/${activity.id}`, { token, body: { registrationOpensAt: later } })).status).toBe(200);
    await expect(engine.register(activity.id, member(c!))).rejects.toMatchObject({ statusCode: 409, code: 'REGISTRATION_NOT_OPEN' });
    expect(await allRegistrations(activity.id)).toHaveLength(2);
    expect(await getActivity(activity.id, a!.token)).toMatchObject({ confirmedCount: 2, waitlistCount: 0 });
  });

  it('refuses on a read of the last second; an edit that lets the caller in reaches them within that second', async () => {
    const activity = await createActivity({ registrationOpensAt: new Date(Date.now() + 3_600_000).toISOString() });
    const [a] = await newMembers(1);
    // The engine's clock stands still but for `later`, so "within the second" holds however slow the machine.
    const start = Date.now();
    let later = 0;
    const engine = createRegistrationEngine({ repository: createActivityRepository(), now: () => new Date(start + later) });
    await expect(engine.register(activity.id, member(a!))).rejects.toMatchObject({ code: 'REGISTRATION_NOT_OPEN' });
    const { token } = await signIn('coordinator');
    const opened = new Date(start - 60_000).toISOString();
    expect((await call('PATCH', `/activities/${activity.id}`, { token, body: { registrationOpensAt: opened } })).status).toBe(200);
    // Within the second of the read, the refusal stands; a second on, the window is open.
    await expect(engine.register(activity.id, member(a!))).rejects.toMatchObject({ code: 'REGISTRATION_NOT_OPEN' });
    later = 1000;
    expect((await engine.register(activity.id, member(a!))).registration.status).toBe('confirmed');
  });
});

describe('registration engine under TransactionConflict (which DynamoDB Local never returns)', () => {
  /** Real DynamoDB cancels a transaction that collides with another on the same item. */
  const conflicting = (failures: number): DocClient & { conflicts: number } => {
    const client = {
      conflicts: 0,
      send: (async (command: unknown) => {
        if (command instanceof TransactWriteCommand && client.conflicts < failures) {
          client.conflicts++;
          const items = command.input.TransactItems ?? [];
          throw new TransactionCanceledException({
            message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
            $metadata: {},
            CancellationReasons: items.map((_, i) => ({ Code: i === 0 ? 'TransactionConflict' : 'None' })),
          });
        }
        return doc.send(command as never);
      }) as DocClient['send'],
    };
    return client;
  };
  const fastRetry = { attempts: 8, baseMs: 1, maxMs: 5 };

  it('retries and registers exactly once', async () => {
    const activity = await createActivity({ capacity: 3 });
    const [user] = await newMembers(1);
    const client = conflicting(3);
    const engine = createRegistrationEngine({ repository: createActivityRepository(client), retry: fastRetry });
    const { registration, created } = await engine.register(activity.id, { id: user!.userId, nickname: user!.name, roles: ['member'] });
    expect(client.conflicts).toBe(3);
    expect([registration.status, created]).toEqual(['confirmed', true]);
    expect(await allRegistrations(activity.id)).toHaveLength(1);
  });

  it('gives up with 409 BUSY and writes nothing when the conflicts do not stop', async () => {
    const activity = await createActivity({ capacity: 3 });
    const [user] = await newMembers(1);
    const engine = createRegistrationEngine({ repository: createActivityRepository(conflicting(1_000)), retry: fastRetry });
    await expect(engine.register(activity.id, { id: user!.userId, nickname: user!.name, roles: ['member'] })).rejects.toMatchObject({
      statusCode: 409,
      code: 'BUSY',
    });
    expect(await allRegistrations(activity.id)).toHaveLength(0);
    expect((await getActivity(activity.id, user!.token)).confirmedCount).toBe(0);
  });
});

describe('activities: bad input gets a 4xx naming the field and writes nothing', () => {
  const countActivities = async (token: string) => {
    const reply = await call('GET', `/activities?status=draft&limit=100&from=2000-01-01T00:00:00Z`, { token });
    return reply.body.items.length as number;
  };

  it.each([
    ['no title', { title: '' }, 'title'],
    ['capacity 0', { capacity: 0 }, 'capacity'],
    ['a negative capacity', { capacity: -1 }, 'capacity'],
    ['a fractional capacity', { capacity: 1.5 }, 'capacity'],
    ['capacity as text', { capacity: 'ten' }, 'capacity'],
    ['an unknown kind', { kind: 'party' }, 'kind'],
    ['a date without offset', { startsAt: '2026-12-01 10:00' }, 'startsAt'],
    ['an end before the start', { ...futureTimes(48), endsAt: new Date(Date.now()).toISOString() }, 'endsAt'],
    ['a field the API does not know', { secret: true }, ''],
    ['a 61-character title', { title: '会'.repeat(61) }, 'title'],
  ])('POST /activities with %s → 400', async (_, overrides, field) => {
    const { token } = await signIn('coordinator');
    const before = await countActivities(token);
    const { activityInput } = await import('../../test/fixtures');
    const reply = await call('POST', '/activities', { token, body: { ...activityInput({ publish: false }), ...overrides } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    if (field) expect(reply.body.error.details.map((detail: { path: string }) => detail.path)).toContain(field);
    expect(await countActivities(token)).toBe(before);
  });

  it('answers 400 for a malformed id, 404 for an unknown one, 400 for a bad list query', async () => {
    const { token } = await signIn('member');
    expect((await call('GET', '/activities/not%20an%20id', { token })).body.error.details[0].path).toBe('id');
    expect((await call('GET', '/activities/01NOPE', { token })).status).toBe(404);
    expect((await call('POST', '/activities/01NOPE/registrations', { token })).status).toBe(404);
    const badQuery = await call('GET', '/activities?limit=1000&kind=party', { token });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['kind', 'limit']);
    expect((await call('GET', '/activities?cursor=garbage', { token })).body.error.details[0].path).toBe('cursor');
  });
});
