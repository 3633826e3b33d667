/** What the volunteers and exams tables hold. */
import { ExamAttempt, ExamBank, ExamBankSchema, IssuedCertificate, Question, VolunteerProfile } from '@hele/shared';
import * as z from 'zod';

/** The stored profile has the API's shape, with the phone in full (masked on the way out). */
export const VolunteerRecord = VolunteerProfile;
export type VolunteerRecord = z.infer<typeof VolunteerRecord>;

/** A question of a bank as stored: the API's shape under its keys (the key names the bank). */
export const QuestionRecord = Question.extend({ pk: z.string(), sk: z.string() });
export type QuestionRecord = z.infer<typeof QuestionRecord>;

/** An attempt as stored: the API's shape (its total is the paper's length) under its keys, with the paper itself. */
export const AttemptRecord = ExamAttempt.omit({ total: true, questions: true }).extend({
  pk: z.string(),
  sk: z.string(),
  /** Which bank's exam; attempts from before topics had banks are certification ones. */
  bank: ExamBankSchema.default(ExamBank.CERTIFICATION),
  listKey: z.string(),
  /** The paper as drawn, answers included: it never leaves the server before grading. */
  paper: z.array(Question.omit({ active: true, createdAt: true })),
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
 * An issued certificate as stored: the API's shape (its link is made on the way out), with the digest
 * of what it certifies (issuing again with nothing new gives the same one back) and who revoked it.
 */
export const CertificateRecord = IssuedCertificate.omit({ verifyUrl: true }).extend({
  digest: z.string(),
  /** `certificate`: every certificate on one index key, for coordinators. */
  listKey: z.string(),
  revokedBy: z.string().optional(),
});
export type CertificateRecord = z.infer<typeof CertificateRecord>;
