import { branchYear, doneOnTime } from './statistics';

describe('a branch’s year in figures', () => {
  it('counts measures done by the end of their due day, in the center’s time', () => {
    expect(doneOnTime({ dueOn: '2026-06-30', status: 'done', doneAt: '2026-06-30T15:59:00.000Z' })).toBe(true);
    expect(doneOnTime({ dueOn: '2026-06-30', status: 'done', doneAt: '2026-06-30T16:01:00.000Z' })).toBe(false);
    expect(doneOnTime({ dueOn: '2026-06-30', status: 'open' })).toBe(false);
  });

  it('adds the meetings up, rates attendance and averages the observers’ marks', () => {
    const figures = branchYear(
      [
        { expected: 12, registered: 10, checkedIn: 8, onLeave: 1, absent: 3, notYet: 0 },
        { expected: 10, registered: 10, checkedIn: 9, onLeave: 0, absent: 1, notYet: 0 },
      ],
      [
        { dueOn: '2026-03-31', status: 'done', doneAt: '2026-03-20T02:00:00.000Z' },
        { dueOn: '2026-03-31', status: 'done', doneAt: '2026-04-02T02:00:00.000Z' },
        { dueOn: '2026-05-31', status: 'open' },
      ],
      { sum: 1110, sheets: 3 },
    );
    expect(figures).toEqual({
      meetings: 2,
      expected: 22,
      registered: 20,
      attended: 17,
      attendanceRate: 81,
      leaves: 1,
      absent: 4,
      measures: 3,
      measuresDoneOnTime: 1,
      observerMark: 370,
      observerSheets: 3,
    });
    expect(branchYear([], [], { sum: 0, sheets: 0 })).toMatchObject({ attendanceRate: null, observerMark: null });
  });
});
