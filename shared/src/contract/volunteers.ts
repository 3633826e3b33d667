/** The volunteers function's routes, and its documents (their own function: exceljs stays off the volunteers' cold start). */
import * as z from 'zod';
import { Role } from '../constants';
import { XLSX_TYPE } from '../rules/roster-import';
import {
  BankListQuery,
  BankQuery,
  CertificateListQuery,
  DeclareHoursRequest,
  ExamAttemptPage,
  ExamAttemptResponse,
  HoursDecisionRequest,
  HoursWorkbookQuery,
  IdParams,
  IssuedCertificate,
  IssuedCertificatePage,
  IssuedCertificateResponse,
  ListQuery,
  MyVolunteerResponse,
  PublicCertificate,
  Question,
  QuestionInput,
  QuestionPage,
  QuestionUpdateRequest,
  RevokeCertificateRequest,
  SerialParams,
  ServiceCertificate,
  ServiceRecord,
  ServiceRecordPage,
  ServiceRecordQuery,
  SubmitExamRequest,
  TeachingDeclaration,
  TeachingRequest,
  TopicAttemptParams,
  TopicParams,
  TrainingQuizResponse,
  VolunteerApplicationRequest,
  VolunteerListQuery,
  VolunteerPage,
  VolunteerProfile,
} from '../schemas';
import { COORDINATORS } from './access';
import { GET, PATCH, POST, PUT, defineRoutes, fileReply } from './define';

/** The replies that several routes share. */
const QuestionReply = z.object({ question: Question });
const ServiceRecordReply = z.object({ record: ServiceRecord });

export const volunteersRoutes = defineRoutes({
  me: GET('/me/volunteer', 'user', { reply: MyVolunteerResponse }),
  apply: PUT('/me/volunteer', 'user', { body: VolunteerApplicationRequest, reply: z.object({ profile: VolunteerProfile }) }),
  list: GET('/volunteers', COORDINATORS, { query: VolunteerListQuery, reply: VolunteerPage }),
  addQuestion: POST('/exam/questions', COORDINATORS, {
    query: BankQuery,
    body: QuestionInput,
    reply: QuestionReply,
    status: 201,
  }),
  questions: GET('/exam/questions', COORDINATORS, { query: BankListQuery, reply: QuestionPage }),
  updateQuestion: PATCH('/exam/questions/{id}', COORDINATORS, {
    params: IdParams,
    query: BankQuery,
    body: QuestionUpdateRequest,
    reply: QuestionReply,
  }),
  startExam: POST('/exam/attempts', 'user', { reply: ExamAttemptResponse, status: 201 }),
  submitExam: POST('/exam/attempts/{id}/submit', 'user', { params: IdParams, body: SubmitExamRequest, reply: ExamAttemptResponse }),
  examAttempts: GET('/exam/attempts', COORDINATORS, { query: BankListQuery, reply: ExamAttemptPage }),
  quizStatus: GET('/trainings/{topic}/quiz', 'user', { params: TopicParams, reply: TrainingQuizResponse }),
  startQuiz: POST('/trainings/{topic}/quiz/attempts', 'user', { params: TopicParams, reply: ExamAttemptResponse, status: 201 }),
  submitQuiz: POST('/trainings/{topic}/quiz/attempts/{id}/submit', 'user', {
    params: TopicAttemptParams,
    body: SubmitExamRequest,
    reply: ExamAttemptResponse,
  }),
  declareHours: POST('/me/service-records', 'user', { body: DeclareHoursRequest, reply: ServiceRecordReply, status: 201 }),
  myHours: GET('/me/service-records', 'user', { query: ListQuery, reply: ServiceRecordPage }),
  hours: GET('/service-records', COORDINATORS, { query: ServiceRecordQuery, reply: ServiceRecordPage }),
  decideHours: POST('/service-records/{id}/decision', COORDINATORS, {
    params: IdParams,
    body: HoursDecisionRequest,
    reply: z.object({ record: ServiceRecord, balance: z.number().int().optional() }),
  }),
  recordTeaching: POST('/service-records/teaching', COORDINATORS, {
    body: TeachingRequest,
    reply: ServiceRecordReply,
    status: 201,
  }),
  declareTeaching: POST('/me/teaching', [Role.LECTURER], {
    body: TeachingDeclaration,
    reply: ServiceRecordReply,
    status: 201,
  }),
  certificate: GET('/me/service-certificate', 'user', { reply: z.object({ certificate: ServiceCertificate }) }),
  issueCertificate: POST('/me/certificates', 'user', {
    reply: IssuedCertificateResponse,
    status: 201,
    summary: 'Issues a 志愿服务证明 of the approved hours (the same one again while nothing new was approved)',
  }),
  myCertificates: GET('/me/certificates', 'user', { query: ListQuery, reply: IssuedCertificatePage }),
  certificates: GET('/certificates', COORDINATORS, { query: CertificateListQuery, reply: IssuedCertificatePage }),
  verifyCertificate: GET('/certificates/{serial}', 'public', {
    params: SerialParams,
    reply: z.object({ certificate: PublicCertificate }),
    summary: 'What a valid certificate says, for anyone who scans its QR; a revoked or unknown serial is 404',
  }),
  revokeCertificate: POST('/certificates/{serial}/revocation', COORDINATORS, {
    params: SerialParams,
    body: RevokeCertificateRequest,
    reply: z.object({ certificate: IssuedCertificate }),
  }),
});

/** The approved hours as Excel workbooks (志愿服务记录证明): the only volunteer routes that load exceljs. */
export const volunteerDocumentsRoutes = defineRoutes({
  certificateWorkbook: GET('/certificates/{serial}/workbook', 'user', {
    params: SerialParams,
    reply: fileReply(XLSX_TYPE),
    summary: 'A certificate’s lines as a workbook, for its holder or a coordinator',
  }),
  hoursWorkbook: GET('/service-records/workbook', COORDINATORS, {
    query: HoursWorkbookQuery,
    reply: fileReply(XLSX_TYPE),
    summary: 'Every approved record of a period, with each volunteer’s total',
  }),
});
