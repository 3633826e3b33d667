/**
 * Volunteer certification: the application (profile), the question bank, and the exam. A paper is
 * drawn at random and kept on the server with its answers; the candidate gets the questions only.
 * Grading happens here; passing grants the volunteer role and certifies the profile in the same
 * transaction that closes the attempt; a failure starts a cool-down. One attempt is open at a time.
 */
import {
  drawPaper,
  gradePaper,
  maskPhone,
  passes,
  retryAt,
  Role,
  starLevel,
  submittedInTime,
  type ExamAttempt,
  type ExamSettings,
  type MyVolunteerResponse,
  type QuestionInput,
  type VolunteerApplicationRequest,
  type VolunteerProfile,
} from '@hele/shared';
import { ulid } from 'ulid';
import { ConflictError, NotFoundError } from '../lib/errors';
import { roleItems, type Principal } from '../lib/principal';
import { DEFAULT_RETRY, retrying } from '../lib/retry';
import { approvedMinutesOf } from '../lib/service-records';
import type { AttemptRecord, QuestionRecord, VolunteerRecord } from './records';
import { attemptKeys, type attemptRepository as AttemptRepository, type questionRepository as QuestionRepository, type volunteerRepository as VolunteerRepository } from './repository';

export interface ExamDeps {
  volunteers: typeof VolunteerRepository;
  questions: typeof QuestionRepository;
  attempts: typeof AttemptRepository;
  settings: ExamSettings;
  now?: () => Date;
  random?: () => number;
}

const toProfile = (record: VolunteerRecord, unmasked: boolean): VolunteerProfile => ({ ...record, phone: unmasked ? record.phone : maskPhone(record.phone) });

export const toQuestion = ({ pk: _pk, sk: _sk, ...question }: QuestionRecord) => question;

/** The candidate sees the questions of an open attempt, never their answers; closed attempts show the result only. */
const toAttempt = (record: AttemptRecord, withQuestions = false): ExamAttempt => ({
  id: record.id,
  userId: record.userId,
  nickname: record.nickname,
  status: record.status,
  startedAt: record.startedAt,
  deadline: record.deadline,
  total: record.paper.length,
  passMark: record.passMark,
  ...(record.submittedAt ? { submittedAt: record.submittedAt } : {}),
  ...(record.score !== undefined ? { score: record.score, correct: record.correct } : {}),
  ...(withQuestions && record.status === 'open' ? { questions: record.paper.map(({ answer: _answer, ...question }) => question) } : {}),
});

