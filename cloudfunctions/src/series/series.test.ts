import { call, signIn, uniqueName } from '../../test/gateway';
import { createActivity, newMembers } from '../../test/fixtures';
import { createRegistrationEngine } from '../domain/activities/registration-engine';
import { activityRepository } from '../domain/activities/repository';
import { seriesRepository } from './repository';
import { createSeriesService } from './service';

const HOUR = 60 * 60 * 1000;
const WEEK = 7 * 24 * HOUR;

/** `count` weekly two-hour sessions, the first `inHours` from now. */
const weekly = (count: number, inHours = 48) =>
  Array.from({ length: count }, (_, i) => {
    const start = Date.now() + inHours * HOUR + i * WEEK;
    return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString() };
  });

const seriesInput = (lecturerId: string, overrides: Record<string, unknown> = {}) => ({
  title: uniqueName('越剧班'),
  description: '越剧唱腔与身段，零基础可报',
  venue: '和乐党群服务中心 3 楼活动室',
  capacity: 2,
  lecturerIds: [lecturerId],
  completionPercent: 60,
  sessions: weekly(3),
  ...overrides,
});

const createSeries = async (overrides: Record<string, unknown> = {}) => {
  const { token } = await signIn('coordinator');
  const { userId: lecturerId } = await signIn('lecturer');
  const reply = await call('POST', '/series', { token, body: seriesInput(lecturerId, overrides) });
  if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
  return reply.body.series as { id: string; title: string; sessionIds: string[] };
};

