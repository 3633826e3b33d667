/** Volunteer routes: application and certification exam, question banks, training quizzes, service hours and the certificate. */
import {
  BankListQuery,
  BankQuery,
  DeclareHoursRequest,
  DEFAULT_EXAM_SETTINGS,
  HoursDecisionRequest,
  IdParams,
  ListQuery,
  QuestionInput,
  QuestionUpdateRequest,
  Role,
  ServiceRecordQuery,
  SubmitExamRequest,
  TeachingDeclaration,
  TeachingRequest,
  TopicAttemptParams,
  TopicParams,
  VolunteerApplicationRequest,
  VolunteerListQuery,
} from '@hele/shared';
import { activitySummary } from '../domain/activities/summary';
import { env } from '../lib/config';
import { createHttpHandler, created, ok, route } from '../lib/http';
import { ledger } from '../domain/ledger';
import { quizSettings } from '../domain/question-bank';
import { trainings } from '../domain/trainings';
import { createExamService, type ExamService } from './exam-service';
import { createHoursService, type HoursService } from './hours-service';
import { createQuizService, type QuizService } from './quiz-service';
import { attemptRepository, questionRepository, serviceRecordRepository, volunteerRepository } from './repository';

let examService: ExamService | undefined;
let hoursService: HoursService | undefined;
let quizService: QuizService | undefined;
const exam = () =>
  (examService ??= createExamService({
    volunteers: volunteerRepository,
    questions: questionRepository,
    attempts: attemptRepository,
    settings: {
      ...DEFAULT_EXAM_SETTINGS,
      questions: env().EXAM_QUESTIONS,
      passMark: env().EXAM_PASS_MARK,
      minutes: env().EXAM_MINUTES,
      cooldownHours: env().EXAM_COOLDOWN_HOURS,
    },
  }));
const quiz = () => (quizService ??= createQuizService({ questions: questionRepository, attempts: attemptRepository, trainings, settings: quizSettings() }));
const hours = () => (hoursService ??= createHoursService({ ledger, records: serviceRecordRepository, activity: activitySummary, pointsPerHour: env().POINTS_PER_HOUR }));

const COORDINATORS = [Role.COORDINATOR] as const;

export const handler = createHttpHandler({
  'GET /me/volunteer': route({ access: 'user', handle: async ({ caller }) => ok(await exam().me(caller)) }),
  'PUT /me/volunteer': route({
    access: 'user',
    body: VolunteerApplicationRequest,
    handle: async ({ body, caller }) => ok({ profile: await exam().apply(body, caller) }),
  }),
  'GET /volunteers': route({
    access: COORDINATORS,
    query: VolunteerListQuery,
    handle: async ({ query }) => ok(await exam().list(query.status ?? 'applied', query)),
  }),
  // `?bank=` names the bank: the certification exam's (the default) or a training topic's.
  'POST /exam/questions': route({
    access: COORDINATORS,
    query: BankQuery,
    body: QuestionInput,
    handle: async ({ query, body }) => created({ question: await exam().createQuestion(query.bank, body) }),
  }),
  'GET /exam/questions': route({ access: COORDINATORS, query: BankListQuery, handle: async ({ query }) => ok(await exam().listQuestions(query.bank, query)) }),
  'PATCH /exam/questions/{id}': route({
    access: COORDINATORS,
    params: IdParams,
    query: BankQuery,
    body: QuestionUpdateRequest,
    handle: async ({ params, query, body }) => ok({ question: await exam().setQuestionActive(query.bank, params.id, body.active) }),
  }),
  'POST /exam/attempts': route({
    access: 'user',
    handle: async ({ caller }) => {
      const { attempt, created: isNew } = await exam().start(caller);
      return isNew ? created({ attempt }) : ok({ attempt });
    },
  }),
  'POST /exam/attempts/{id}/submit': route({
    access: 'user',
    params: IdParams,
    body: SubmitExamRequest,
    handle: async ({ params, body, caller }) => ok({ attempt: await exam().submit(params.id, body.answers, caller) }),
  }),
  'GET /exam/attempts': route({ access: COORDINATORS, query: BankListQuery, handle: async ({ query }) => ok(await exam().allAttempts(query.bank, query)) }),
  'GET /trainings/{topic}/quiz': route({ access: 'user', params: TopicParams, handle: async ({ params, caller }) => ok(await quiz().status(params.topic, caller)) }),
  'POST /trainings/{topic}/quiz/attempts': route({
    access: 'user',
    params: TopicParams,
    handle: async ({ params, caller }) => {
      const { attempt, created: isNew } = await quiz().start(params.topic, caller);
      return isNew ? created({ attempt }) : ok({ attempt });
    },
  }),
  'POST /trainings/{topic}/quiz/attempts/{id}/submit': route({
    access: 'user',
    params: TopicAttemptParams,
    body: SubmitExamRequest,
    handle: async ({ params, body, caller }) => ok({ attempt: await quiz().submit(params.topic, params.id, body.answers, caller) }),
  }),
  'POST /me/service-records': route({
    access: 'user',
    body: DeclareHoursRequest,
    handle: async ({ body, caller }) => created({ record: await hours().declare(body, caller) }),
  }),
  'GET /me/service-records': route({ access: 'user', query: ListQuery, handle: async ({ query, caller }) => ok(await hours().mine(caller, query)) }),
  'GET /service-records': route({
    access: COORDINATORS,
    query: ServiceRecordQuery,
    handle: async ({ query }) => ok(await hours().byStatus(query.status ?? 'pending', query)),
  }),
  'POST /service-records/{id}/decision': route({
    access: COORDINATORS,
    params: IdParams,
    body: HoursDecisionRequest,
    handle: async ({ params, body, caller }) => ok(await hours().decide(params.id, body, caller)),
  }),
  'POST /service-records/teaching': route({
    access: COORDINATORS,
    body: TeachingRequest,
    handle: async ({ body, caller }) => created({ record: await hours().recordTeaching(body, caller) }),
  }),
  'POST /me/teaching': route({
    access: [Role.LECTURER],
    body: TeachingDeclaration,
    handle: async ({ body, caller }) => created({ record: await hours().declareTeaching(body.activityId, caller) }),
  }),
  'GET /me/service-certificate': route({ access: 'user', handle: async ({ caller }) => ok({ certificate: await hours().certificate(caller) }) }),
});
