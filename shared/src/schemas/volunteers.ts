import * as z from 'zod';
import { ExamBank, ExamBankSchema, TrainingTopicSchema } from '../constants';
import { CompletedTraining } from './activities';
import { Id, IsoDateTime, ListQuery, page, personFields } from './common';

/** A member's application to volunteer (志愿者申请). */
export const VolunteerApplicationRequest = z
  .object({
    skills: z.array(z.string().trim().min(1).max(20)).min(1, '至少填写一项技能').max(10),
    availability: z.string().trim().min(2).max(100),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '须为 11 位手机号'),
    intro: z.string().trim().max(300).optional(),
  })
  .strict();
export type VolunteerApplicationRequest = z.infer<typeof VolunteerApplicationRequest>;

export const VolunteerStatusSchema = z.enum(['applied', 'certified']);

export const VolunteerProfile = z.object({
  ...personFields,
  skills: z.array(z.string()),
  availability: z.string(),
  /** Masked (138****5678) for everyone but a coordinator. */
  phone: z.string(),
  intro: z.string().optional(),
  status: VolunteerStatusSchema,
  appliedAt: IsoDateTime,
  certifiedAt: IsoDateTime.optional(),
});
export type VolunteerProfile = z.infer<typeof VolunteerProfile>;
export const VolunteerPage = page(VolunteerProfile);
export const VolunteerListQuery = ListQuery.extend({ status: VolunteerStatusSchema.optional() });

export const QuestionTypeSchema = z.enum(['single', 'multiple']);

/** A question of the bank as a coordinator writes it. */
export const QuestionInput = z
  .object({
    category: z.string().trim().min(1).max(20),
    type: QuestionTypeSchema,
    text: z.string().trim().min(4).max(300),
    options: z.array(z.string().trim().min(1).max(100)).min(2).max(6),
    answer: z.array(z.number().int().min(0).max(5)).min(1),
  })
  .strict()
  .superRefine((question, ctx) => {
    if (new Set(question.answer).size !== question.answer.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: '选项重复' });
    if (question.answer.some((index) => index >= question.options.length))
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '选项不存在' });
    if (question.type === 'single' && question.answer.length !== 1)
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '单选题只能有一个正确选项' });
  });
export type QuestionInput = z.infer<typeof QuestionInput>;

export const Question = z.object({
  id: Id,
  category: z.string(),
  type: QuestionTypeSchema,
  text: z.string(),
  options: z.array(z.string()),
  answer: z.array(z.number().int()),
  active: z.boolean(),
  createdAt: IsoDateTime,
});
export type Question = z.infer<typeof Question>;
export const QuestionPage = page(Question);
export const QuestionUpdateRequest = z.object({ active: z.boolean() }).strict();

/** `?bank=` of the question and attempt routes: the certification bank unless a training topic's is named. */
export const BankQuery = z.object({ bank: ExamBankSchema.default(ExamBank.CERTIFICATION) });
export type BankQuery = z.infer<typeof BankQuery>;
export const BankListQuery = ListQuery.extend(BankQuery.shape);

/** What the candidate sees: never the answer. */
export const PaperQuestion = Question.pick({ id: true, category: true, type: true, text: true, options: true });
export type PaperQuestion = z.infer<typeof PaperQuestion>;

export const AttemptStatusSchema = z.enum(['open', 'passed', 'failed']);
export type AttemptStatus = z.infer<typeof AttemptStatusSchema>;

export const ExamAttempt = z.object({
  id: Id,
  ...personFields,
  status: AttemptStatusSchema,
  startedAt: IsoDateTime,
  deadline: IsoDateTime,
  submittedAt: IsoDateTime.optional(),
  score: z.number().int().optional(),
  correct: z.number().int().optional(),
  total: z.number().int(),
  passMark: z.number().int(),
  /** Only while the attempt is open, and only to its candidate. */
  questions: z.array(PaperQuestion).optional(),
});
export type ExamAttempt = z.infer<typeof ExamAttempt>;
export const ExamAttemptPage = page(ExamAttempt);
export const ExamAttemptResponse = z.object({ attempt: ExamAttempt });

export const SubmitExamRequest = z
  .object({ answers: z.record(Id, z.array(z.number().int().min(0).max(5)).max(6)) })
  .strict()
  .refine((value) => Object.keys(value.answers).length <= 100, { path: ['answers'], message: '答案过多' });
export type SubmitExamRequest = z.infer<typeof SubmitExamRequest>;

/** Where the caller stands with one bank's exam: its rules, the attempt running, the last result, the cool-down. */
export const ExamStatus = z.object({
  questions: z.number().int(),
  minutes: z.number().int(),
  passMark: z.number().int(),
  openAttempt: ExamAttempt.nullable(),
  lastAttempt: ExamAttempt.nullable(),
  /** Set while a failed attempt's cool-down runs. */
  retryAt: IsoDateTime.nullable(),
});
export type ExamStatus = z.infer<typeof ExamStatus>;

/** The 志愿者中心 summary of the caller. */
export const MyVolunteerResponse = z.object({
  profile: VolunteerProfile.nullable(),
  certified: z.boolean(),
  exam: ExamStatus,
  approvedMinutes: z.number().int(),
  stars: z.number().int(),
  nextStars: z.number().int().nullable(),
  hoursToNext: z.number().nullable(),
  /** Points of approved hours waiting for the certification (服务攒积分 + 资格认证): credited once certified. */
  pendingPoints: z.number().int().optional(),
});
export type MyVolunteerResponse = z.infer<typeof MyVolunteerResponse>;

/** A training topic's quiz (培训测验), taken after checking in at one of its trainings. */
export const TopicParams = z.object({ topic: TrainingTopicSchema });
export const TopicAttemptParams = TopicParams.extend({ id: Id });

/** The caller's quiz of a topic: their training record (null before they attended one) and the quiz. */
export const TrainingQuizResponse = z.object({
  topic: TrainingTopicSchema,
  training: CompletedTraining.nullable(),
  quiz: ExamStatus,
});
export type TrainingQuizResponse = z.infer<typeof TrainingQuizResponse>;
