/**
 * Branch meetings belong to the branch (#16 item 5) and people without smartphones count (#17): 仅限本支部
 * registration, the roster checking in without registering (a seat taken in the check-in's transaction),
 * 代签 and 现场登记 by a coordinator or the branch's secretary, and one count everywhere.
 */
import { centerDate } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { activityInput, createActivity, newBranch, newMembers, underWayNow } from '../../test/fixtures';
import { activityRepository } from '../domain/activities/repository';

/** A meeting of `branch` under way now (check-in open), registration open until it ends. */
const meetingNow = (branchId: string, overrides: Record<string, unknown> = {}) => underWayNow({ branchId, ...overrides });

const codeOf = async (activityId: string) => {
  const { token } = await signIn('coordinator');
  return (await call('GET', `/activities/${activityId}/check-in-code`, { token })).body.code as string;
};

const register = (activityId: string, token: string) => call('POST', `/activities/${activityId}/registrations`, { token });
const checkIn = (activityId: string, token: string, code: string) =>
  call('POST', `/activities/${activityId}/check-ins`, { token, body: { code } });
const assist = (activityId: string, token: string, userId: string) =>
  call('POST', `/activities/${activityId}/assisted-check-ins`, { token, body: { userId } });
const walkIn = (activityId: string, token: string, name: string, key = `walk-${name}-${Math.random()}`) =>
  call('POST', `/activities/${activityId}/walk-ins`, { token, body: { name }, headers: { 'Idempotency-Key': key } });

/** Every figure that reports a meeting's attendance, read as the coordinator and as the branch's secretary. */
const everyCount = async (activityId: string, branchId: string, secretaryToken: string) => {
  const { token: coordinator } = await signIn('coordinator');
  const [page, secretaryPage, csv, minutes, statistics] = await Promise.all([
    call('GET', `/activities/${activityId}/attendance`, { token: coordinator }),
    call('GET', `/activities/${activityId}/attendance`, { token: secretaryToken }),
    call('GET', `/activities/${activityId}/attendance?format=csv`, { token: coordinator }),
    call('GET', `/activities/${activityId}/minutes`, { token: secretaryToken }),
    call('GET', `/branches/${branchId}/statistics`, { token: secretaryToken }),
  ]);
  const csvCounts = Object.fromEntries(
    (csv.body as string)
      .split('\r\n')
      .map((line) => line.split(','))
      .filter((cells) => cells.length === 2)
      .map(([label, value]) => [label, Number(value)]),
  );
  return {
    summary: page.body.summary,
    secretary: secretaryPage.body.summary,
    items: page.body.items,
    csvCounts,
    minutes: minutes.body.minutes.text as string,
    statistics: statistics.body.statistics,
  };
};

describe('仅限本支部 (branch-only meetings)', () => {
  it('takes registrations from the branch’s roster only, and refuses the flag where it cannot apply', async () => {
    const { branch, members } = await newBranch(1);
    const [outsider] = await newMembers(1, 'outsider');
    const meeting = await createActivity({ branchId: branch, branchOnly: true });
    expect(meeting.branchOnly).toBe(true);
    expect((await register(meeting.id, members[0]!.token)).status).toBe(201);
    const refused = await register(meeting.id, outsider!.token);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'BRANCH_ONLY']);
    expect((await activityRepository.getActivity(meeting.id))?.confirmedCount).toBe(1);

    const { token: coordinator } = await signIn('coordinator');
    for (const body of [activityInput({ branchOnly: true }), activityInput({ kind: 'class', branchId: branch, branchOnly: true })]) {
      const reply = await call('POST', '/activities', { token: coordinator, body });
      expect([reply.status, reply.body.error.details[0].path]).toEqual([400, 'branchOnly']);
    }
    const open = await createActivity();
    const patched = await call('PATCH', `/activities/${open.id}`, { token: coordinator, body: { branchOnly: true } });
    expect([patched.status, patched.body.error.details[0].path]).toEqual([400, 'branchOnly']);
    expect((await activityRepository.getActivity(open.id))?.branchOnly).toBeUndefined();
    // Given a branch in the same edit, it applies.
    const given = await call('PATCH', `/activities/${open.id}`, { token: coordinator, body: { branchId: branch, branchOnly: true } });
    expect([given.status, given.body.activity.branchOnly]).toEqual([200, true]);
  });

  it('names only a branch the directory has, creating or editing, and changes nothing otherwise', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const made = await call('POST', '/activities', { token: coordinator, body: activityInput({ branchId: 'no-such-branch' }) });
    expect([made.status, made.body.error.details[0]]).toEqual([400, { path: 'branchId', message: '支部不存在' }]);

    const { branch } = await newBranch(0);
    const meeting = await createActivity({ branchId: branch });
    const moved = await call('PATCH', `/activities/${meeting.id}`, { token: coordinator, body: { branchId: 'no-such-branch' } });
    expect([moved.status, moved.body.error.details[0].path]).toEqual([400, 'branchId']);
    expect((await activityRepository.getActivity(meeting.id))?.branchId).toBe(branch);
  });
});

