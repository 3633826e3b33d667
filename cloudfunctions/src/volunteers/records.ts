/** What the volunteers and exams tables hold. */
import {
  AttemptStatusSchema,
  CertificateLine,
  CertificateStatusSchema,
  ExamBank,
  ExamBankSchema,
  Question,
  VolunteerProfile,
} from '@hele/shared';
import * as z from 'zod';

/** The stored profile has the API's shape, with the phone in full (masked on the way out). */
export const VolunteerRecord = VolunteerProfile;
export type VolunteerRecord = z.infer<typeof VolunteerRecord>;

/** A question of a bank as stored: the API's shape under its keys (the key names the bank). */
export const QuestionRecord = Question.extend({ pk: z.string(), sk: z.string() });
export type QuestionRecord = z.infer<typeof QuestionRecord>;

export const AttemptRecord = z.object({
  pk: z.string(),
  sk: z.string(),
  /** Which bank's exam; attempts from before topics had banks are certification ones. */
  bank: ExamBankSchema.default(ExamBank.CERTIFICATION),
  listKey: z.string(),
  id: z.string(),
  userId: z.string(),
  nickname: z.string(),
  status: AttemptStatusSchema,
  startedAt: z.string(),
  deadline: z.string(),
  /** The paper as drawn, answers included: it never leaves the server before grading. */
  paper: z.array(Question.omit({ active: true, createdAt: true })),
  passMark: z.number().int(),
  submittedAt: z.string().optional(),
  score: z.number().int().optional(),
  correct: z.number().int().optional(),
});
export type AttemptRecord = z.infer<typeof AttemptRecord>;

/** Per candidate and bank: the attempt in progress, and when a failed one lets them sit again. */
export const CandidateState = z.object({
  openAttemptId: z.string().optional(),
  openDeadline: z.string().optional(),
  retryAt: z.string().optional(),
});
export type CandidateState = z.infer<typeof CandidateState>;

/**
 * An issued certificate as stored: the public snapshot under its serial, whose it is, the digest of
 * what it certifies (issuing again with nothing new gives the same one back), and any revocation.
 */
export const CertificateRecord = z.object({
  serial: z.string(),
  userId: z.string(),
  realName: z.string(),
  totalMinutes: z.number().int(),
  stars: z.number().int(),
  lines: z.array(CertificateLine),
  issuer: z.string(),
  issuedAt: z.string(),
  status: CertificateStatusSchema,
  digest: z.string(),
  /** `certificate`: every certificate on one index key, for coordinators. */
  listKey: z.string(),
  revokedAt: z.string().optional(),
  revokedBy: z.string().optional(),
  revokedByName: z.string().optional(),
  revocationReason: z.string().optional(),
});
export type CertificateRecord = z.infer<typeof CertificateRecord>;
