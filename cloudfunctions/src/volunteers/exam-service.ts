/**
 * Volunteer certification: the application (profile), the question banks (the certification bank
 * and each academy topic's), and the certification exam on the shared exam engine. Passing grants
 * the volunteer role and certifies the profile in the same transaction that closes the attempt.
 */
import {
  ExamBank,
  maskPhone,
  holdsRole,
  Role,
  starLevel,
  type ExamAttempt,
  type MyVolunteerResponse,
  type QuestionInput,
  type VolunteerApplicationRequest,
  type VolunteerProfile,
} from '@hele/shared';
import { ulid } from 'ulid';
import { ConflictError, NotFoundError } from '../lib/errors';
import { loadUser, userItems, type Principal } from '../lib/principal';
import { questionKeys } from '../domain/question-bank';
import { approvedMinutesOf } from '../domain/service-records';
import { createExamEngine, toAttempt, type EngineBaseDeps } from './exam-engine';
import type { QuestionRecord, VolunteerRecord } from './records';
import type { volunteerRepository as VolunteerRepository } from './repository';

export interface ExamDeps extends EngineBaseDeps {
  volunteers: typeof VolunteerRepository;
}

const toProfile = (record: VolunteerRecord, unmasked: boolean): VolunteerProfile => ({
  ...record,
  phone: unmasked ? record.phone : maskPhone(record.phone),
});

export const toQuestion = ({ pk: _pk, sk: _sk, ...question }: QuestionRecord) => question;

const CERTIFICATION = ExamBank.CERTIFICATION;

export const createExamService = (deps: ExamDeps) => {
  const { volunteers, questions, attempts, now = () => new Date() } = deps;
  const isVolunteer = (caller: Principal) => holdsRole(caller.roles, Role.VOLUNTEER);
  const engine = createExamEngine({
    ...deps,
    // If the role was granted meanwhile (by an admin), the attempt still closes and certifies.
    onPass: (attempt, at) => [
      { name: 'certify', item: volunteers.items.certify(attempt.userId, at) },
      { name: 'role', item: userItems.grant(attempt.userId, Role.VOLUNTEER), once: true },
    ],
  });

  return {
    async me(caller: Principal): Promise<MyVolunteerResponse> {
      const [profile, exam, minutes] = await Promise.all([
        volunteers.get(caller.id),
        engine.status(CERTIFICATION, caller.id),
        approvedMinutesOf(caller.id),
      ]);
      return {
        profile: profile ? toProfile(profile, false) : null,
        certified: isVolunteer(caller),
        exam,
        approvedMinutes: minutes,
        ...starLevel(minutes),
      };
    },

    async apply(input: VolunteerApplicationRequest, caller: Principal) {
      // A volunteer is registered under their real name (docs/DOMAIN.md §2): the app sends them to 编辑资料.
      if (!(await loadUser(caller.id))?.realName) throw new ConflictError('REAL_NAME_REQUIRED', 'Set your real name on your profile first');
      const record = await volunteers.apply(
        {
          userId: caller.id,
          nickname: caller.nickname,
          skills: input.skills,
          availability: input.availability,
          phone: input.phone,
          ...(input.intro ? { intro: input.intro } : {}),
        },
        isVolunteer(caller) ? 'certified' : 'applied',
        now().toISOString(),
      );
      return toProfile(record, false);
    },

    async list(status: VolunteerRecord['status'], page: { limit: number; cursor?: string }) {
      const result = await volunteers.list(status, page);
      return { items: result.items.map((record) => toProfile(record, true)), nextCursor: result.nextCursor };
    },

    async createQuestion(bank: ExamBank, input: QuestionInput) {
      const id = ulid(now().getTime());
      const record: QuestionRecord = { ...questionKeys(bank, id), id, ...input, active: true, createdAt: now().toISOString() };
      await questions.create(record);
      return toQuestion(record);
    },

    async listQuestions(bank: ExamBank, page: { limit: number; cursor?: string }) {
      const result = await questions.list(bank, page);
      return { items: result.items.map(toQuestion), nextCursor: result.nextCursor };
    },

    async setQuestionActive(bank: ExamBank, id: string, active: boolean) {
      const record = await questions.setActive(bank, id, active);
      if (!record) throw new NotFoundError('Question');
      return toQuestion(record);
    },

    /** Starts an attempt, or hands back the one still running (a reload does not draw a new paper). */
    async start(caller: Principal): Promise<{ attempt: ExamAttempt; created: boolean }> {
      if (isVolunteer(caller)) throw new ConflictError('ALREADY_VOLUNTEER', 'You are a certified volunteer already');
      if (!(await volunteers.get(caller.id))) throw new ConflictError('APPLY_FIRST', 'Apply to volunteer before the exam');
      return engine.start(CERTIFICATION, caller);
    },

    submit: (id: string, answers: Record<string, number[]>, caller: Principal): Promise<ExamAttempt> =>
      engine.submit(CERTIFICATION, id, answers, caller),

    /** Coordinators' list of a bank's attempts (the certification exam's, or a topic's quiz). */
    async allAttempts(bank: ExamBank, page: { limit: number; cursor?: string }) {
      const result = await attempts.all(bank, page);
      return { items: result.items.map((attempt) => toAttempt(attempt)), nextCursor: result.nextCursor };
    },
  };
};

export type ExamService = ReturnType<typeof createExamService>;
