import { DEFAULT_QUIZ_SETTINGS, type TrainingTopic } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { createActivity, futureTimes, newMembers, registerAndCheckIn } from '../../test/fixtures';
import { loadUser, toPrincipal } from '../lib/principal';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { doc } from '../lib/db';
import { trainings } from '../domain/trainings';
import { createQuizService } from './quiz-service';
import { attemptRepository, questionRepository } from './repository';

// Each topic here is used by this file only: 心理辅导 gets a full bank (a quiz), 礼仪 a bank still
// being written (no quiz yet). 应急抢救 stays without one for trainings.test.ts.
const QUIZ: TrainingTopic = 'counselling';
const UNFINISHED: TrainingTopic = 'etiquette';
const MINUTE = 60_000;

const addQuestions = async (bank: TrainingTopic, count: number) => {
  const { token } = await signIn('coordinator');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const reply = await call('POST', `/exam/questions?bank=${bank}`, {
      token,
      body: {
        category: `${bank}-${i % 2}`,
        type: 'single',
        text: `第${i + 1}题：倾听时应当？`,
        options: ['专注倾听', '打断对方', '转移话题'],
        answer: [0],
      },
    });
    expect(reply.status).toBe(201);
    ids.push(reply.body.question.id);
  }
  return ids;
};

/** A training of the topic under way now, and a service activity that requires the topic. */
const trainingNow = (topic: TrainingTopic) => {
  const endsAt = new Date(Date.now() + 90 * MINUTE).toISOString();
  return createActivity({
    kind: 'training',
    title: `志愿者学院 · ${topic} 培训`,
    trainingTopic: topic,
    capacity: 40,
    startsAt: new Date(Date.now() - 10 * MINUTE).toISOString(),
    endsAt,
    registrationClosesAt: endsAt,
    cancellationDeadline: endsAt,
  });
};

const checkIn = async (activityId: string, token: string) => expect((await registerAndCheckIn(activityId, token)).status).toBe(201);

const rightAnswers = async (userId: string, attemptId: string) =>
  Object.fromEntries((await attemptRepository.get(userId, attemptId, QUIZ))!.paper.map((question) => [question.id, question.answer]));

const myTrainings = async (token: string) => (await call('GET', '/me/trainings', { token })).body.items;

