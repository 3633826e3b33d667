import { checkInPeriod, DEFAULT_EXAM_SETTINGS, pointsForMinutes, Role } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { createActivity, newMembers, registerAndCheckIn, withRealName } from '../../test/fixtures';
import { loadUser, toPrincipal, userItems } from '../lib/principal';
import { doc, transactNamed } from '../lib/db';
import { ledger } from '../domain/ledger';
import { activitySummary } from '../domain/activities/summary';
import { activityRepository } from '../domain/activities/repository';
import { issueCheckIn } from '../domain/activities/check-in-code';
import { createHoursService } from './hours-service';
import { serviceRecordRepository } from './repository';
import { createExamService } from './exam-service';
import { attemptRepository, questionRepository, volunteerRepository } from './repository';
import { attendanceService } from '../attendance/handler';

const CATEGORIES = ['礼仪', '应急抢救', '心理辅导'];
const application = { skills: ['急救', '陪伴老人'], availability: '周末全天', phone: '13812345678', intro: '退休教师' };

const serviceAt = (at: Date) =>
  createExamService({
    volunteers: volunteerRepository,
    questions: questionRepository,
    attempts: attemptRepository,
    settings: DEFAULT_EXAM_SETTINGS,
    now: () => at,
  });

const rightAnswers = async (userId: string, attemptId: string) =>
  Object.fromEntries((await attemptRepository.get(userId, attemptId))!.paper.map((question) => [question.id, question.answer]));

const MINUTE = 60_000;

/** The hours service the function runs (10 points an hour, as the test stage's setting). */
const hoursService = () =>
  createHoursService({
    ledger,
    records: serviceRecordRepository,
    activity: activitySummary,
    pointsPerHour: 10,
    declaring: { maxAgeDays: 90, dailyMaxMinutes: 12 * 60 },
  });

/**
 * `user` serves at a service activity under way: registers, checks in with the coordinator's code, and signs out
 * 50 minutes later (the attendance service as it runs then), which records the service pending approval.
 */
const servedAndSignedOut = async (user: { userId: string; name: string; token: string }) => {
  const startsAt = new Date(Date.now() - 5 * MINUTE).toISOString();
  const endsAt = new Date(Date.now() + 60 * MINUTE).toISOString();
  const activity = await createActivity({
    kind: 'service',
    title: '公益黄手环 陪伴老人',
    destination: 'village',
    startsAt,
    endsAt,
    registrationClosesAt: endsAt,
    cancellationDeadline: endsAt,
  });
  expect((await registerAndCheckIn(activity.id, user.token)).status).toBe(201);
  const at = new Date(Date.now() + 50 * MINUTE);
  const attendance = attendanceService(() => at);
  const { checkInSecret } = (await activityRepository.getActivity(activity.id))!;
  const signedOut = await attendance.signOut(
    activity.id,
    { code: issueCheckIn(checkInSecret!, activity.id, checkInPeriod(at)).code },
    { id: user.userId, nickname: user.name, roles: ['member'] },
  );
  expect(signedOut.record).toMatchObject({ status: 'pending' });
  return { record: signedOut.record! };
};

const applicant = async () => {
  const [user] = await newMembers(1, 'applicant');
  await withRealName(user!.token);
  expect((await call('PUT', '/me/volunteer', { token: user!.token, body: application })).status).toBe(200);
  return user!;
};

