/**
 * The exam engine, shared by the certification exam and the academy's training quizzes. A paper is
 * drawn at random from one bank and kept on the server with its answers; the candidate gets the
 * questions only. It is timed and graded here; a failure starts a cool-down; one attempt per
 * candidate and bank is open at a time. What a pass does is the caller's: its writes go into the
 * transaction that closes the attempt.
 */
import {
  bankIsReady,
  drawPaper,
  gradePaper,
  passes,
  retryAt,
  submittedInTime,
  type ExamAttempt,
  type ExamBank,
  type ExamSettings,
  type ExamStatus,
} from '@hele/shared';
import { ulid } from 'ulid';
import type { TransactItem } from '../lib/db';
import { ConflictError, NotFoundError } from '../lib/errors';
import type { Principal } from '../lib/principal';
import { DEFAULT_RETRY, retrying } from '../lib/retry';
import type { AttemptRecord } from './records';
import {
  attemptKeys,
  attemptListKey,
  type attemptRepository as AttemptRepository,
  type questionRepository as QuestionRepository,
} from './repository';

/**
 * A write made by a pass. `once` marks one that records what may already hold (a role granted by an
 * admin meanwhile, a topic completed): when its condition fails it is dropped and the close retried.
 */
export interface PassWrite {
  name: string;
  item: TransactItem;
  once?: boolean;
}

/** What a service on the engine passes through to it (the exam's and the quizzes' deps start with these). */
export interface EngineBaseDeps {
  questions: typeof QuestionRepository;
  attempts: typeof AttemptRepository;
  settings: ExamSettings;
  now?: () => Date;
  random?: () => number;
}

export interface ExamEngineDeps extends EngineBaseDeps {
  /** What passing an attempt writes, with the close of the attempt. */
  onPass: (attempt: AttemptRecord, at: string) => PassWrite[];
}

/** The candidate sees the questions of an open attempt, never their answers; closed attempts show the result only. */
export const toAttempt = (record: AttemptRecord, withQuestions = false): ExamAttempt => ({
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

export const createExamEngine = ({
  questions,
  attempts,
  settings,
  onPass,
  now = () => new Date(),
  random = Math.random,
}: ExamEngineDeps) => {
  /** Closes an attempt with what a pass writes. Answers the closed record, or undefined if it was closed meanwhile. */
  const close = async (attempt: AttemptRecord, score: number, correct: number, at: Date) => {
    const passed = passes(score, attempt.passMark);
    const iso = at.toISOString();
    const result = {
      status: passed ? ('passed' as const) : ('failed' as const),
      score,
      correct,
      at: iso,
      ...(passed ? {} : { retryAt: retryAt(iso, settings.cooldownHours).toISOString() }),
    };
    let writes = passed ? onPass(attempt, iso) : [];
    return retrying(async () => {
      const outcome = await attempts.close(
        attempt,
        result,
        writes.map(({ name, item }) => ({ name, item })),
      );
      if (outcome === 'ok') return { closed: { ...attempt, status: result.status, score, correct, submittedAt: iso } };
      if (outcome === 'conflict') return undefined;
      const held = writes.find((write) => write.once && write.name === outcome);
      if (!held) return { closed: undefined };
      writes = writes.filter((write) => write !== held);
      return undefined; // close again without it
    }, DEFAULT_RETRY);
  };

  /** An open attempt past its deadline counts as failed (score 0) from its deadline. */
  const expire = (attempt: AttemptRecord) => close(attempt, 0, 0, new Date(attempt.deadline));

  return {
    /** The rules of the bank's exam and where the candidate stands with it. */
    async status(bank: ExamBank, userId: string): Promise<ExamStatus> {
      const at = now();
      const [state, recent] = await Promise.all([attempts.state(userId, bank), attempts.ofCandidate(userId, bank, { limit: 2 })]);
      const open = recent.items.find(
        (attempt) => attempt.status === 'open' && attempt.id === state.openAttemptId && submittedInTime(attempt.deadline, at),
      );
      const last = recent.items.find((attempt) => attempt.status !== 'open');
      return {
        questions: settings.questions,
        minutes: settings.minutes,
        passMark: settings.passMark,
        openAttempt: open ? toAttempt(open, true) : null,
        lastAttempt: last ? toAttempt(last) : null,
        retryAt: state.retryAt && Date.parse(state.retryAt) > at.getTime() ? state.retryAt : null,
      };
    },

    /** Starts an attempt, or hands back the one still running (a reload does not draw a new paper). */
    async start(bank: ExamBank, caller: Principal): Promise<{ attempt: ExamAttempt; created: boolean }> {
      return retrying(async () => {
        const at = now();
        const state = await attempts.state(caller.id, bank);
        if (state.openAttemptId) {
          const open = await attempts.get(caller.id, state.openAttemptId, bank);
          if (open && open.status === 'open' && submittedInTime(open.deadline, at))
            return { attempt: toAttempt(open, true), created: false };
          if (open?.status === 'open') await expire(open);
          return undefined; // read the state again
        }
        if (state.retryAt && Date.parse(state.retryAt) > at.getTime()) {
          throw new ConflictError('EXAM_COOLDOWN', `You may sit the exam again after ${state.retryAt}`, [
            { path: 'retryAt', message: state.retryAt },
          ]);
        }
        const pool = await questions.active(bank);
        if (!bankIsReady(pool.length, settings)) throw new ConflictError('EXAM_UNAVAILABLE', 'The question bank is not ready yet');
        const id = ulid(at.getTime());
        const record: AttemptRecord = {
          ...attemptKeys(caller.id, id, bank),
          bank,
          listKey: attemptListKey(bank),
          id,
          userId: caller.id,
          nickname: caller.nickname,
          status: 'open',
          startedAt: at.toISOString(),
          deadline: new Date(at.getTime() + settings.minutes * 60_000).toISOString(),
          paper: drawPaper(pool, settings.questions, random).map(({ id: questionId, category, type, text, options, answer }) => ({
            id: questionId,
            category,
            type,
            text,
            options,
            answer,
          })),
          passMark: settings.passMark,
        };
        const outcome = await attempts.start(record, at.toISOString());
        if (outcome === 'ok') return { attempt: toAttempt(record, true), created: true };
        return undefined; // another start won, or a cool-down began: read again
      }, DEFAULT_RETRY);
    },

    async submit(bank: ExamBank, id: string, answers: Record<string, number[]>, caller: Principal): Promise<ExamAttempt> {
      const attempt = await attempts.get(caller.id, id, bank);
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
  };
};

export type ExamEngine = ReturnType<typeof createExamEngine>;