describe('training quizzes', () => {
  let training: { id: string };
  let outing: { id: string };
  beforeAll(async () => {
    await addQuestions(QUIZ, DEFAULT_QUIZ_SETTINGS.questions);
    await addQuestions(UNFINISHED, DEFAULT_QUIZ_SETTINGS.questions - 1);
    training = await trainingNow(QUIZ);
    outing = await createActivity({ kind: 'service', title: '陪伴独居老人', requiredTraining: QUIZ, capacity: 40, ...futureTimes(72) });
  });

  it('opens the quiz at check-in instead of completing, and completes the topic on a pass', async () => {
    const [volunteer] = await newMembers(1, 'quiz');
    const { token, userId } = volunteer!;
    const early = await call('POST', `/trainings/${QUIZ}/quiz/attempts`, { token });
    expect([early.status, early.body.error.code, early.body.error.details[0]]).toEqual([
      409,
      'TRAINING_NOT_ATTENDED',
      { path: 'topic', message: '心理辅导' },
    ]);
    expect((await call('GET', `/trainings/${QUIZ}/quiz`, { token })).body).toMatchObject({
      topic: QUIZ,
      training: null,
      quiz: { questions: 5, openAttempt: null },
    });

    await checkIn(training.id, token);
    expect(await myTrainings(token)).toEqual([
      expect.objectContaining({ topic: QUIZ, status: 'quiz_pending', activityId: training.id, attendedAt: expect.any(String) }),
    ]);
    expect((await myTrainings(token))[0].completedAt).toBeUndefined();
    const refused = await call('POST', `/activities/${outing.id}/registrations`, { token });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'TRAINING_REQUIRED']);

    const started = await call('POST', `/trainings/${QUIZ}/quiz/attempts`, { token });
    expect(started.status).toBe(201);
    const { attempt } = started.body;
    expect(attempt.questions).toHaveLength(DEFAULT_QUIZ_SETTINGS.questions);
    expect(JSON.stringify(attempt.questions)).not.toContain('answer');
    const again = await call('POST', `/trainings/${QUIZ}/quiz/attempts`, { token });
    expect([again.status, again.body.attempt.id]).toEqual([200, attempt.id]);
    expect((await call('GET', `/trainings/${QUIZ}/quiz`, { token })).body.quiz.openAttempt.id).toBe(attempt.id);
    // The certification exam is another bank: this attempt is not found there.
    expect((await call('POST', `/exam/attempts/${attempt.id}/submit`, { token, body: { answers: {} } })).status).toBe(404);

    // Two submissions race: one grades and completes the topic, the other finds the attempt closed.
    const answers = await rightAnswers(userId, attempt.id);
    const replies = await Promise.all(
      [0, 1].map(() => call('POST', `/trainings/${QUIZ}/quiz/attempts/${attempt.id}/submit`, { token, body: { answers } })),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const passed = replies.find((reply) => reply.status === 200)!.body.attempt;
    expect(passed).toMatchObject({ status: 'passed', score: 100, total: DEFAULT_QUIZ_SETTINGS.questions });
    expect(replies.find((reply) => reply.status === 409)!.body.error.code).toBe('ALREADY_SUBMITTED');
    expect(await myTrainings(token)).toEqual([
      expect.objectContaining({ topic: QUIZ, status: 'completed', completedAt: passed.submittedAt }),
    ]);

    expect((await call('POST', `/activities/${outing.id}/registrations`, { token })).status).toBe(201);
    const more = await call('POST', `/trainings/${QUIZ}/quiz/attempts`, { token });
    expect([more.status, more.body.error.code]).toEqual([409, 'TRAINING_COMPLETED']);

    const { token: coordinator } = await signIn('coordinator');
    const ofQuiz = (await call('GET', `/exam/attempts?bank=${QUIZ}&limit=100`, { token: coordinator })).body.items;
    expect(ofQuiz.find((item: { id: string }) => item.id === attempt.id)).toMatchObject({ status: 'passed', nickname: volunteer!.name });
    const ofExam = (await call('GET', '/exam/attempts?limit=100', { token: coordinator })).body.items;
    expect(ofExam.find((item: { id: string }) => item.id === attempt.id)).toBeUndefined();
  });

  it('pays a party member 党员积分 for the pass, once, by the center’s rule for quizzes', async () => {
    const [member] = await newMembers(1, 'quiz');
    const { token, userId } = member!;
    expect((await call('PATCH', '/me', { token, body: { politicalStatus: 'party_member' } })).status).toBe(200);
    await checkIn(training.id, token);
    const { attempt } = (await call('POST', `/trainings/${QUIZ}/quiz/attempts`, { token })).body;
    const answers = await rightAnswers(userId, attempt.id);
    expect((await call('POST', `/trainings/${QUIZ}/quiz/attempts/${attempt.id}/submit`, { token, body: { answers } })).status).toBe(200);
    expect((await call('POST', `/trainings/${QUIZ}/quiz/attempts/${attempt.id}/submit`, { token, body: { answers } })).status).toBe(409);
    const { token: coordinator } = await signIn('coordinator');
    const { quiz } = (await call('GET', '/points/settings', { token: coordinator })).body.settings.party;
    const party = (await call('GET', '/me/party-points', { token })).body;
    expect(party.entries).toEqual([
      expect.objectContaining({ type: 'EARN', amount: Math.min(quiz.points, quiz.monthlyCap), reason: '通过测验：心理辅导培训测验' }),
    ]);
    expect((await call('GET', '/me/points', { token })).body.balance).toBe(0);
  });

  it('fails below the mark and cools down; a later pass completes the topic once', async () => {
    const [volunteer] = await newMembers(1, 'quiz');
    const { token, userId } = volunteer!;
    await checkIn(training.id, token);
    const { attempt } = (await call('POST', `/trainings/${QUIZ}/quiz/attempts`, { token })).body;
    const failed = await call('POST', `/trainings/${QUIZ}/quiz/attempts/${attempt.id}/submit`, { token, body: { answers: {} } });
    expect(failed.body.attempt).toMatchObject({ status: 'failed', score: 0 });
    const soon = await call('POST', `/trainings/${QUIZ}/quiz/attempts`, { token });
    expect([soon.status, soon.body.error.code]).toEqual([409, 'EXAM_COOLDOWN']);
    const status = (await call('GET', `/trainings/${QUIZ}/quiz`, { token })).body;
    expect(status).toMatchObject({ training: { status: 'quiz_pending' }, quiz: { lastAttempt: { id: attempt.id, status: 'failed' } } });
    expect(status.quiz.retryAt).toBeTruthy();
    expect(await trainings.hasCompleted(userId, QUIZ)).toBe(false);

    // A day later the cool-down is over.
    const tomorrow = createQuizService({
      questions: questionRepository,
      attempts: attemptRepository,
      trainings,
      settings: DEFAULT_QUIZ_SETTINGS,
      now: () => new Date(Date.now() + 25 * 3600_000),
    });
    const principal = toPrincipal((await loadUser(userId))!);
    const { attempt: second, created } = await tomorrow.start(QUIZ, principal);
    expect(created).toBe(true);
    expect(await tomorrow.submit(QUIZ, second.id, await rightAnswers(userId, second.id), principal)).toMatchObject({ status: 'passed' });
    const completed = await trainings.get(userId, QUIZ);
    expect(completed?.completedAt).toBeTruthy();

    // Attending another session later keeps the completion as it was.
    const session = await trainingNow(QUIZ);
    await checkIn(session.id, token);
    expect(await trainings.get(userId, QUIZ)).toMatchObject({ completedAt: completed!.completedAt, activityId: session.id });
  });

  it('completes at check-in a topic whose bank holds less than a paper', async () => {
    const [volunteer] = await newMembers(1, 'quiz');
    await checkIn((await trainingNow(UNFINISHED)).id, volunteer!.token);
    expect(await myTrainings(volunteer!.token)).toEqual([
      expect.objectContaining({ topic: UNFINISHED, status: 'completed', completedAt: expect.any(String) }),
    ]);
    const reply = await call('POST', `/trainings/${UNFINISHED}/quiz/attempts`, { token: volunteer!.token });
    expect([reply.status, reply.body.error.code]).toEqual([409, 'TRAINING_COMPLETED']);
  });

  it('completes the topic of a volunteer who attended while it had a quiz, once its bank no longer holds a paper', async () => {
    const [volunteer] = await newMembers(1, 'quiz');
    // Attended when the topic had a quiz (the bank was emptied since): the record says so.
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          trainings.attend(
            { userId: volunteer!.userId, topic: UNFINISHED, activityId: 'a-earlier', title: '礼仪培训（往期）' },
            new Date().toISOString(),
          ),
        ],
      }),
    );
    expect(await myTrainings(volunteer!.token)).toEqual([expect.objectContaining({ topic: UNFINISHED, status: 'quiz_pending' })]);
    const reply = await call('POST', `/trainings/${UNFINISHED}/quiz/attempts`, { token: volunteer!.token });
    expect([reply.status, reply.body.error.code]).toEqual([409, 'TRAINING_COMPLETED']);
    expect(await myTrainings(volunteer!.token)).toEqual([
      expect.objectContaining({ topic: UNFINISHED, status: 'completed', completedAt: expect.any(String) }),
    ]);
  });

  it('keeps a bank per topic for coordinators, apart from the certification bank', async () => {
    const { token } = await signIn('coordinator');
    const [id] = await addQuestions(QUIZ, 1);
    const ofTopic = (await call('GET', `/exam/questions?bank=${QUIZ}&limit=100`, { token })).body.items;
    expect(ofTopic.map((question: { id: string }) => question.id)).toContain(id);
    const ofExam = (await call('GET', '/exam/questions?limit=100', { token })).body.items;
    expect(ofExam.map((question: { id: string }) => question.id)).not.toContain(id);
    expect((await call('PATCH', `/exam/questions/${id}`, { token, body: { active: false } })).status).toBe(404);
    const retired = await call('PATCH', `/exam/questions/${id}?bank=${QUIZ}`, { token, body: { active: false } });
    expect([retired.status, retired.body.question.active]).toEqual([200, false]);
  });
});

