/**
 * 我的报名 and the activity page say where the member really stands: the state computed on the server
 * (registration, leave, check-in, time), what is to come first by start time, then what is over.
 */
import { ulid } from 'ulid';
import { call, signIn, type Reply } from '../../test/gateway';
import { createActivity, newMembers } from '../../test/fixtures';
import { activityRepository } from '../domain/activities/repository';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** An activity `days` from now (negative: over), two hours long. */
const on = (days: number, overrides: Record<string, unknown> = {}) => {
  const start = Date.now() + days * DAY;
  return createActivity({ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString(), ...overrides });
};

/** A seat taken at an activity that is over (registration closed long ago): written as the engine writes it. */
const seatedBefore = async (activityId: string, user: { userId: string; name: string }) => {
  const at = new Date(Date.now() - 10 * DAY).toISOString();
  const outcome = await activityRepository.confirmSeat({
    activityId,
    userId: user.userId,
    id: ulid(),
    nickname: user.name,
    status: 'confirmed',
    registeredAt: at,
    updatedAt: at,
  });
  expect(outcome).toBe('ok');
};

const register = (activityId: string, token: string) => call('POST', `/activities/${activityId}/registrations`, { token });
const askLeave = (activityId: string, token: string) =>
  call('POST', `/activities/${activityId}/leave-requests`, { token, body: { reason: '出差在外地' } });
const decideLeave = async (activityId: string, userId: string, decision: 'approve' | 'refuse') => {
  const { token } = await signIn('coordinator');
  const reply = await call('POST', `/activities/${activityId}/leave-requests/${userId}/decision`, { token, body: { decision } });
  expect(reply.status).toBe(200);
};

