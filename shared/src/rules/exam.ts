/**
 * The exam engine's rules, shared by the certification exam (志愿者认证) and the academy's training
 * quizzes (培训测验): drawing a randomized paper from a question bank, grading it (on the server
 * only), the pass mark, the cool-down after a failure; and the phone mask of volunteer profiles.
 */

export interface BankQuestion {
  id: string;
  category: string;
  options: readonly string[];
  /** Indices of the right options: one for a single choice, one or more for a multiple choice. */
  answer: readonly number[];
}

export interface ExamSettings {
  questions: number;
  passMark: number;
  minutes: number;
  cooldownHours: number;
}

export const DEFAULT_EXAM_SETTINGS: ExamSettings = { questions: 10, passMark: 80, minutes: 20, cooldownHours: 24 };
/** A training quiz is shorter than the certification exam; its bank is one topic's. */
export const DEFAULT_QUIZ_SETTINGS: ExamSettings = { questions: 5, passMark: 80, minutes: 10, cooldownHours: 24 };

/**
 * A bank can be sat once it holds a full paper of active questions. For a training topic this is
 * also what gives the topic a quiz: while its bank is being written, check-in still completes it.
 */
export const bankIsReady = (activeQuestions: number, settings: Pick<ExamSettings, 'questions'>) => activeQuestions >= settings.questions;

/** Unbiased shuffle (Fisher–Yates) with an injectable source of randomness in [0, 1). */
export const shuffle = <T>(items: readonly T[], random: () => number = Math.random): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

/**
 * A paper of `size` distinct questions: categories take turns so that every category present in
 * the bank is asked about before any is asked twice; within a category the pick is random.
 */
export const drawPaper = <Q extends BankQuestion>(bank: readonly Q[], size: number, random: () => number = Math.random): Q[] => {
  const byCategory = new Map<string, Q[]>();
  for (const question of shuffle(bank, random)) byCategory.set(question.category, [...(byCategory.get(question.category) ?? []), question]);
  const queues = shuffle([...byCategory.values()], random);
  const paper: Q[] = [];
  while (paper.length < Math.min(size, bank.length)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && paper.length < size) paper.push(next);
    }
  }
  return shuffle(paper, random);
};

const sameChoice = (given: readonly number[] | undefined, right: readonly number[]) =>
  !!given && given.length === right.length && [...given].sort().every((value, i) => value === [...right].sort()[i]);

/** All or nothing per question; the score is a percentage, rounded down. */
export const gradePaper = (
  paper: ReadonlyArray<{ id: string; answer: readonly number[] }>,
  answers: Readonly<Record<string, readonly number[]>>,
): { correct: number; total: number; score: number } => {
  const correct = paper.filter((question) => sameChoice(answers[question.id], question.answer)).length;
  return { correct, total: paper.length, score: paper.length ? Math.floor((correct * 100) / paper.length) : 0 };
};

export const passes = (score: number, passMark: number) => score >= passMark;

/** When a member who failed at `failedAt` may sit the exam again. */
export const retryAt = (failedAt: string, cooldownHours: number): Date => new Date(Date.parse(failedAt) + cooldownHours * 3600_000);

/** A small grace after the deadline absorbs the network; later answers are not graded. */
export const SUBMIT_GRACE_SECONDS = 30;
export const submittedInTime = (deadline: string, at: Date) => at.getTime() <= Date.parse(deadline) + SUBMIT_GRACE_SECONDS * 1000;

/** 138****5678: the phone as everyone but a coordinator sees it. */
export const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');
