/** Volunteer routes: application and certification exam, service hours and the certificate. */
import {
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
  VolunteerApplicationRequest,
  VolunteerListQuery,
} from '@hele/shared';
import { activitySummary } from '../lib/activity-summary';
import { env } from '../lib/config';
import { createHttpHandler, created, ok, route } from '../lib/http';
import { ledger } from '../lib/ledger';
import { createExamService, type ExamService } from './exam-service';
import { createHoursService, type HoursService } from './hours-service';
import { attemptRepository, questionRepository, serviceRecordRepository, volunteerRepository } from './repository';

let examService: ExamService | undefined;
let hoursService: HoursService | undefined;
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
  'POST /exam/questions': route({
    access: COORDINATORS,
    body: QuestionInput,
    handle: async ({ body }) => created({ question: await exam().createQuestion(body) }),
  }),
  'GET /exam/questions': route({ access: COORDINATORS, query: ListQuery, handle: async ({ query }) => ok(await exam().listQuestions(query)) }),
  'PATCH /exam/questions/{id}': route({
    access: COORDINATORS,
    params: IdParams,
    body: QuestionUpdateRequest,
    handle: async ({ params, body }) => ok({ question: await exam().setQuestionActive(params.id, body.active) }),
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
  'GET /exam/attempts': route({ access: COORDINATORS, query: ListQuery, handle: async ({ query }) => ok(await exam().allAttempts(query)) }),
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
