import { DEFAULT_EXAM_SETTINGS } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { newMembers, withRealName } from '../../test/fixtures';
import { loadUser, toPrincipal } from '../lib/principal';
import { createExamService } from './exam-service';
import { attemptRepository, questionRepository, volunteerRepository } from './repository';

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
