import fc from 'fast-check';
import { mayObserve, rankBoard, scoreProblems, weightedMark, type RubricCriterion } from './academy';

const RUBRIC: RubricCriterion[] = [
  { id: 'discussion', name: '讨论充分', weight: 3 },
  { id: 'measures', name: '措施可落实', weight: 3 },
  { id: 'participation', name: '党员参与', weight: 2 },
  { id: 'form', name: '形式创新', weight: 2 },
];

describe('书记学院', () => {
  it('lets a secretary observe another branch’s meeting only', () => {
    expect(mayObserve({ kind: 'meeting', branchId: 'b1' }, 'b2')).toEqual({ ok: true });
    expect(mayObserve({ kind: 'meeting', branchId: 'b1' }, 'b1')).toMatchObject({ ok: false, code: 'OWN_BRANCH' });
    expect(mayObserve({ kind: 'meeting', branchId: 'b1' }, undefined)).toMatchObject({ ok: false, code: 'NO_BRANCH' });
    expect(mayObserve({ kind: 'class', branchId: 'b1' }, 'b2')).toMatchObject({ ok: false, code: 'NOT_A_BRANCH_MEETING' });
    expect(mayObserve({ kind: 'meeting' }, 'b2')).toMatchObject({ ok: false, code: 'NOT_A_BRANCH_MEETING' });
  });

  it('wants every criterion marked 1–5 and a reason below 3', () => {
    const all = { discussion: 4, measures: 2, participation: 5, form: 3 };
    expect(scoreProblems(RUBRIC, all, {})).toEqual([{ path: 'comments.measures', message: '「措施可落实」低于 3 分，请说明原因' }]);
    expect(scoreProblems(RUBRIC, all, { measures: '措施没有责任人' })).toEqual([]);
    expect(scoreProblems(RUBRIC, { ...all, form: 6, extra: 3 }, { measures: '措施没有责任人' }).map((problem) => problem.path)).toEqual([
      'marks.extra',
      'marks.form',
    ]);
    expect(scoreProblems(RUBRIC, { discussion: 4 }, {}).map((problem) => problem.path)).toEqual([
      'marks.measures',
      'marks.participation',
      'marks.form',
    ]);
  });

  it('weights the marks, in hundredths, between 1 and 5', () => {
    expect(weightedMark(RUBRIC, { discussion: 5, measures: 4, participation: 3, form: 2 })).toBe(370);
    fc.assert(
      fc.property(fc.tuple(...RUBRIC.map(() => fc.integer({ min: 1, max: 5 }))), (marks) => {
        const mark = weightedMark(RUBRIC, Object.fromEntries(RUBRIC.map((criterion, i) => [criterion.id, marks[i]!])));
        expect(mark).toBeGreaterThanOrEqual(Math.min(...marks) * 100);
        expect(mark).toBeLessThanOrEqual(Math.max(...marks) * 100);
      }),
    );
  });

  it('ranks only meetings with at least two sheets, best average first', () => {
    const board = rankBoard([
      { id: 'a', sum: 800, count: 2 },
      { id: 'b', sum: 450, count: 1 },
      { id: 'c', sum: 1290, count: 3 },
      { id: 'd', sum: 860, count: 2 },
    ]);
    expect(board.map((entry) => [entry.id, entry.average, entry.rank])).toEqual([
      ['c', 430, 1],
      ['d', 430, 2],
      ['a', 400, 3],
    ]);
  });
});