describe('bad input on the quiz and bank routes', () => {
  it.each([
    ['GET', '/trainings/swimming/quiz', undefined, 'topic'],
    ['POST', '/trainings/swimming/quiz/attempts', undefined, 'topic'],
    ['POST', `/trainings/${QUIZ}/quiz/attempts/01ANYATTEMPT/submit`, { answers: 'all of them' }, 'answers'],
    ['POST', `/trainings/${QUIZ}/quiz/attempts/not.an.id/submit`, { answers: {} }, 'id'],
    ['GET', '/exam/questions?bank=swimming', undefined, 'bank'],
    [
      'POST',
      '/exam/questions?bank=swimming',
      { category: '礼仪', type: 'single', text: '志愿服务应当？', options: ['自愿', '强制'], answer: [0] },
      'bank',
    ],
    ['PATCH', '/exam/questions/01ANYQUESTION?bank=swimming', { active: false }, 'bank'],
    ['GET', '/exam/attempts?bank=swimming', undefined, 'bank'],
  ])('%s %s answers 400 naming %s', async (method, path, body, field) => {
    const { token } = await signIn('coordinator');
    const reply = await call(method, path, { token, body });
    expect([reply.status, reply.body.error.code, reply.body.error.details[0].path]).toEqual([400, 'VALIDATION_FAILED', field]);
  });
});
