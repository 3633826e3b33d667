/**
 * Check-in rules: the rotating code changes every period; a code is accepted in its own period
 * and the one after (one period of grace); check-in is open from a margin before the start to a
 * margin after the end.
 */
import type { WindowVerdict } from './registration';

export const CHECK_IN_PERIOD_SECONDS = 30;
/** Codes of this many past periods are still accepted. */
export const CHECK_IN_GRACE_PERIODS = 1;
export const CHECK_IN_CODE_DIGITS = 6;
/** What the QR code holds: `HLCI1.<activityId>.<period>.<signature>`. */
export const CHECK_IN_TOKEN_PREFIX = 'HLCI1';

export interface CheckInMargins {
  earlyMinutes: number;
  lateMinutes: number;
}

export const DEFAULT_CHECK_IN_MARGINS: CheckInMargins = { earlyMinutes: 30, lateMinutes: 30 };

export const checkInPeriod = (now: Date): number => Math.floor(now.getTime() / 1000 / CHECK_IN_PERIOD_SECONDS);

/** When the code of `period` stops being shown (the next one replaces it). */
export const periodEndsAt = (period: number): Date => new Date((period + 1) * CHECK_IN_PERIOD_SECONDS * 1000);

export const acceptedPeriods = (now: Date): number[] => {
  const current = checkInPeriod(now);
  return Array.from({ length: CHECK_IN_GRACE_PERIODS + 1 }, (_, i) => current - i);
};

export const checkInWindow = (activity: { startsAt: string; endsAt: string }, margins: CheckInMargins) => ({
  opensAt: new Date(Date.parse(activity.startsAt) - margins.earlyMinutes * 60_000),
  closesAt: new Date(Date.parse(activity.endsAt) + margins.lateMinutes * 60_000),
});

export const canCheckIn = (
  activity: { status: string; startsAt: string; endsAt: string },
  now: Date,
  margins: CheckInMargins,
): WindowVerdict => {
  if (activity.status !== 'published') return { ok: false, code: 'ACTIVITY_NOT_OPEN', message: 'The activity is not open' };
  const { opensAt, closesAt } = checkInWindow(activity, margins);
  if (now < opensAt) return { ok: false, code: 'CHECK_IN_NOT_OPEN', message: `Check-in opens at ${opensAt.toISOString()}` };
  if (now > closesAt) return { ok: false, code: 'CHECK_IN_CLOSED', message: '签到已结束' };
  return { ok: true };
};

export interface ParsedCheckInToken {
  activityId: string;
  period: number;
  signature: string;
}

export const formatCheckInToken = ({ activityId, period, signature }: ParsedCheckInToken): string =>
  [CHECK_IN_TOKEN_PREFIX, activityId, period, signature].join('.');

export const parseCheckInToken = (text: string): ParsedCheckInToken | undefined => {
  const parts = text.trim().split('.');
  if (parts.length !== 4 || parts[0] !== CHECK_IN_TOKEN_PREFIX) return undefined;
  const [, activityId, period, signature] = parts as [string, string, string, string];
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(activityId) || !/^\d{1,12}$/.test(period) || !/^[A-Za-z0-9_-]{8,64}$/.test(signature)) return undefined;
  return { activityId, period: Number(period), signature };
};

export type AttendanceState = 'checked_in' | 'on_leave' | 'absent' | 'not_yet';

export const ATTENDANCE_LABELS: Record<AttendanceState, string> = {
  checked_in: '已签到',
  on_leave: '请假',
  absent: '缺席',
  not_yet: '未签到',
};

/** A registrant's state: absent only once the activity has ended without them. */
export const attendanceState = (
  { checkedInAt, onLeave }: { checkedInAt?: string; onLeave: boolean },
  activityEndsAt: string,
  now: Date,
): AttendanceState => {
  if (checkedInAt) return 'checked_in';
  if (onLeave) return 'on_leave';
  return now.getTime() > Date.parse(activityEndsAt) ? 'absent' : 'not_yet';
};

/** Attendance rate over the meetings held: excused (approved leave) meetings do not count against it. */
export const attendanceRate = ({ held, attended, excused }: { held: number; attended: number; excused: number }): number | null => {
  const expected = held - excused;
  return expected > 0 ? Math.min(1, attended / expected) : null;
};
