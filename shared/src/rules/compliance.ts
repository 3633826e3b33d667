/**
 * 三会一课 on schedule (docs/DOMAIN.md §1): each kind of branch meeting is due once per period of its
 * frequency (the center's setting). A period is held when a meeting of that kind took place in it (someone
 * checked in: a plan is not a meeting), due while it runs without one, overdue once it closed without one,
 * and upcoming before it starts. Periods that closed before the branch existed are not asked of it.
 * Days are the center's calendar days, `YYYY-MM-DD`.
 */
import { MEETING_TYPES, type MeetingFrequency, type MeetingType } from '../constants';

export const DEFAULT_MEETING_FREQUENCIES: Readonly<Record<MeetingType, MeetingFrequency>> = {
  congress: 'quarterly',
  committee: 'monthly',
  group: 'monthly',
  lecture: 'quarterly',
  theme_day: 'monthly',
  life: 'yearly',
};

/** Days before a period closes from which a secretary is reminded that nothing was held in it. */
export const COMPLIANCE_REMINDER_DAYS = 7;

export interface CompliancePeriod {
  /** `2026-03`, `2026-Q1`, `2026-H1` or `2026`. */
  key: string;
  /** `3月`, `第一季度`, `上半年`, `全年`. */
  label: string;
  /** First and last day, both included. */
  from: string;
  to: string;
}

export type PeriodState = 'held' | 'due' | 'overdue' | 'upcoming';
export const PERIOD_STATE_LABELS: Record<PeriodState, string> = { held: '已开', due: '待开', overdue: '逾期', upcoming: '未到期' };

export interface PeriodStatus extends CompliancePeriod {
  state: PeriodState;
  /** Meetings of the kind held in the period. */
  meetings: number;
}

export interface TypeCompliance {
  type: MeetingType;
  frequency: MeetingFrequency;
  periods: PeriodStatus[];
}

/** A branch's figures: periods started so far (应开) = held (已开) + overdue (逾期) + due now (待开). */
export interface ComplianceTotals {
  expected: number;
  held: number;
  overdue: number;
  due: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const span = (year: number, firstMonth: number, months: number) => ({
  from: `${year}-${pad(firstMonth)}-01`,
  to: `${year}-${pad(firstMonth + months - 1)}-${pad(lastDay(year, firstMonth + months - 1))}`,
});
const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** The periods of a year for a frequency, in order (none when the kind is not required). */
export const periodsOfYear = (year: number, frequency: MeetingFrequency): CompliancePeriod[] => {
  const each = (count: number, key: (i: number) => string, label: (i: number) => string) =>
    Array.from({ length: count }, (_, i) => ({ key: key(i), label: label(i), ...span(year, 1 + (i * 12) / count, 12 / count) }));
  switch (frequency) {
    case 'monthly':
      return each(
        12,
        (i) => `${year}-${pad(i + 1)}`,
        (i) => `${i + 1}月`,
      );
    case 'quarterly':
      return each(
        4,
        (i) => `${year}-Q${i + 1}`,
        (i) => QUARTERS[i]!,
      );
    case 'half_yearly':
      return each(
        2,
        (i) => `${year}-H${i + 1}`,
        (i) => (i === 0 ? '上半年' : '下半年'),
      );
    case 'yearly':
      return each(
        1,
        () => String(year),
        () => '全年',
      );
    case 'none':
      return [];
  }
};

/** Whole days from `from` to `to` (calendar days). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const periodState = (period: CompliancePeriod, meetings: number, today: string): PeriodState =>
  meetings > 0 ? 'held' : period.to < today ? 'overdue' : period.from <= today ? 'due' : 'upcoming';

export interface ComplianceInput {
  year: number;
  frequencies: Readonly<Record<MeetingType, MeetingFrequency>>;
  /** The meetings held (someone checked in), each by its kind and day. */
  held: ReadonlyArray<{ type: MeetingType; day: string }>;
  today: string;
  /** The day the branch came into being: periods that closed before it are not asked of it. */
  since?: string;
}

/** Each required kind's periods of the year and their states. */
export const branchCompliance = ({ year, frequencies, held, today, since }: ComplianceInput): TypeCompliance[] =>
  MEETING_TYPES.filter((type) => frequencies[type] !== 'none').map((type) => ({
    type,
    frequency: frequencies[type],
    periods: periodsOfYear(year, frequencies[type])
      .filter((period) => !since || period.to >= since)
      .map((period) => {
        const meetings = held.filter((meeting) => meeting.type === type && meeting.day >= period.from && meeting.day <= period.to).length;
        return { ...period, meetings, state: periodState(period, meetings, today) };
      }),
  }));

export const complianceTotals = (types: readonly TypeCompliance[]): ComplianceTotals => {
  const periods = types.flatMap((row) => row.periods);
  const count = (state: PeriodState) => periods.filter((period) => period.state === state).length;
  const [held, overdue, due] = [count('held'), count('overdue'), count('due')];
  return { expected: held + overdue + due, held, overdue, due };
};

/** 完成率 in whole percent: periods held over those closed or held (a period still running does not count against it); null before any. */
export const compliancePercent = ({ held, overdue }: Pick<ComplianceTotals, 'held' | 'overdue'>): number | null =>
  held + overdue > 0 ? Math.round((held / (held + overdue)) * 100) : null;

/** What runs now for each kind: the current period, held or still due, with the days it has left (the secretary's 首页). */
export const currentPeriods = (types: readonly TypeCompliance[], today: string) =>
  types.flatMap((row) => {
    const period = row.periods.find((candidate) => candidate.from <= today && today <= candidate.to);
    return period ? [{ type: row.type, frequency: row.frequency, ...period, daysLeft: daysBetween(today, period.to) }] : [];
  });

/** Kinds whose period closes within `days` with nothing held: what a reminder names. */
export const closingUnheld = (types: readonly TypeCompliance[], today: string, days = COMPLIANCE_REMINDER_DAYS) =>
  currentPeriods(types, today).filter((period) => period.state === 'due' && period.daysLeft < days);