describe('volunteer certification', () => {
  beforeAll(async () => {
    const { token } = await signIn('coordinator');
    for (let i = 0; i < 12; i++) {
      const multiple = i % 4 === 0;
      const reply = await call('POST', '/exam/questions', {
        token,
        body: {
          category: CATEGORIES[i % 3],
          type: multiple ? 'multiple' : 'single',
          text: `第${i + 1}题：志愿服务的原则？`,
          options: ['自愿', '无偿', '强制', '营利'],
          answer: multiple ? [0, 1] : [i % 2],
        },
      });
      expect(reply.status).toBe(201);
    }
  });

  it('masks the phone for the applicant and shows it to coordinators', async () => {
    const user = await applicant();
    const mine = (await call('GET', '/me/volunteer', { token: user.token })).body;
    expect(mine.profile).toMatchObject({ status: 'applied', phone: '138****5678', skills: application.skills });
    expect(mine.certified).toBe(false);
    const { token } = await signIn('coordinator');
    const listed = (await call('GET', '/volunteers?status=applied&limit=100', { token })).body.items.find(
      (profile: { userId: string }) => profile.userId === user.userId,
    );
    expect(listed.phone).toBe('13812345678');
  });

  it('refuses an application without a real name (the app sends the person to 编辑资料), writing nothing', async () => {
    const [user] = await newMembers(1);
    const refused = await call('PUT', '/me/volunteer', { token: user!.token, body: application });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'REAL_NAME_REQUIRED']);
    expect((await call('GET', '/me/volunteer', { token: user!.token })).body.profile).toBeNull();
  });

  it('refuses the exam before an application, and validates the application naming the field', async () => {
    const [user] = await newMembers(1);
    const reply = await call('POST', '/exam/attempts', { token: user!.token });
    expect([reply.status, reply.body.error.code]).toEqual([409, 'APPLY_FIRST']);
    await withRealName(user!.token);
    const bad = await call('PUT', '/me/volunteer', { token: user!.token, body: { ...application, phone: '12345' } });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'phone']);
  });

  it('draws a paper without answers, keeps one attempt open, grades on the server and certifies on a pass', async () => {
    const user = await applicant();
    const started = await call('POST', '/exam/attempts', { token: user.token });
    expect(started.status).toBe(201);
    const { attempt } = started.body;
    expect(attempt.questions).toHaveLength(10);
    expect(new Set(attempt.questions.map((question: { category: string }) => question.category)).size).toBe(3);
    expect(JSON.stringify(attempt.questions)).not.toContain('answer');
    const again = await call('POST', '/exam/attempts', { token: user.token });
    expect([again.status, again.body.attempt.id]).toEqual([200, attempt.id]);

    const submitted = await call('POST', `/exam/attempts/${attempt.id}/submit`, {
      token: user.token,
      body: { answers: await rightAnswers(user.userId, attempt.id) },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.attempt).toMatchObject({ status: 'passed', score: 100, correct: 10, total: 10 });
    expect((await loadUser(user.userId))!.roles).toContain('volunteer');
    const me = (await call('GET', '/me/volunteer', { token: user.token })).body;
    expect(me).toMatchObject({ certified: true, profile: { status: 'certified' } });
    const twice = await call('POST', `/exam/attempts/${attempt.id}/submit`, { token: user.token, body: { answers: {} } });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ALREADY_SUBMITTED']);
    const more = await call('POST', '/exam/attempts', { token: user.token });
    expect([more.status, more.body.error.code]).toEqual([409, 'ALREADY_VOLUNTEER']);

    const { token } = await signIn('coordinator');
    const listed = (await call('GET', '/exam/attempts?limit=100', { token })).body.items.find(
      (item: { id: string }) => item.id === attempt.id,
    );
    expect(listed).toMatchObject({ status: 'passed', score: 100, nickname: user.name });
    expect(listed.questions).toBeUndefined();
  });

  it('fails below the mark and cools down before the next attempt', async () => {
    const user = await applicant();
    const { attempt } = (await call('POST', '/exam/attempts', { token: user.token })).body;
    const failed = await call('POST', `/exam/attempts/${attempt.id}/submit`, { token: user.token, body: { answers: {} } });
    expect(failed.body.attempt).toMatchObject({ status: 'failed', score: 0 });
    expect((await loadUser(user.userId))!.roles).not.toContain('volunteer');
    const soon = await call('POST', '/exam/attempts', { token: user.token });
    expect([soon.status, soon.body.error.code]).toEqual([409, 'EXAM_COOLDOWN']);
    expect((await call('GET', '/me/volunteer', { token: user.token })).body.exam.retryAt).toBeTruthy();

    const tomorrow = serviceAt(new Date(Date.now() + 25 * 3600_000));
    const principal = toPrincipal((await loadUser(user.userId))!);
    expect((await tomorrow.start(principal)).created).toBe(true);
  });

  it('opens one attempt however many starts race, and does not grade answers sent after the time', async () => {
    const user = await applicant();
    const starts = await Promise.all(Array.from({ length: 8 }, () => call('POST', '/exam/attempts', { token: user.token })));
    expect(starts.every((reply) => reply.status < 300)).toBe(true);
    expect(new Set(starts.map((reply) => reply.body.attempt.id)).size).toBe(1);
    expect(starts.filter((reply) => reply.status === 201)).toHaveLength(1);

    const { id } = starts[0]!.body.attempt;
    const late = serviceAt(new Date(Date.now() + 21 * 60_000));
    const principal = toPrincipal((await loadUser(user.userId))!);
    await expect(late.submit(id, await rightAnswers(user.userId, id), principal)).rejects.toMatchObject({
      statusCode: 409,
      code: 'EXAM_TIME_UP',
    });
    expect((await attemptRepository.get(user.userId, id))!.status).toBe('failed');
  });

  it('approves an uncertified member’s hours without points, and credits them once when the exam is passed (服务攒积分 + 资格认证)', async () => {
    const user = await applicant();
    const { token: coordinator } = await signIn('coordinator');
    const { record } = await servedAndSignedOut(user);
    const approved = await call('POST', `/service-records/${record.id}/decision`, { token: coordinator, body: { decision: 'approve' } });
    expect(approved.status).toBe(200);
    const pending = pointsForMinutes(record.minutes, 10);
    expect(pending).toBeGreaterThan(0);
    expect(approved.body).toMatchObject({ record: { status: 'approved', pointsPending: pending }, balance: 0 });
    expect(approved.body.record).not.toHaveProperty('points');
    // The hours count at once; the points wait, and the page says how many.
    expect((await call('GET', '/me/points', { token: user.token })).body).toMatchObject({ balance: 0, approvedMinutes: record.minutes });
    expect((await call('GET', '/me/volunteer', { token: user.token })).body).toMatchObject({ certified: false, pendingPoints: pending });
    const told = (await call('GET', '/me/messages', { token: user.token })).body.items[0];
    expect(told.body).toContain(`取得中心注册志愿者资格认证后获得 ${pending} 积分`);

    // Passing the exam certifies and credits what waited, once.
    const { attempt } = (await call('POST', '/exam/attempts', { token: user.token })).body;
    const passed = await call('POST', `/exam/attempts/${attempt.id}/submit`, {
      token: user.token,
      body: { answers: await rightAnswers(user.userId, attempt.id) },
    });
    expect(passed.body.attempt.status).toBe('passed');
    const points = (await call('GET', '/me/points', { token: user.token })).body;
    expect(points).toMatchObject({ balance: pending, approvedMinutes: record.minutes });
    expect(points.entries).toEqual([expect.objectContaining({ type: 'EARN', amount: pending, balanceAfter: pending })]);
    const [credited] = (await call('GET', '/me/service-records', { token: user.token })).body.items;
    expect(credited).toMatchObject({ id: record.id, status: 'approved', points: pending });
    expect(credited).not.toHaveProperty('pointsPending');
    // Visiting 志愿者中心 again, or crediting again, pays nothing twice.
    expect((await call('GET', '/me/volunteer', { token: user.token })).body).toMatchObject({ certified: true, pendingPoints: 0 });
    expect((await call('GET', '/me/points', { token: user.token })).body.balance).toBe(pending);
  });

  it('credits each waiting record exactly once however many credits run at once, and pays a certified volunteer at approval', async () => {
    const user = await applicant();
    const { token: coordinator } = await signIn('coordinator');
    const records = [(await servedAndSignedOut(user)).record, (await servedAndSignedOut(user)).record];
    for (const record of records)
      expect(
        (await call('POST', `/service-records/${record.id}/decision`, { token: coordinator, body: { decision: 'approve' } })).status,
      ).toBe(200);
    const waiting = records.reduce((total, record) => total + pointsForMinutes(record.minutes, 10), 0);
    // Certified by an admin's grant this time: the next credits find it.
    expect(await transactNamed(doc, [{ name: 'role', item: userItems.grant(user.userId, Role.VOLUNTEER) }])).toBe('ok');
    const hours = hoursService();
    const credits = await Promise.all([
      hours.creditCertified(user.userId, user.userId),
      hours.creditCertified(user.userId, user.userId),
      hours.creditCertified(user.userId, user.userId),
      call('GET', '/me/volunteer', { token: user.token }).then(() => 0),
    ]);
    expect(credits.reduce((total, credited) => total + credited, 0)).toBeLessThanOrEqual(waiting);
    const points = (await call('GET', '/me/points', { token: user.token })).body;
    expect(points.balance).toBe(waiting);
    expect(points.entries.filter((entry: { type: string }) => entry.type === 'EARN')).toHaveLength(2);
    expect(await hours.creditCertified(user.userId, user.userId)).toBe(0);

    // Now certified: the next approval pays at once.
    const { record } = await servedAndSignedOut(user);
    const paid = await call('POST', `/service-records/${record.id}/decision`, { token: coordinator, body: { decision: 'approve' } });
    expect(paid.body).toMatchObject({
      record: { points: pointsForMinutes(record.minutes, 10) },
      balance: waiting + pointsForMinutes(record.minutes, 10),
    });
    expect(paid.body.record).not.toHaveProperty('pointsPending');
  });

  it('validates questions naming the field', async () => {
    const { token } = await signIn('coordinator');
    const single = await call('POST', '/exam/questions', {
      token,
      body: { category: '礼仪', type: 'single', text: '单选题示例', options: ['甲', '乙'], answer: [0, 1] },
    });
    expect([single.status, single.body.error.details[0].path]).toEqual([400, 'answer']);
    const missing = await call('POST', '/exam/questions', {
      token,
      body: { category: '礼仪', type: 'single', text: '单选题示例', options: ['甲', '乙'], answer: [4] },
    });
    expect([missing.status, missing.body.error.details[0].path]).toEqual([400, 'answer']);
  });
});

describe('bad input on the volunteer routes', () => {
  it.each([
    ['POST', '/service-records/01ANYRECORD/decision', { decision: 'maybe' }, 'decision'],
    ['POST', '/service-records/teaching', { activityId: 'a1' }, 'lecturerId'],
    ['POST', '/exam/attempts/01ANYATTEMPT/submit', { answers: 'all of them' }, 'answers'],
    ['PATCH', '/exam/questions/01ANYQUESTION', { active: 'yes' }, 'active'],
    ['GET', '/service-records?status=lost', undefined, 'status'],
    ['GET', '/volunteers?status=famous', undefined, 'status'],
    ['PUT', '/me/volunteer', { ...application, skills: [] }, 'skills'],
  ])('%s %s answers 400 naming %s', async (method, path, body, field) => {
    const { token } = await signIn('coordinator');
    const reply = await call(method, path, { token, body });
    expect([reply.status, reply.body.error.code, reply.body.error.details[0].path]).toEqual([400, 'VALIDATION_FAILED', field]);
  });
});