describe('class series (公益班)', () => {
  it('plans a series as one class activity per session, published, each with its own seats', async () => {
    const series = await createSeries();
    expect(series.sessionIds).toHaveLength(3);
    const [member] = await newMembers(1);
    const detail = (await call('GET', `/series/${series.id}`, { token: member!.token })).body;
    expect(
      detail.sessions.map((session: any) => [
        session.kind,
        session.status,
        session.sessionNo,
        session.seriesId,
        session.capacity,
        session.title,
      ]),
    ).toEqual([1, 2, 3].map((n) => ['class', 'published', n, series.id, 2, `${series.title}（第${n}课）`]));
    expect(detail.progress).toBeUndefined();
    expect(detail.teaches).toBe(false);
    const listed = (await call('GET', '/series?limit=50', { token: member!.token })).body.items.map((item: any) => item.id);
    expect(listed).toContain(series.id);
  });

  it('enrols many members at once in every session without passing any session’s capacity; the rest wait in order', async () => {
    const series = await createSeries();
    const members = await newMembers(6);
    const replies = await Promise.all(members.map((member) => call('POST', `/series/${series.id}/enrolment`, { token: member.token })));
    expect(replies.map((reply) => reply.status)).toEqual(members.map(() => 200));
    const { token: coordinator } = await signIn('coordinator');
    for (const activityId of series.sessionIds) {
      const activity = (await call('GET', `/activities/${activityId}`, { token: coordinator })).body.activity;
      expect([activity.confirmedCount, activity.waitlistCount]).toEqual([2, 4]);
    }
    // Enrolling again changes nothing: the places held are answered.
    const again = await call('POST', `/series/${series.id}/enrolment`, { token: members[0]!.token });
    expect(again.body.items.map((item: any) => item.outcome)).toEqual(replies[0]!.body.items.map((item: any) => item.outcome));
    const first = (await call('GET', `/activities/${series.sessionIds[0]}`, { token: coordinator })).body.activity;
    expect([first.confirmedCount, first.waitlistCount]).toEqual([2, 4]);

    // Withdrawing gives every seat back to the earliest waiting member.
    const seated = members.filter((_, i) => replies[i]!.body.items[0].outcome === 'confirmed');
    const withdrawn = await call('DELETE', `/series/${series.id}/enrolment`, { token: seated[0]!.token });
    expect(withdrawn.body.items.map((item: any) => item.outcome)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const afterwards = (await call('GET', `/activities/${series.sessionIds[0]}`, { token: coordinator })).body.activity;
    expect([afterwards.confirmedCount, afterwards.waitlistCount]).toEqual([2, 3]);
  });

  it('lets a member take a single session; progress counts the sessions attended, and the certificate needs the threshold once the series has ended', async () => {
    const series = await createSeries();
    const [diligent, occasional] = await newMembers(2);
    await call('POST', `/series/${series.id}/enrolment`, { token: diligent!.token });
    expect((await call('POST', `/activities/${series.sessionIds[1]}/registrations`, { token: occasional!.token })).status).toBe(201);

    const early = await call('GET', `/series/${series.id}/certificate`, { token: diligent!.token });
    expect([early.status, early.body.error.code]).toEqual([409, 'NOT_COMPLETED']);

    // Check-ins at sessions 1 and 2 (the check-in route's window is tested elsewhere).
    const at = new Date().toISOString();
    for (const sessionId of series.sessionIds.slice(0, 2))
      expect(await activityRepository.checkIn(sessionId, diligent!.userId, at, [])).toBe('ok');
    expect(await activityRepository.checkIn(series.sessionIds[1]!, occasional!.userId, at, [])).toBe('ok');

    const now = { value: new Date() };
    const clock = () => now.value;
    const service = createSeriesService({
      repository: activityRepository,
      series: seriesRepository,
      engine: createRegistrationEngine({ repository: activityRepository, now: clock }),
      now: clock,
    });
    const principal = (user: { userId: string; name: string }) => ({ id: user.userId, nickname: user.name, roles: ['member' as const] });

    const running = await service.detail(series.id, principal(diligent!));
    expect(running.progress).toEqual({ attended: 2, held: 0, total: 3, percent: 67, needed: 2, finished: false, completed: false });
    const mine = (await call('GET', '/me/series', { token: occasional!.token })).body.items.find((item: any) => item.id === series.id);
    expect(mine.progress).toMatchObject({ attended: 1, total: 3, percent: 33 });

    now.value = new Date(Date.now() + 3 * WEEK);
    const certificate = await service.certificate(series.id, principal(diligent!));
    expect(certificate).toMatchObject({
      attended: 2,
      total: 3,
      percent: 67,
      member: { id: diligent!.userId },
      series: { id: series.id, title: series.title },
      issuer: '和乐党群服务中心',
    });
    await expect(service.certificate(series.id, principal(occasional!))).rejects.toMatchObject({ statusCode: 409, code: 'NOT_COMPLETED' });
  });

  it('shows the roster and attendance to the series’ own lecturers and coordinators only, and keeps their session notes', async () => {
    const series = await createSeries();
    const [member] = await newMembers(1);
    await call('POST', `/series/${series.id}/enrolment`, { token: member!.token });
    await activityRepository.checkIn(series.sessionIds[0]!, member!.userId, new Date().toISOString(), []);
    const { token: lecturer } = await signIn('lecturer');

    const roster = await call('GET', `/series/${series.id}/roster`, { token: lecturer });
    expect(roster.status).toBe(200);
    expect(roster.body.sessions.map((session: any) => [session.sessionNo, session.confirmed, session.checkedIn])).toEqual([
      [1, 1, 1],
      [2, 1, 0],
      [3, 1, 0],
    ]);
    expect(roster.body.rows).toEqual([
      { userId: member!.userId, nickname: member!.name, marks: ['attended', 'confirmed', 'confirmed'], attended: 1 },
    ]);
    expect((await call('GET', `/series/${series.id}`, { token: lecturer })).body.teaches).toBe(true);

    // A lecturer of another series is not this one's.
    const [other] = await newMembers(1, 'lecturer');
    const { token: admin } = await signIn('admin');
    expect((await call('PUT', `/users/${other!.userId}/roles/lecturer`, { token: admin })).status).toBe(200);
    const { token: otherToken } = await signIn(other!.name);
    const refused = await call('GET', `/series/${series.id}/roster`, { token: otherToken });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_LECTURER']);
    const notes = { notes: '本课学唱《梁祝·十八相送》选段，下次请带扇子。' };
    expect(
      (await call('PUT', `/series/${series.id}/sessions/${series.sessionIds[0]}/notes`, { token: otherToken, body: notes })).status,
    ).toBe(403);

    const saved = await call('PUT', `/series/${series.id}/sessions/${series.sessionIds[0]}/notes`, { token: lecturer, body: notes });
    expect([saved.status, saved.body.activity.sessionNotes]).toEqual([200, notes.notes]);
    expect((await call('GET', `/activities/${series.sessionIds[0]}`, { token: member!.token })).body.activity.sessionNotes).toBe(
      notes.notes,
    );
    const elsewhere = await createSeries();
    const wrongSession = await call('PUT', `/series/${series.id}/sessions/${elsewhere.sessionIds[0]}/notes`, {
      token: lecturer,
      body: notes,
    });
    expect(wrongSession.status).toBe(404);
    const empty = await call('PUT', `/series/${series.id}/sessions/${series.sessionIds[0]}/notes`, {
      token: lecturer,
      body: { notes: '  ' },
    });
    expect([empty.status, empty.body.error.details[0].path]).toEqual([400, 'notes']);
  });

  it('answers 400 naming the cursor for a cursor of another list', async () => {
    const { token } = await signIn('coordinator');
    await createSeries();
    await createSeries();
    const { nextCursor } = (await call('GET', '/materials?limit=1', { token })).body;
    const foreign = nextCursor ?? Buffer.from(JSON.stringify({ k: { pk: 'M', sk: '01X' } })).toString('base64url');
    const reply = await call('GET', `/series?limit=1&cursor=${encodeURIComponent(foreign)}`, { token });
    expect([reply.status, reply.body.error?.details?.[0]?.path]).toEqual([400, 'cursor']);
  });

  it('lists a lecturer’s own series for the workspace', async () => {
    const series = await createSeries();
    const { token: lecturer } = await signIn('lecturer');
    const teaching = (await call('GET', '/series?teaching=true', { token: lecturer })).body.items.map((item: any) => item.id);
    expect(teaching).toContain(series.id);
    const [member] = await newMembers(1);
    expect((await call('GET', '/series?teaching=true', { token: member!.token })).body.items).toEqual([]);
  });

  it('records a session’s teaching only for the lecturers of its series', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const { userId: lecturerId } = await signIn('lecturer');
    const start = Date.now() - 3 * HOUR;
    const series = await createSeries({
      sessions: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString() }],
    });
    const [other] = await newMembers(1, 'lecturer');
    const { token: admin } = await signIn('admin');
    await call('PUT', `/users/${other!.userId}/roles/lecturer`, { token: admin });
    const wrong = await call('POST', '/service-records/teaching', {
      token: coordinator,
      body: { activityId: series.sessionIds[0], lecturerId: other!.userId },
    });
    expect([wrong.status, wrong.body.error.details[0].path]).toEqual([400, 'lecturerId']);
    const before = (await call('GET', `/series/${series.id}/roster`, { token: coordinator })).body.sessions[0];
    expect(before.teaching).toBe('none');
    const right = await call('POST', '/service-records/teaching', {
      token: coordinator,
      body: { activityId: series.sessionIds[0], lecturerId },
    });
    expect(right.status).toBe(201);
    const after = (await call('GET', `/series/${series.id}/roster`, { token: coordinator })).body.sessions[0];
    expect(after.teaching).toBe('recorded');
  });

  it('lets a series’ lecturer show the check-in code and attendance of its sessions, and no one else’s', async () => {
    const series = await createSeries();
    const { token: lecturer } = await signIn('lecturer');
    const shown = await call('GET', `/activities/${series.sessionIds[0]}/check-in-code`, { token: lecturer });
    expect([shown.status, shown.body.code]).toEqual([200, expect.stringMatching(/^\d{6}$/)]);

    const [other] = await newMembers(1, 'lecturer');
    const { token: admin } = await signIn('admin');
    await call('PUT', `/users/${other!.userId}/roles/lecturer`, { token: admin });
    const { token: otherToken } = await signIn(other!.name);
    const refused = await call('GET', `/activities/${series.sessionIds[0]}/check-in-code`, { token: otherToken });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_LECTURER']);
    expect((await call('GET', `/activities/${series.sessionIds[0]}/attendance`, { token: otherToken })).status).toBe(403);
    const meeting = await createActivity();
    expect((await call('GET', `/activities/${meeting.id}/check-in-code`, { token: lecturer })).status).toBe(403);
    expect((await call('GET', `/activities/${meeting.id}/attendance`, { token: lecturer })).status).toBe(403);
    // Their own session's attendance (the check-in screen's count) is theirs to see.
    const [member] = await newMembers(1);
    await call('POST', `/series/${series.id}/enrolment`, { token: member!.token });
    const seen = await call('GET', `/activities/${series.sessionIds[0]}/attendance`, { token: lecturer });
    expect([seen.status, seen.body.summary.registered]).toEqual([200, 1]);
  });

  it.each([
    ['sessions.1.startsAt', { sessions: [weekly(1)[0], { startsAt: weekly(1)[0]!.startsAt, endsAt: weekly(1, 60)[0]!.endsAt }] }],
    ['sessions.0.endsAt', { sessions: [{ startsAt: weekly(1)[0]!.endsAt, endsAt: weekly(1)[0]!.startsAt }] }],
    ['sessions', { sessions: [] }],
    ['capacity', { capacity: 0 }],
    ['completionPercent', { completionPercent: 30 }],
    ['lecturerIds', { lecturerIds: [] }],
    ['lecturerIds.0', 'member'],
    ['projectId', { projectId: '01NOSUCHPROJECT' }],
  ])('refuses a series with a bad %s, naming it, and writes nothing', async (path, overrides) => {
    const { token } = await signIn('coordinator');
    const { userId: lecturerId } = await signIn('lecturer');
    const { userId: memberId } = await signIn('member');
    const body = overrides === 'member' ? seriesInput(memberId) : seriesInput(lecturerId, overrides as Record<string, unknown>);
    const reply = await call('POST', '/series', { token, body });
    expect([reply.status, reply.body.error.details[0].path]).toEqual([400, path]);
    const all = await seriesRepository.all();
    expect(all.some((series) => series.title === body.title)).toBe(false);
  });

  it('answers 404 for a series that does not exist and 409 when no session takes registrations', async () => {
    const [member] = await newMembers(1);
    expect((await call('POST', '/series/01NOSUCHSERIES/enrolment', { token: member!.token })).status).toBe(404);
    const start = Date.now() - 3 * HOUR;
    const past = await createSeries({
      sessions: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() }],
    });
    const closed = await call('POST', `/series/${past.id}/enrolment`, { token: member!.token });
    expect([closed.status, closed.body.error.code]).toEqual([409, 'SERIES_CLOSED']);
    const none = await call('DELETE', `/series/${past.id}/enrolment`, { token: member!.token });
    expect([none.status, none.body.error.code]).toEqual([404, 'NOT_REGISTERED']);
  });
});
