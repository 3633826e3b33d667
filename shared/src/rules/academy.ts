/**
 * 书记学院: secretaries observe other branches' meetings and score them on the center's rubric
 * (weighted criteria, 1–5 each, a comment required below 3). Scores show once a meeting has at
 * least two, so no single observer can be singled out; the board (互学互比) ranks by weighted score.
 */

/** Observers one meeting takes unless it says otherwise. */
export const OBSERVER_SEATS = 3;
/** Scores of a meeting stay hidden until it has this many. */
export const SCORES_VISIBLE_AT = 2;
/** Below this mark an observer must say why. */
export const COMMENT_BELOW = 3;

export interface RubricCriterion {
  id: string;
  name: string;
  weight: number;
}

export type ObserveVerdict = { ok: true } | { ok: false; code: 'NOT_A_BRANCH_MEETING' | 'OWN_BRANCH' | 'NO_BRANCH'; message: string };

/** A secretary observes a branch meeting of another branch (never her own). */
export const mayObserve = (meeting: { kind: string; branchId?: string }, observerBranchId: string | undefined): ObserveVerdict => {
  if (meeting.kind !== 'meeting' || !meeting.branchId)
    return { ok: false, code: 'NOT_A_BRANCH_MEETING', message: 'Only branch meetings are observed' };
  if (!observerBranchId) return { ok: false, code: 'NO_BRANCH', message: 'A secretary observes on behalf of her branch' };
  if (meeting.branchId === observerBranchId) return { ok: false, code: 'OWN_BRANCH', message: 'Observe another branch, not your own' };
  return { ok: true };
};

/** What is wrong with a score sheet, by field: every criterion marked 1–5, a comment where a mark is below 3. */
export const scoreProblems = (
  rubric: readonly RubricCriterion[],
  marks: Record<string, number>,
  comments: Record<string, string>,
): Array<{ path: string; message: string }> => [
  ...Object.keys(marks)
    .filter((id) => !rubric.some((criterion) => criterion.id === id))
    .map((id) => ({ path: `marks.${id}`, message: '不是评分标准中的项目' })),
  ...rubric.flatMap((criterion) => {
    const mark = marks[criterion.id];
    if (mark === undefined) return [{ path: `marks.${criterion.id}`, message: `请为「${criterion.name}」评分` }];
    if (!Number.isInteger(mark) || mark < 1 || mark > 5) return [{ path: `marks.${criterion.id}`, message: '评分为 1–5 分' }];
    if (mark < COMMENT_BELOW && (comments[criterion.id] ?? '').trim().length < 4)
      return [{ path: `comments.${criterion.id}`, message: `「${criterion.name}」低于 ${COMMENT_BELOW} 分，请说明原因` }];
    return [];
  }),
];

/** The sheet's weighted mark, 1–5, in hundredths (integers add up exactly on the board). */
export const weightedMark = (rubric: readonly RubricCriterion[], marks: Record<string, number>): number => {
  const weights = rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  const total = rubric.reduce((sum, criterion) => sum + criterion.weight * (marks[criterion.id] ?? 0), 0);
  return Math.round((total * 100) / weights);
};

export interface BoardEntry {
  id: string;
  /** Sum of the weighted marks (hundredths) and how many sheets. */
  sum: number;
  count: number;
}

/** Entries with enough sheets, best average first (ties: more sheets first, then id). Averages in hundredths. */
export const rankBoard = <T extends BoardEntry>(entries: readonly T[]): Array<T & { average: number; rank: number }> =>
  entries
    .filter((entry) => entry.count >= SCORES_VISIBLE_AT)
    .map((entry) => ({ ...entry, average: Math.round(entry.sum / entry.count) }))
    .sort((a, b) => b.average - a.average || b.count - a.count || a.id.localeCompare(b.id))
    .map((entry, index) => ({ ...entry, rank: index + 1 }));