const myRegistrations = async (token: string, limit = 100) => {
  const items: Array<{ activity: { id: string }; state: string; position?: number; leave?: string }> = [];
  let cursor: string | null = null;
  do {
    const reply: Reply = await call('GET', `/me/registrations?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(reply.status).toBe(200);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return items;
};

describe('我的报名', () => {
  it('lists what is to come by start time, then what is over (most recent first), each with its real state', async () => {
    const [me, other] = await newMembers(2);
    const later = await on(6);
    const full = await on(2, { capacity: 1 });
    const pending = await on(3);
    const excused = await on(4);
    const refused = await on(5);
    const given = await on(7);
    const called = await on(8);
    const attended = await on(-2);
    const missed = await on(-5);

    await register(full.id, other!.token);
    for (const activity of [later, full, pending, excused, refused, given, called]) {
      expect((await register(activity.id, me!.token)).status).toBe(201);
    }
    for (const activity of [pending, excused, refused]) expect((await askLeave(activity.id, me!.token)).status).toBe(201);
    await decideLeave(excused.id, me!.userId, 'approve');
    await decideLeave(refused.id, me!.userId, 'refuse');
    expect((await call('DELETE', `/activities/${given.id}/registrations/me`, { token: me!.token })).status).toBe(200);
    const { token: coordinator } = await signIn('coordinator');
    expect((await call('POST', `/activities/${called.id}/cancel`, { token: coordinator })).status).toBe(200);
    for (const activity of [attended, missed]) await seatedBefore(activity.id, me!);
    expect(await activityRepository.checkIn(attended.id, me!.userId, new Date(Date.now() - 2 * DAY + HOUR).toISOString(), [])).toBe('ok');

    const lines = await myRegistrations(me!.token);
    expect(lines.map((line) => [line.activity.id, line.state])).toEqual([
      [full.id, 'waitlisted'],
      [pending.id, 'leave_pending'],
      [excused.id, 'on_leave'],
      [refused.id, 'leave_refused'],
      [later.id, 'registered'],
      [given.id, 'cancelled'],
      [called.id, 'cancelled'],
      [attended.id, 'checked_in'],
      [missed.id, 'absent'],
    ]);
    expect(lines[0]).toMatchObject({ position: 1 });
    expect(lines[1]).toMatchObject({ leave: 'pending' });

    // Page by page, the same order; a cursor of another list is refused, naming it.
    expect(await myRegistrations(me!.token, 2)).toEqual(lines);
    const first = await call('GET', '/me/registrations?limit=2', { token: me!.token });
    const foreign = await call('GET', `/activities/${later.id}/registrations?cursor=${first.body.nextCursor}`, { token: coordinator });
    expect([foreign.status, foreign.body.error.details[0].path]).toEqual([400, 'cursor']);
    const forged = Buffer.from(JSON.stringify({ k: { id: 'x' }, s: 'nope' })).toString('base64url');
    const refusedCursor = await call('GET', `/me/registrations?cursor=${forged}`, { token: me!.token });
    expect([refusedCursor.status, refusedCursor.body.error.details[0].path]).toEqual([400, 'cursor']);
  });

  it('shows a leave request on the activity page at once, and its decision', async () => {
    const [me] = await newMembers(1);
    const meeting = await on(3);
    await register(meeting.id, me!.token);
    const page = async () => (await call('GET', `/activities/${meeting.id}`, { token: me!.token })).body.activity;
    expect(await page()).toMatchObject({ myState: 'registered', myRegistration: { status: 'confirmed' } });
    expect((await page()).myLeave).toBeUndefined();

    await askLeave(meeting.id, me!.token);
    expect(await page()).toMatchObject({ myState: 'leave_pending', myLeave: { status: 'pending', reason: '出差在外地' } });
    await decideLeave(meeting.id, me!.userId, 'approve');
    expect(await page()).toMatchObject({ myState: 'on_leave', myLeave: { status: 'approved' } });
    // The list of activities says the same.
    const { body } = await call('GET', `/activities?limit=100&from=${encodeURIComponent(new Date().toISOString())}`, { token: me!.token });
    expect(body.items.find((item: { id: string }) => item.id === meeting.id)).toMatchObject({ myState: 'on_leave' });
  });
});

describe('a shared activity before signing in', () => {
  it('shows a published activity to anyone, without anyone’s data; drafts and cancelled ones do not exist', async () => {
    const meeting = await on(3, { capacity: 5 });
    const [member] = await newMembers(1);
    await register(meeting.id, member!.token);
    const seen = await call('GET', `/public/activities/${meeting.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.activity).toMatchObject({ id: meeting.id, title: meeting.title, venue: meeting.venue, seatsLeft: 4, capacity: 5 });
    for (const field of ['myRegistration', 'myState', 'createdBy', 'confirmedCount', 'agenda'])
      expect(seen.body.activity).not.toHaveProperty(field);

    const draft = await createActivity({ publish: false });
    expect((await call('GET', `/public/activities/${draft.id}`)).status).toBe(404);
    const { token: coordinator } = await signIn('coordinator');
    await call('POST', `/activities/${meeting.id}/cancel`, { token: coordinator });
    expect((await call('GET', `/public/activities/${meeting.id}`)).status).toBe(404);
    expect((await call('GET', '/public/activities/not%20an%20id')).status).toBe(400);
  });
});

describe('cancelling an activity', () => {
  it('tells everyone who held a place why, in their inbox', async () => {
    const meeting = await on(3);
    const [member] = await newMembers(1);
    await register(meeting.id, member!.token);
    const { token: coordinator } = await signIn('coordinator');
    const tooShort = await call('POST', `/activities/${meeting.id}/cancel`, { token: coordinator, body: { reason: '雨' } });
    expect([tooShort.status, tooShort.body.error.details[0].path]).toEqual([400, 'reason']);
    const cancelled = await call('POST', `/activities/${meeting.id}/cancel`, { token: coordinator, body: { reason: '场地临时维修' } });
    expect(cancelled.body).toMatchObject({ cancelledRegistrations: 1, activity: { status: 'cancelled' } });
    const inbox = await call('GET', '/me/messages', { token: member!.token });
    expect(inbox.body.items[0]).toMatchObject({ kind: 'activity_cancelled', activityId: meeting.id });
    expect(inbox.body.items[0].body).toContain('原因：场地临时维修');
  });
});
