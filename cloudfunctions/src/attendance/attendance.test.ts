import { call, signIn } from '../../test/gateway';
import { createActivity, newBranch, newMembers, underWayNow } from '../../test/fixtures';
import { userIdFor } from '../auth/repository';
import { MAX_CHECK_IN_TRIES } from './service';
import { activityRepository } from '../domain/activities/repository';
import { attendanceService } from './handler';

const MINUTE = 60_000;

/** An activity happening now (check-in open), registration open until it ends. */
const happeningNow = underWayNow;

const codeOf = async (activityId: string) => {
  const { token } = await signIn('coordinator');
  const reply = await call('GET', `/activities/${activityId}/check-in-code`, { token });
  expect(reply.status).toBe(200);
  return reply.body as { token: string; code: string; expiresAt: string; periodSeconds: number };
};

const checkIn = (activityId: string, token: string, body: unknown) => call('POST', `/activities/${activityId}/check-ins`, { token, body });

describe('check-in', () => {
  it('checks a confirmed registrant in once, by QR token or by the 6-digit code', async () => {
    const activity = await happeningNow();
    const [a, b] = await newMembers(2);
    for (const user of [a, b])
      expect((await call('POST', `/activities/${activity.id}/registrations`, { token: user!.token })).status).toBe(201);
    const shown = await codeOf(activity.id);
    expect(shown.code).toMatch(/^\d{6}$/);
    expect(shown.periodSeconds).toBe(30);

    const scanned = await checkIn(activity.id, a!.token, { token: shown.token });
    expect(scanned.status).toBe(201);
    expect(scanned.body.registration.checkedInAt).toBeTruthy();
    const again = await checkIn(activity.id, a!.token, { token: shown.token });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_CHECKED_IN']);

    expect((await checkIn(activity.id, b!.token, { code: shown.code })).status).toBe(201);
  });

  it('refuses people without a confirmed seat, and activities not under way', async () => {
    const activity = await happeningNow({ capacity: 1 });
    const [seated, waiting, stranger] = await newMembers(3);
    await call('POST', `/activities/${activity.id}/registrations`, { token: seated!.token });
    await call('POST', `/activities/${activity.id}/registrations`, { token: waiting!.token });
    const { code } = await codeOf(activity.id);
    for (const user of [waiting, stranger]) {
      const reply = await checkIn(activity.id, user!.token, { code });
      expect([reply.status, reply.body.error.code]).toEqual([409, 'NOT_CONFIRMED']);
    }
    const later = await createActivity();
    await call('POST', `/activities/${later.id}/registrations`, { token: seated!.token });
    const early = await checkIn(later.id, seated!.token, { code: (await codeOf(later.id)).code });
    expect([early.status, early.body.error.code]).toEqual([409, 'CHECK_IN_NOT_OPEN']);
  });

  it('answers 400 naming the field for a wrong code, and locks after repeated guesses', async () => {
    const activity = await happeningNow();
    const [user] = await newMembers(1);
    await call('POST', `/activities/${activity.id}/registrations`, { token: user!.token });
    const { code, token } = await codeOf(activity.id);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const first = await checkIn(activity.id, user!.token, { code: wrong });
    expect([first.status, first.body.error.code, first.body.error.details[0].path]).toEqual([400, 'INVALID_CHECK_IN_CODE', 'code']);
    const forged = await checkIn(activity.id, user!.token, { token: token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
    expect([forged.status, forged.body.error.details[0].path]).toEqual([400, 'token']);
    for (let i = 2; i < MAX_CHECK_IN_TRIES; i++) await checkIn(activity.id, user!.token, { code: wrong });
    const locked = await checkIn(activity.id, user!.token, { code: wrong });
    expect(locked.status).toBe(429);
    // Even the right code waits out the lock.
    expect((await checkIn(activity.id, user!.token, { code })).status).toBe(429);
  });

  it('caps guesses sent all at once: a right code among them is locked out too', async () => {
    const activity = await happeningNow();
    const [user] = await newMembers(1);
    await call('POST', `/activities/${activity.id}/registrations`, { token: user!.token });
    const { code } = await codeOf(activity.id);
    const guesses = Array.from({ length: 40 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const replies = await Promise.all(guesses.map((guess) => checkIn(activity.id, user!.token, { code: guess })));
    expect(replies.filter((reply) => reply.status === 400)).toHaveLength(MAX_CHECK_IN_TRIES);
    expect(replies.filter((reply) => reply.status === 429)).toHaveLength(40 - MAX_CHECK_IN_TRIES);
    expect((await checkIn(activity.id, user!.token, { code })).status).toBe(429);
    expect((await activityRepository.getRegistration(activity.id, user!.userId))?.checkedInAt).toBeUndefined();
  });

  it.each([
    ['no field', {}],
    ['both fields', { code: '123456', token: 'HLCI1.a.1.abcdefghij' }],
    ['a 5-digit code', { code: '12345' }],
    ['letters', { code: 'abcdef' }],
  ])('answers 400 for %s and records nothing', async (_, body) => {
    const activity = await happeningNow();
    const [user] = await newMembers(1);
    await call('POST', `/activities/${activity.id}/registrations`, { token: user!.token });
    const reply = await checkIn(activity.id, user!.token, body);
    expect([reply.status, reply.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await activityRepository.getRegistration(activity.id, user!.userId))?.checkedInAt).toBeUndefined();
  });

  it('rejects a code two periods old (the server clock moved on)', async () => {
    const activity = await happeningNow();
    const [user] = await newMembers(1);
    await call('POST', `/activities/${activity.id}/registrations`, { token: user!.token });
    const { code } = await codeOf(activity.id);
    const later = attendanceService(() => new Date(Date.now() + 75_000));
    await expect(later.checkIn(activity.id, { code }, { id: user!.userId, nickname: user!.name, roles: ['member'] })).rejects.toMatchObject(
      {
        statusCode: 400,
        code: 'INVALID_CHECK_IN_CODE',
      },
    );
  });
});

describe('attendance and leave (请假)', () => {
  it('lists the branch roster and registrants with their state, as JSON and CSV', async () => {
    const { branch, secretary, members } = await newBranch(2);
    const [onRoster, excused] = members;
    const [registrant] = await newMembers(1);
    const activity = await happeningNow({ branchId: branch });
    await call('POST', `/activities/${activity.id}/registrations`, { token: registrant!.token });
    await checkIn(activity.id, registrant!.token, { code: (await codeOf(activity.id)).code });

    const leave = await call('POST', `/activities/${activity.id}/leave-requests`, {
      token: excused!.token,
      body: { reason: '出差在外地' },
    });
    expect([leave.status, leave.body.leave.status]).toEqual([201, 'pending']);
    expect(
      (await call('POST', `/activities/${activity.id}/leave-requests`, { token: excused!.token, body: { reason: '再请一次' } })).body.error
        .code,
    ).toBe('LEAVE_EXISTS');
    const { token: coordinator } = await signIn('coordinator');
    const pending = await call('GET', '/leave-requests?limit=100', { token: coordinator });
    expect(pending.body.items.map((item: { userId: string }) => item.userId)).toContain(excused!.userId);
    const decided = await call('POST', `/activities/${activity.id}/leave-requests/${excused!.userId}/decision`, {
      token: coordinator,
      body: { decision: 'approve' },
    });
    expect(decided.body.leave).toMatchObject({ status: 'approved', decidedBy: userIdFor('dev:coordinator') });
    const twice = await call('POST', `/activities/${activity.id}/leave-requests/${excused!.userId}/decision`, {
      token: coordinator,
      body: { decision: 'refuse' },
    });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'LEAVE_DECIDED']);

    const list = await call('GET', `/activities/${activity.id}/attendance`, { token: coordinator });
    // The roster (the secretary, two members) and the registrant from elsewhere.
    expect(list.body.summary).toEqual({ expected: 4, registered: 1, checkedIn: 1, onLeave: 1, absent: 0, notYet: 2 });
    const states = Object.fromEntries(list.body.items.map((row: { userId: string; state: string }) => [row.userId, row.state]));
    expect(states).toEqual({
      [secretary.userId]: 'not_yet',
      [onRoster!.userId]: 'not_yet',
      [registrant!.userId]: 'checked_in',
      [excused!.userId]: 'on_leave',
    });

    const csv = await call('GET', `/activities/${activity.id}/attendance?format=csv`, { token: coordinator });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const text = csv.body as string;
    expect(text.startsWith('\uFEFF姓名,身份,状态,是否报名,签到时间,代签人,请假原因\r\n')).toBe(true);
    expect(text).toContain(`${excused!.name},支部党员,请假,否,,,出差在外地`);
    expect(text).toContain(`${registrant!.name},报名人员,已签到,是,`);
    // The people, then the page's counts.
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(5 + 6);
    expect(text).toContain('\r\n应到,4\r\n已报名,1\r\n实到,1\r\n请假,1\r\n缺席,0\r\n未签到,2');
  });

  it('lets the secretary of the branch decide, and no other secretary', async () => {
    // Secretaries as the directory names them: of this branch, and of another.
    const { branch, secretary, members } = await newBranch(1);
    const [member] = members;
    const { secretary: otherSecretary } = await newBranch(0);
    const activity = await createActivity({ branchId: branch });
    await call('POST', `/activities/${activity.id}/leave-requests`, { token: member!.token, body: { reason: '家中有事' } });
    const decision = { decision: 'refuse', note: '请尽量参加' };
    const path = `/activities/${activity.id}/leave-requests/${member!.userId}/decision`;
    expect((await call('POST', path, { token: otherSecretary.token, body: decision })).status).toBe(403);
    expect(
      (await call('GET', '/leave-requests', { token: secretary.token })).body.items.map((item: { userId: string }) => item.userId),
    ).toEqual([member!.userId]);
    const refused = await call('POST', path, { token: secretary.token, body: decision });
    expect(refused.body.leave).toMatchObject({ status: 'refused', note: '请尽量参加' });
    // A refused request may be asked again.
    expect(
      (await call('POST', `/activities/${activity.id}/leave-requests`, { token: member!.token, body: { reason: '确实来不了' } })).status,
    ).toBe(201);
  });

  it('refuses leave to someone neither on the roster nor registered', async () => {
    const activity = await createActivity({ branchId: (await newBranch(0)).branch });
    const [stranger] = await newMembers(1);
    const reply = await call('POST', `/activities/${activity.id}/leave-requests`, { token: stranger!.token, body: { reason: '有事' } });
    expect(reply.status).toBe(403);
    const empty = await call('POST', `/activities/${activity.id}/leave-requests`, { token: stranger!.token, body: { reason: '' } });
    expect(empty.body.error.details[0].path).toBe('reason');
  });

  it('computes a member’s attendance rate over the branch meetings held', async () => {
    const { branch, members } = await newBranch(1);
    const [member] = members;
    const attended = await happeningNow({ branchId: branch });
    const missed = await happeningNow({ branchId: branch });
    const excusedMeeting = await happeningNow({ branchId: branch });
    await call('POST', `/activities/${attended.id}/registrations`, { token: member!.token });
    await checkIn(attended.id, member!.token, { code: (await codeOf(attended.id)).code });
    await call('POST', `/activities/${excusedMeeting.id}/leave-requests`, { token: member!.token, body: { reason: '住院' } });
    const { token: coordinator } = await signIn('coordinator');
    await call('POST', `/activities/${excusedMeeting.id}/leave-requests/${member!.userId}/decision`, {
      token: coordinator,
      body: { decision: 'approve' },
    });
    void missed;

    const afterwards = attendanceService(() => new Date(Date.now() + 3 * 60 * MINUTE));
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const rate = await afterwards.myRate({ id: member!.userId, nickname: member!.name, roles: ['member'], branchId: branch }, year);
    expect(rate).toMatchObject({ held: 3, attended: 1, excused: 1, absent: 1, rate: 0.5 });
    // Through the API, today: none of the three has ended yet.
    const today = await call('GET', `/me/attendance?year=${year}`, { token: member!.token });
    expect(today.body).toMatchObject({ branchId: branch, held: 0, rate: null });
  });
});
