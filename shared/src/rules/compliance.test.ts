import fc from 'fast-check';
import { MEETING_TYPES, MeetingFrequencySchema, type MeetingFrequency, type MeetingType } from '../constants';
import {
  branchCompliance,
  closingUnheld,
  compliancePercent,
  complianceTotals,
  currentPeriods,
  daysBetween,
  DEFAULT_MEETING_FREQUENCIES,
  periodsOfYear,
  periodState,
} from './compliance';

const FREQUENCIES = MeetingFrequencySchema.options;
const day = (year: number) =>
  fc
    .date({ min: new Date(Date.UTC(year, 0, 1)), max: new Date(Date.UTC(year, 11, 31)), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

describe('Rule: the periods of a year', () => {
  it('names each period and its first and last day', () => {
    expect(periodsOfYear(2028, 'monthly')[1]).toEqual({ key: '2028-02', label: '2月', from: '2028-02-01', to: '2028-02-29' });
    expect(periodsOfYear(2026, 'quarterly').map((period) => [period.key, period.label, period.from, period.to])).toEqual([
      ['2026-Q1', '第一季度', '2026-01-01', '2026-03-31'],
      ['2026-Q2', '第二季度', '2026-04-01', '2026-06-30'],
      ['2026-Q3', '第三季度', '2026-07-01', '2026-09-30'],
      ['2026-Q4', '第四季度', '2026-10-01', '2026-12-31'],
    ]);
    expect(periodsOfYear(2026, 'half_yearly').map((period) => [period.label, period.to])).toEqual([
      ['上半年', '2026-06-30'],
      ['下半年', '2026-12-31'],
    ]);
    expect(periodsOfYear(2026, 'yearly')).toEqual([{ key: '2026', label: '全年', from: '2026-01-01', to: '2026-12-31' }]);
    expect(periodsOfYear(2026, 'none')).toEqual([]);
  });

  it('covers every day of the year exactly once, whatever the frequency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.constantFrom(...FREQUENCIES.filter((frequency) => frequency !== 'none')),
        (year, frequency) => {
          const periods = periodsOfYear(year, frequency);
          expect(periods[0]!.from).toBe(`${year}-01-01`);
          expect(periods.at(-1)!.to).toBe(`${year}-12-31`);
          for (let i = 1; i < periods.length; i++) expect(daysBetween(periods[i - 1]!.to, periods[i]!.from)).toBe(1);
        },
      ),
    );
  });
});

describe('Rule: a period’s state', () => {
  const march = periodsOfYear(2026, 'monthly')[2]!;
  it('is held with a meeting, else due while it runs, overdue once closed, upcoming before', () => {
    expect(periodState(march, 1, '2027-01-01')).toBe('held');
    expect(periodState(march, 0, '2026-03-31')).toBe('due');
    expect(periodState(march, 0, '2026-03-01')).toBe('due');
    expect(periodState(march, 0, '2026-04-01')).toBe('overdue');
    expect(periodState(march, 0, '2026-02-28')).toBe('upcoming');
  });
});

