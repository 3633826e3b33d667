/**
 * A branch's year in figures (docs/DOMAIN.md §1): meetings held, each meeting's attendance counted as its
 * attendance page counts it (rules/attendance) and summed, measures done on time, and the average mark
 * observers gave.
 */
import { type AttendanceCounts, turnoutPercent } from './attendance';
import { centerDate } from './time';

export type MeetingFigures = AttendanceCounts;

export interface MeasureFigures {
  dueOn: string;
  status: 'open' | 'done';
  doneAt?: string;
}

export interface BranchYear {
  meetings: number;
  /** 应到, 已报名, 实到 (attended), 请假 (leaves), 缺席: person-times over the meetings. */
  expected: number;
  registered: number;
  attended: number;
  /** 实到 over 应到 less 请假, in whole percent (rules/attendance); null before anyone was due. */
  attendanceRate: number | null;
  leaves: number;
  absent: number;
  measures: number;
  measuresDoneOnTime: number;
  /** Average weighted observer mark in hundredths; null before any sheet. */
  observerMark: number | null;
  observerSheets: number;
}

/** Done by the end of its due day (the center's calendar). */
export const doneOnTime = (measure: MeasureFigures): boolean =>
  measure.status === 'done' && !!measure.doneAt && centerDate(new Date(measure.doneAt)) <= measure.dueOn;

export const branchYear = (
  meetings: readonly MeetingFigures[],
  measures: readonly MeasureFigures[],
  marks: { sum: number; sheets: number },
): BranchYear => {
  const sum = (figure: keyof MeetingFigures) => meetings.reduce((total, meeting) => total + meeting[figure], 0);
  const [expected, attended, leaves] = [sum('expected'), sum('checkedIn'), sum('onLeave')];
  return {
    meetings: meetings.length,
    expected,
    registered: sum('registered'),
    attended,
    attendanceRate: turnoutPercent({ expected, checkedIn: attended, onLeave: leaves }),
    leaves,
    absent: sum('absent'),
    measures: measures.length,
    measuresDoneOnTime: measures.filter(doneOnTime).length,
    observerMark: marks.sheets > 0 ? Math.round(marks.sum / marks.sheets) : null,
    observerSheets: marks.sheets,
  };
};
