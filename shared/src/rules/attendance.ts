/**
 * Who is expected at an activity and where each stands, and the counts everyone reads (docs/DOMAIN.md §1):
 * the attendance page and its CSV, the check-in screen, the minutes and the branch statistics all count
 * through `attendanceSheet`, so the coordinator's and the secretary's figures cannot disagree.
 *
 * 应到 (expected): everyone on the sheet: the branch's roster (a branch meeting) and everyone holding a
 * seat (a confirmed registration, a walk-in's included). 已报名: those holding a seat. 实到: those checked
 * in. 请假: approved leave, not checked in. 缺席 / 未签到: the rest, once the activity has ended / before.
 * So 应到 = 实到 + 请假 + 缺席 + 未签到, and 实到 ≤ 已报名 (a check-in holds a seat).
 */
import { type AttendanceState, attendanceState } from './check-in';

export interface SheetPerson {
  userId: string;
  nickname: string;
}

/** A confirmed registration. */
export interface SheetSeat extends SheetPerson {
  checkedInAt?: string;
  /** Who checked this person in for them (代签), by name. */
  assistedBy?: string;
  /** Recorded at the door by name: no account behind it. */
  walkIn?: boolean;
}

export interface SheetSource {
  endsAt: string;
  /** A branch meeting's roster (users whose branch it is); empty for other activities. */
  roster: readonly SheetPerson[];
  seats: readonly SheetSeat[];
  /** Approved leave requests. */
  leaves: ReadonlyArray<{ userId: string; reason: string }>;
}

export interface SheetRow extends SheetPerson {
  state: AttendanceState;
  /** Holds a seat (已报名). */
  registered: boolean;
  onRoster: boolean;
  walkIn?: boolean;
  checkedInAt?: string;
  assistedBy?: string;
  leaveReason?: string;
}

export interface AttendanceCounts {
  /** 应到 */
  expected: number;
  /** 已报名 */
  registered: number;
  /** 实到 */
  checkedIn: number;
  /** 请假 */
  onLeave: number;
  /** 缺席 */
  absent: number;
  /** 未签到 (before the end) */
  notYet: number;
}

export const ATTENDANCE_COUNT_LABELS: Record<keyof AttendanceCounts, string> = {
  expected: '应到',
  registered: '已报名',
  checkedIn: '实到',
  onLeave: '请假',
  absent: '缺席',
  notYet: '未签到',
};

export const countAttendance = (rows: ReadonlyArray<Pick<SheetRow, 'state' | 'registered'>>): AttendanceCounts => {
  const count = (state: AttendanceState) => rows.filter((row) => row.state === state).length;
  return {
    expected: rows.length,
    registered: rows.filter((row) => row.registered).length,
    checkedIn: count('checked_in'),
    onLeave: count('on_leave'),
    absent: count('absent'),
    notYet: count('not_yet'),
  };
};

/** The sheet: one row per person, by name; and its counts. */
export const attendanceSheet = (source: SheetSource, now: Date): { summary: AttendanceCounts; items: SheetRow[] } => {
  const leaves = new Map(source.leaves.map((leave) => [leave.userId, leave.reason]));
  const seats = new Map(source.seats.map((seat) => [seat.userId, seat]));
  const onRoster = new Set(source.roster.map((person) => person.userId));
  const people = new Map<string, SheetPerson>([...source.roster, ...source.seats].map((person) => [person.userId, person]));
  const items = [...people.values()].map((person): SheetRow => {
    const seat = seats.get(person.userId);
    const leaveReason = leaves.get(person.userId);
    return {
      userId: person.userId,
      nickname: seat?.nickname ?? person.nickname,
      registered: !!seat,
      onRoster: onRoster.has(person.userId),
      state: attendanceState({ checkedInAt: seat?.checkedInAt, onLeave: leaveReason !== undefined }, source.endsAt, now),
      ...(seat?.walkIn ? { walkIn: true } : {}),
      ...(seat?.checkedInAt ? { checkedInAt: seat.checkedInAt } : {}),
      ...(seat?.assistedBy ? { assistedBy: seat.assistedBy } : {}),
      ...(leaveReason !== undefined ? { leaveReason } : {}),
    };
  });
  items.sort((a, b) => a.nickname.localeCompare(b.nickname, 'zh-CN') || a.userId.localeCompare(b.userId));
  return { summary: countAttendance(items), items };
};

/** 出席率 in whole percent: 实到 over 应到 less 请假 (an approved leave does not count against it); null when nobody was due. */
export const turnoutPercent = ({ expected, checkedIn, onLeave }: Pick<AttendanceCounts, 'expected' | 'checkedIn' | 'onLeave'>) => {
  const due = expected - onLeave;
  return due > 0 ? Math.round((Math.min(checkedIn, due) / due) * 100) : null;
};

/** The counts as one line: 应到 8 人，实到 6 人，请假 1 人，缺席 1 人（已报名 7 人）; 未签到 while it is under way (the two never both count). */
export const countsLine = (counts: AttendanceCounts): string =>
  `应到 ${counts.expected} 人，实到 ${counts.checkedIn} 人，请假 ${counts.onLeave} 人，${
    counts.notYet > 0 ? `未签到 ${counts.notYet} 人` : `缺席 ${counts.absent} 人`
  }（已报名 ${counts.registered} 人）`;
