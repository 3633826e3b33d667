import fc from 'fast-check';
import { attendanceSheet, countAttendance, countsLine, type SheetSource, turnoutPercent } from './attendance';
import { branchYear } from './statistics';

const ENDS_AT = '2026-11-28T08:00:00.000Z';
const DURING = new Date('2026-11-28T07:00:00.000Z');
const AFTER = new Date('2026-11-28T09:00:00.000Z');

const ids = fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 16 }).map((list) => list.map((n) => `u${n}`));

/** A roster, seats (some checked in, some by a coordinator, some walk-ins) and approved leaves over one pool of people. */
const source = fc
  .record({
    roster: ids,
    seats: fc.uniqueArray(
      fc.record({
        n: fc.integer({ min: 0, max: 15 }),
        checkedIn: fc.boolean(),
        assisted: fc.boolean(),
        walkIn: fc.boolean(),
      }),
      { selector: (seat) => seat.n, maxLength: 16 },
    ),
    leaves: ids,
  })
  .map(
    ({ roster, seats, leaves }): SheetSource => ({
      endsAt: ENDS_AT,
      roster: roster.map((userId) => ({ userId, nickname: `名${userId}` })),
      seats: seats.map(({ n, checkedIn, assisted, walkIn }) => ({
        userId: walkIn ? `walkin-${n}` : `u${n}`,
        nickname: `名${n}`,
        ...(checkedIn ? { checkedInAt: '2026-11-28T06:05:00.000Z' } : {}),
        ...(checkedIn && assisted ? { assistedBy: '李社工' } : {}),
        ...(walkIn ? { walkIn: true } : {}),
      })),
      leaves: leaves.map((userId) => ({ userId, reason: '出差' })),
    }),
  );

const shuffled = <T>(list: readonly T[], seed: number) =>
  [...list]
    .map((item, i) => ({ item, key: (i * 7919 + seed) % 101 }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);

describe('the attendance sheet (应到 / 已报名 / 实到 / 请假 / 缺席)', () => {
  it('adds up: 应到 = 实到 + 请假 + 缺席 + 未签到, 实到 ≤ 已报名 ≤ 应到, everyone on the roster or in a seat once', () => {
    fc.assert(
      fc.property(source, fc.boolean(), (input, ended) => {
        const { summary, items } = attendanceSheet(input, ended ? AFTER : DURING);
        const people = new Set([...input.roster, ...input.seats].map((person) => person.userId));
        expect(summary.expected).toBe(people.size);
        expect(new Set(items.map((row) => row.userId)).size).toBe(items.length);
        expect(summary.checkedIn + summary.onLeave + summary.absent + summary.notYet).toBe(summary.expected);
        expect(summary.registered).toBe(input.seats.length);
        expect(summary.checkedIn).toBe(input.seats.filter((seat) => seat.checkedInAt).length);
        expect(summary.checkedIn).toBeLessThanOrEqual(summary.registered);
        expect(ended ? summary.notYet : summary.absent).toBe(0);
        // Leave counts only for someone expected who did not come.
        const present = new Set(input.seats.filter((seat) => seat.checkedInAt).map((seat) => seat.userId));
        expect(summary.onLeave).toBe(input.leaves.filter((leave) => people.has(leave.userId) && !present.has(leave.userId)).length);
        const turnout = turnoutPercent(summary);
        if (turnout !== null) expect(turnout).toBeGreaterThanOrEqual(0);
        if (turnout !== null) expect(turnout).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('is the same whoever reads it and in whatever order the records come (page, CSV, minutes, statistics)', () => {
    fc.assert(
      fc.property(source, fc.integer({ min: 0, max: 100 }), fc.boolean(), (input, seed, ended) => {
        const now = ended ? AFTER : DURING;
        const sheet = attendanceSheet(input, now);
        const reordered = attendanceSheet(
          {
            ...input,
            roster: shuffled(input.roster, seed),
            seats: shuffled(input.seats, seed + 1),
            leaves: shuffled(input.leaves, seed + 2),
          },
          now,
        );
        expect(reordered).toEqual(sheet);
        // Recounting the rows (the CSV's) and summing one meeting (the branch statistics) give the page's counts.
        expect(countAttendance(sheet.items)).toEqual(sheet.summary);
        const year = branchYear([sheet.summary], [], { sum: 0, sheets: 0 });
        expect([year.expected, year.registered, year.attended, year.leaves, year.absent]).toEqual([
          sheet.summary.expected,
          sheet.summary.registered,
          sheet.summary.checkedIn,
          sheet.summary.onLeave,
          sheet.summary.absent,
        ]);
        expect(year.attendanceRate).toBe(turnoutPercent(sheet.summary));
      }),
    );
  });

  it('shows the roster not yet come, a walk-in, an assisted check-in and a leave', () => {
    const { summary, items } = attendanceSheet(
      {
        endsAt: ENDS_AT,
        roster: [
          { userId: 'u1', nickname: '陈党员' },
          { userId: 'u2', nickname: '王书记' },
          { userId: 'u3', nickname: '张志愿' },
        ],
        seats: [
          { userId: 'u1', nickname: '陈党员', checkedInAt: '2026-11-28T06:05:00.000Z', assistedBy: '李社工' },
          { userId: 'walkin-1', nickname: '刘奶奶', checkedInAt: '2026-11-28T06:10:00.000Z', assistedBy: '李社工', walkIn: true },
        ],
        leaves: [{ userId: 'u3', reason: '住院' }],
      },
      DURING,
    );
    expect(summary).toEqual({ expected: 4, registered: 2, checkedIn: 2, onLeave: 1, absent: 0, notYet: 1 });
    expect(items.find((row) => row.userId === 'walkin-1')).toMatchObject({ walkIn: true, registered: true, onRoster: false });
    expect(items.find((row) => row.userId === 'u1')).toMatchObject({ state: 'checked_in', assistedBy: '李社工', onRoster: true });
    expect(countsLine(summary)).toBe('应到 4 人，实到 2 人，请假 1 人，未签到 1 人（已报名 2 人）');
    expect(turnoutPercent(summary)).toBe(67);
  });
});