describe('checking in at a branch meeting', () => {
  it('lets the roster check in without registering, 代签 and 现场登记 by the secretary or a coordinator, counted alike everywhere', async () => {
    const { branch, secretary, members } = await newBranch(3);
    const [alice, bob, carol] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    const [outsider] = await newMembers(1, 'outsider');
    const meeting = await meetingNow(branch, { branchOnly: true, title: '“三会一课”支部党员大会' });
    const code = await codeOf(meeting.id);

    // On the roster, without a registration: the check-in takes a seat in its own transaction.
    const self = await checkIn(meeting.id, alice.token, code);
    expect([self.status, self.body.registration.status]).toEqual([201, 'confirmed']);
    expect(self.body.registration.checkedInAt).toBeTruthy();
    expect((await activityRepository.getActivity(meeting.id))?.confirmedCount).toBe(1);
    const twice = await checkIn(meeting.id, alice.token, code);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ALREADY_CHECKED_IN']);
    const stranger = await checkIn(meeting.id, outsider!.token, code);
    expect([stranger.status, stranger.body.error.code]).toEqual([409, 'NOT_CONFIRMED']);

    // Bob is on approved leave; the secretary checks Carol in for her (no phone with her), and records a walk-in.
    await call('POST', `/activities/${meeting.id}/leave-requests`, { token: bob.token, body: { reason: '出差在外地' } });
    await call('POST', `/activities/${meeting.id}/leave-requests/${bob.userId}/decision`, {
      token: secretary.token,
      body: { decision: 'approve' },
    });
    const assisted = await assist(meeting.id, secretary.token, carol.userId);
    expect(assisted.status).toBe(201);
    expect(await activityRepository.getRegistration(meeting.id, carol.userId)).toMatchObject({
      status: 'confirmed',
      checkedInBy: secretary.userId,
    });
    expect((await assist(meeting.id, secretary.token, carol.userId)).body.error.code).toBe('ALREADY_CHECKED_IN');
    expect((await assist(meeting.id, secretary.token, outsider!.userId)).body.error.code).toBe('NOT_CONFIRMED');
    expect((await assist(meeting.id, secretary.token, 'u_nobody_at_all')).status).toBe(404);
    const grandma = await walkIn(meeting.id, secretary.token, '刘奶奶');
    expect([grandma.status, grandma.body.registration.nickname]).toEqual([201, '刘奶奶']);

    // Nobody else runs it: another branch's secretary, a member; a nameless walk-in is a 400 that writes nothing.
    const other = await newBranch(0);
    expect((await assist(meeting.id, other.secretary.token, carol.userId)).status).toBe(403);
    expect((await walkIn(meeting.id, other.secretary.token, '张三')).status).toBe(403);
    expect((await walkIn(meeting.id, alice.token, '张三')).status).toBe(403);
    const nameless = await walkIn(meeting.id, secretary.token, '  ');
    expect([nameless.status, nameless.body.error.details[0].path]).toEqual([400, 'name']);
    // Three seats, each taken on arrival, and the dashboard counts each as a sign-up.
    expect(await activityRepository.getActivity(meeting.id)).toMatchObject({ confirmedCount: 3, signUps: 3 });

    const counts = await everyCount(meeting.id, branch, secretary.token);
    // 应到: the roster of four and the walk-in; 已报名: the three seats; 实到 3; 请假 Bob; 未签到 the secretary.
    expect(counts.summary).toEqual({ expected: 5, registered: 3, checkedIn: 3, onLeave: 1, absent: 0, notYet: 1 });
    expect(counts.secretary).toEqual(counts.summary);
    expect(counts.csvCounts).toEqual({ 应到: 5, 已报名: 3, 实到: 3, 请假: 1, 缺席: 0, 未签到: 1 });
    expect(counts.minutes).toContain('出席：应到 5 人，实到 3 人，请假 1 人，未签到 1 人（已报名 3 人），出席率 75%');
    expect(counts.statistics).toMatchObject({
      meetings: 1,
      expected: 5,
      registered: 3,
      attended: 3,
      leaves: 1,
      absent: 0,
      attendanceRate: 75,
    });
    const rows = Object.fromEntries(counts.items.map((row: { nickname: string }) => [row.nickname, row]));
    expect(counts.items.find((row: { walkIn?: boolean }) => row.walkIn)).toMatchObject({
      nickname: '刘奶奶',
      state: 'checked_in',
      assistedBy: secretary.name,
      onRoster: false,
    });
    expect(rows[carol.name]).toMatchObject({ state: 'checked_in', assistedBy: secretary.name, registered: true, onRoster: true });
    expect(rows[alice.name]).not.toHaveProperty('assistedBy');
  });

  it('replays a walk-in retried with its key instead of recording the person twice', async () => {
    const { branch, secretary } = await newBranch(0);
    const meeting = await meetingNow(branch);
    const replies = await Promise.all(Array.from({ length: 5 }, () => walkIn(meeting.id, secretary.token, '王爷爷', 'door-1')));
    expect(replies.map((reply) => reply.status)).toEqual(expect.arrayContaining([201]));
    expect(new Set(replies.filter((reply) => reply.status === 201).map((reply) => reply.body.registration.userId)).size).toBe(1);
    expect((await activityRepository.getActivity(meeting.id))?.confirmedCount).toBe(1);
  });

  it('keeps confirmed ≤ capacity and every count equal when many check in, register and are checked in at once', async () => {
    const capacity = 8;
    const { branch, secretary, members } = await newBranch(12);
    const outsiders = await newMembers(6, 'crowd');
    const meeting = await meetingNow(branch, { capacity });
    const { token: coordinator } = await signIn('coordinator');
    const code = await codeOf(meeting.id);
    // Each roster member checks in by code while a coordinator also checks in half of them; others register; walk-ins arrive.
    const replies = await Promise.all([
      ...members.map((member) => checkIn(meeting.id, member.token, code)),
      ...members.slice(0, 6).map((member) => assist(meeting.id, coordinator, member.userId)),
      ...outsiders.map((outsider) => register(meeting.id, outsider.token)),
      ...['赵大爷', '钱奶奶', '孙爷爷'].map((name) => walkIn(meeting.id, secretary.token, name)),
    ]);
    expect(replies.filter((reply) => reply.status >= 500)).toEqual([]);
    const checkIns = replies.slice(0, members.length + 6);
    for (const reply of checkIns.filter((item) => item.status !== 201))
      expect(['NO_SEAT_LEFT', 'ALREADY_CHECKED_IN', 'NOT_CONFIRMED', 'BUSY']).toContain(reply.body.error.code);
    // One check-in per person, whoever made it.
    const checkedInPeople = new Set(checkIns.filter((reply) => reply.status === 201).map((reply) => reply.body.registration.userId));
    expect(checkedInPeople.size).toBe(checkIns.filter((reply) => reply.status === 201).length);

    const activity = (await activityRepository.getActivity(meeting.id))!;
    const seats = (await activityRepository.allRegistrations(meeting.id)).filter((record) => record.status === 'confirmed');
    expect(activity.confirmedCount).toBe(seats.length);
    expect(activity.confirmedCount).toBeLessThanOrEqual(capacity);
    expect(activity.confirmedCount).toBe(capacity); // more came than there were seats
    const counts = await everyCount(meeting.id, branch, secretary.token);
    expect(counts.summary.registered).toBe(activity.confirmedCount);
    expect(counts.summary.checkedIn).toBe(seats.filter((record) => record.checkedInAt).length);
    expect(counts.summary.checkedIn).toBe(checkedInPeople.size + replies.slice(-3).filter((reply) => reply.status === 201).length);
    expect(counts.secretary).toEqual(counts.summary);
    expect(counts.csvCounts).toEqual({
      应到: counts.summary.expected,
      已报名: counts.summary.registered,
      实到: counts.summary.checkedIn,
      请假: counts.summary.onLeave,
      缺席: counts.summary.absent,
      未签到: counts.summary.notYet,
    });
    expect(counts.statistics).toMatchObject({
      expected: counts.summary.expected,
      registered: counts.summary.registered,
      attended: counts.summary.checkedIn,
    });
    expect(counts.statistics.year).toBe(Number(centerDate(new Date()).slice(0, 4)));
  });
});
