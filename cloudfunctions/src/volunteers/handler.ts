/** Volunteer routes: application and certification exam, question banks, training quizzes, service hours and the certificates. */
import { DEFAULT_EXAM_SETTINGS, earnsServicePoints } from '@hele/shared';
import { activitySummary } from '../domain/activities/summary';
import { env } from '../lib/config';
import { createHttpHandler, ok } from '../lib/http';
import { ledger } from '../domain/ledger';
import { quizSettings } from '../domain/question-bank';
import { trainings } from '../domain/trainings';
import { createCertificateService, type CertificateService } from './certificate-service';
import { createExamService, type ExamService } from './exam-service';
import { CERTIFICATE_ISSUER, createHoursService, type HoursService } from './hours-service';
import { createQuizService, type QuizService } from './quiz-service';
import { attemptRepository, certificateRepository, questionRepository, serviceRecordRepository, volunteerRepository } from './repository';
import { volunteersRoutes } from '@hele/shared/contract/volunteers';

let examService: ExamService | undefined;
let hoursService: HoursService | undefined;
let quizService: QuizService | undefined;
let certificateService: CertificateService | undefined;
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
const quiz = () =>
  (quizService ??= createQuizService({ questions: questionRepository, attempts: attemptRepository, trainings, settings: quizSettings() }));
const hours = () =>
  (hoursService ??= createHoursService({
    ledger,
    records: serviceRecordRepository,
    activity: activitySummary,
    pointsPerHour: env().POINTS_PER_HOUR,
    declaring: { maxAgeDays: env().HOURS_DECLARE_MAX_AGE_DAYS, dailyMaxMinutes: env().HOURS_DECLARE_DAILY_MAX_MINUTES },
  }));
const certificates = () =>
  (certificateService ??= createCertificateService({
    certificates: certificateRepository,
    recordsOf: serviceRecordRepository.allOfUser,
    issuer: CERTIFICATE_ISSUER,
    appOrigin: env().APP_ORIGIN,
  }));

export const handler = createHttpHandler(volunteersRoutes, {
  // A certified volunteer's hours that waited for the certification are credited here too, should the credit
  // after the exam have been cut short; it finds nothing to do once they are.
  me: async ({ caller }) => {
    if (earnsServicePoints(caller.roles)) await hours().creditCertified(caller.id, caller.id);
    const [mine, pendingPoints] = await Promise.all([exam().me(caller), hours().pendingPoints(caller.id)]);
    return { ...mine, pendingPoints };
  },
  apply: async ({ body, caller }) => ({ profile: await exam().apply(body, caller) }),
  list: async ({ query }) => await exam().list(query.status ?? 'applied', query),
  // `?bank=` names the bank: the certification exam's (the default) or a training topic's.
  addQuestion: async ({ query, body }) => ({ question: await exam().createQuestion(query.bank, body) }),
  questions: async ({ query }) => await exam().listQuestions(query.bank, query),
  updateQuestion: async ({ params, query, body }) => ({ question: await exam().setQuestionActive(query.bank, params.id, body.active) }),
  startExam: async ({ caller }) => {
    const { attempt, created: isNew } = await exam().start(caller);
    return isNew ? { attempt } : ok({ attempt });
  },
  // Passing certifies: the points of hours approved before then are credited at once (服务攒积分 + 资格认证).
  submitExam: async ({ params, body, caller }) => {
    const attempt = await exam().submit(params.id, body.answers, caller);
    if (attempt.status === 'passed') await hours().creditCertified(caller.id, caller.id);
    return { attempt };
  },
  examAttempts: async ({ query }) => await exam().allAttempts(query.bank, query),
  quizStatus: async ({ params, caller }) => await quiz().status(params.topic, caller),
  startQuiz: async ({ params, caller }) => {
    const { attempt, created: isNew } = await quiz().start(params.topic, caller);
    return isNew ? { attempt } : ok({ attempt });
  },
  submitQuiz: async ({ params, body, caller }) => ({ attempt: await quiz().submit(params.topic, params.id, body.answers, caller) }),
  declareHours: async ({ body, caller }) => ({ record: await hours().declare(body, caller) }),
  myHours: async ({ query, caller }) => await hours().mine(caller, query),
  hours: async ({ query }) => await hours().byStatus(query.status ?? 'pending', query),
  decideHours: async ({ params, body, caller }) => await hours().decide(params.id, body, caller),
  recordTeaching: async ({ body, caller }) => ({ record: await hours().recordTeaching(body, caller) }),
  declareTeaching: async ({ body, caller }) => ({ record: await hours().declareTeaching(body.activityId, caller) }),
  certificate: async ({ caller }) => ({ certificate: await hours().certificate(caller) }),
  issueCertificate: async ({ caller }) => {
    const { certificate, created: isNew } = await certificates().issue(caller);
    return isNew ? { certificate } : ok({ certificate });
  },
  myCertificates: async ({ query, caller }) => await certificates().mine(caller, query),
  certificates: async ({ query }) => await certificates().all(query.status, query),
  verifyCertificate: async ({ params }) => ({ certificate: await certificates().verify(params.serial) }),
  revokeCertificate: async ({ params, body, caller }) => ({ certificate: await certificates().revoke(params.serial, body, caller) }),
});