export const createExamService = ({ volunteers, questions, attempts, settings, now = () => new Date(), random = Math.random }: ExamDeps) => {
  const isVolunteer = (caller: Principal) => caller.roles.includes(Role.VOLUNTEER);

  /** Closes an attempt; a pass certifies and grants the role with it. Answers the closed record, or undefined if it was closed meanwhile. */
  const close = async (attempt: AttemptRecord, score: number, correct: number, at: Date) => {
    const passed = passes(score, attempt.passMark);
    const iso = at.toISOString();
    const result = { status: passed ? ('passed' as const) : ('failed' as const), score, correct, at: iso, ...(passed ? {} : { retryAt: retryAt(iso, settings.cooldownHours).toISOString() }) };
    // If the role was granted meanwhile (by an admin), the attempt still closes and certifies.
    let grantRole = passed;
    return retrying(async () => {
      const grant = passed ? [{ name: 'certify' as const, item: volunteers.items.certify(attempt.userId, iso) }] : [];
      const role = grantRole ? [{ name: 'role' as const, item: roleItems.grant(attempt.userId, Role.VOLUNTEER) }] : [];
      const outcome = await attempts.close(attempt, result, [...grant, ...role]);
      if (outcome === 'ok') return { closed: { ...attempt, ...result } as AttemptRecord };
      if (outcome === 'role') grantRole = false;
      if (outcome === 'role' || outcome === 'conflict') return undefined;
      return { closed: undefined };
    }, DEFAULT_RETRY);
  };

  /** An open attempt past its deadline counts as failed (score 0) from its deadline. */
  const expire = (attempt: AttemptRecord) => close(attempt, 0, 0, new Date(attempt.deadline));

  return {
    async me(caller: Principal): Promise<MyVolunteerResponse> {
      const at = now();
      const [profile, state, recent, minutes] = await Promise.all([
        volunteers.get(caller.id),
        attempts.state(caller.id),
        attempts.ofCandidate(caller.id, { limit: 2 }),
        approvedMinutesOf(caller.id),
      ]);
      const open = recent.items.find((attempt) => attempt.status === 'open' && attempt.id === state.openAttemptId && submittedInTime(attempt.deadline, at));
      const last = recent.items.find((attempt) => attempt.status !== 'open');
      const waiting = state.retryAt && Date.parse(state.retryAt) > at.getTime() ? state.retryAt : null;
      return {
        profile: profile ? toProfile(profile, false) : null,
        certified: isVolunteer(caller),
        exam: {
          questions: settings.questions,
          minutes: settings.minutes,
          passMark: settings.passMark,
          openAttempt: open ? toAttempt(open, true) : null,
          lastAttempt: last ? toAttempt(last) : null,
          retryAt: waiting,
        },
        approvedMinutes: minutes,
        ...starLevel(minutes),
      };
    },

    async apply(input: VolunteerApplicationRequest, caller: Principal) {
      const record = await volunteers.apply(
        { userId: caller.id, nickname: caller.nickname, skills: input.skills, availability: input.availability, phone: input.phone, ...(input.intro ? { intro: input.intro } : {}) },
        isVolunteer(caller) ? 'certified' : 'applied',
        now().toISOString(),
      );
      return toProfile(record, false);
    },

    async list(status: VolunteerRecord['status'], page: { limit: number; cursor?: string }) {
      const result = await volunteers.list(status, page);
      return { items: result.items.map((record) => toProfile(record, true)), nextCursor: result.nextCursor };
    },

    async createQuestion(input: QuestionInput) {
      const id = ulid(now().getTime());
      const record: QuestionRecord = { pk: 'Q', sk: id, id, ...input, active: true, createdAt: now().toISOString() };
      await questions.create(record);
      return toQuestion(record);
    },

    async listQuestions(page: { limit: number; cursor?: string }) {
      const result = await questions.list(page);
      return { items: result.items.map(toQuestion), nextCursor: result.nextCursor };
    },

    async setQuestionActive(id: string, active: boolean) {
      const record = await questions.setActive(id, active);
      if (!record) throw new NotFoundError('Question');
      return toQuestion(record);
    },

    /** Starts an attempt, or hands back the one still running (a reload does not draw a new paper). */
    async start(caller: Principal): Promise<{ attempt: ExamAttempt; created: boolean }> {
      if (isVolunteer(caller)) throw new ConflictError('ALREADY_VOLUNTEER', 'You are a certified volunteer already');
      if (!(await volunteers.get(caller.id))) throw new ConflictError('APPLY_FIRST', 'Apply to volunteer before the exam');
      return retrying(async () => {
        const at = now();
        const state = await attempts.state(caller.id);
        if (state.openAttemptId) {
          const open = await attempts.get(caller.id, state.openAttemptId);
          if (open && open.status === 'open' && submittedInTime(open.deadline, at)) return { attempt: toAttempt(open, true), created: false };
          if (open?.status === 'open') await expire(open);
          return undefined; // read the state again
        }
        if (state.retryAt && Date.parse(state.retryAt) > at.getTime()) {
          throw new ConflictError('EXAM_COOLDOWN', `You may sit the exam again after ${state.retryAt}`, [{ path: 'retryAt', message: state.retryAt }]);
        }
        const bank = await questions.active();
        if (bank.length < settings.questions) throw new ConflictError('EXAM_UNAVAILABLE', 'The question bank is not ready yet');
        const id = ulid(at.getTime());
        const record: AttemptRecord = {
          ...attemptKeys(caller.id, id),
          listKey: 'attempt',
          id,
          userId: caller.id,
          nickname: caller.nickname,
          status: 'open',
          startedAt: at.toISOString(),
          deadline: new Date(at.getTime() + settings.minutes * 60_000).toISOString(),
          paper: drawPaper(bank, settings.questions, random).map(({ id: questionId, category, type, text, options, answer }) => ({ id: questionId, category, type, text, options, answer })),
          passMark: settings.passMark,
        };
        const outcome = await attempts.start(record, at.toISOString());
        if (outcome === 'ok') return { attempt: toAttempt(record, true), created: true };
        return undefined; // another start won, or a cool-down began: read again
      }, DEFAULT_RETRY);
    },

    async submit(id: string, answers: Record<string, number[]>, caller: Principal): Promise<ExamAttempt> {
      const attempt = await attempts.get(caller.id, id);
      if (!attempt) throw new NotFoundError('Attempt');
      if (attempt.status !== 'open') throw new ConflictError('ALREADY_SUBMITTED', 'This attempt is closed');
      const at = now();
      if (!submittedInTime(attempt.deadline, at)) {
        await expire(attempt);
        throw new ConflictError('EXAM_TIME_UP', 'Time is up: the attempt was not graded');
      }
      const grade = gradePaper(attempt.paper, answers);
      const { closed } = await close(attempt, grade.score, grade.correct, at);
      if (!closed) throw new ConflictError('ALREADY_SUBMITTED', 'This attempt is closed');
      return toAttempt(closed);
    },

    async allAttempts(page: { limit: number; cursor?: string }) {
      const result = await attempts.all(page);
      return { items: result.items.map((attempt) => toAttempt(attempt)), nextCursor: result.nextCursor };
    },
  };
};

export type ExamService = ReturnType<typeof createExamService>;