describe('Rule: a branch’s compliance', () => {
  const held = (type: MeetingType, day: string) => ({ type, day });

  it('marks the months a branch held, missed and still has to hold', () => {
    const types = branchCompliance({
      year: 2026,
      frequencies: DEFAULT_MEETING_FREQUENCIES,
      held: [held('committee', '2026-01-15'), held('committee', '2026-01-28'), held('committee', '2026-03-02'), held('life', '2026-02-10')],
      today: '2026-03-20',
    });
    const committee = types.find((row) => row.type === 'committee')!;
    expect(committee.periods.slice(0, 4).map((period) => [period.key, period.state, period.meetings])).toEqual([
      ['2026-01', 'held', 2],
      ['2026-02', 'overdue', 0],
      ['2026-03', 'held', 1],
      ['2026-04', 'upcoming', 0],
    ]);
    expect(types.find((row) => row.type === 'life')!.periods.map((period) => period.state)).toEqual(['held']);
    expect(types.find((row) => row.type === 'lecture')!.periods.map((period) => period.state)).toEqual([
      'due',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    // Monthly: committee, group, theme day (3 × 3 months); quarterly: congress, lecture (2 × Q1); yearly: life.
    expect(complianceTotals(types)).toEqual({ expected: 12, held: 3, overdue: 5, due: 4 });
    expect(compliancePercent(complianceTotals(types))).toBe(38);
  });

  it('leaves out kinds the center does not require, and periods closed before the branch existed', () => {
    const frequencies = { ...DEFAULT_MEETING_FREQUENCIES, group: 'none' as const, congress: 'half_yearly' as const };
    const types = branchCompliance({ year: 2026, frequencies, held: [], today: '2026-08-10', since: '2026-07-20' });
    expect(types.map((row) => row.type)).not.toContain('group');
    expect(types.find((row) => row.type === 'committee')!.periods[0]!.key).toBe('2026-07');
    expect(types.find((row) => row.type === 'congress')!.periods.map((period) => period.key)).toEqual(['2026-H2']);
    expect(complianceTotals(types)).toEqual({ expected: 7, held: 0, overdue: 2, due: 5 });
  });

  it('lists what runs now, and what closes within a week with nothing held', () => {
    const types = branchCompliance({
      year: 2026,
      frequencies: DEFAULT_MEETING_FREQUENCIES,
      held: [held('theme_day', '2026-12-01')],
      today: '2026-12-26',
    });
    const now = currentPeriods(types, '2026-12-26');
    expect(now.map((period) => [period.type, period.state, period.daysLeft])).toEqual([
      ['congress', 'due', 5],
      ['committee', 'due', 5],
      ['group', 'due', 5],
      ['lecture', 'due', 5],
      ['theme_day', 'held', 5],
      ['life', 'due', 5],
    ]);
    expect(closingUnheld(types, '2026-12-26').map((period) => period.type)).not.toContain('theme_day');
    expect(closingUnheld(types, '2026-12-25')).toHaveLength(5);
    expect(closingUnheld(types, '2026-12-24')).toHaveLength(0);
    expect(closingUnheld(types, '2026-12-20', 14)).toHaveLength(5);
    expect(compliancePercent({ held: 0, overdue: 0 })).toBeNull();
  });

  it('keeps its totals whole: expected = held + overdue + due, never more than the periods', () => {
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(MEETING_TYPES.map((type) => [type, fc.constantFrom(...FREQUENCIES)])) as Record<
            MeetingType,
            fc.Arbitrary<MeetingFrequency>
          >,
        ),
        fc.array(fc.record({ type: fc.constantFrom(...MEETING_TYPES), day: day(2026) }), { maxLength: 40 }),
        day(2026),
        fc.option(day(2026), { nil: undefined }),
        (frequencies, meetings, today, since) => {
          // Held meetings happened by today.
          const held = meetings.filter((meeting) => meeting.day <= today);
          const types = branchCompliance({ year: 2026, frequencies, held, today, since });
          const totals = complianceTotals(types);
          const periods = types.flatMap((row) => row.periods);
          expect(totals.expected).toBe(totals.held + totals.overdue + totals.due);
          expect(totals.expected).toBeLessThanOrEqual(periods.length);
          // Every meeting of a required kind counts once, in its period, unless that period closed before the branch existed.
          const counted = held.filter((meeting) => {
            const period = periodsOfYear(2026, frequencies[meeting.type]).find((p) => p.from <= meeting.day && meeting.day <= p.to);
            return period !== undefined && (!since || period.to >= since);
          });
          expect(periods.reduce((sum, period) => sum + period.meetings, 0)).toBe(counted.length);
          // At most one period of each kind runs at a time.
          expect(currentPeriods(types, today).length).toBeLessThanOrEqual(types.length);
        },
      ),
    );
  });
});
