/**
 * A branch's year in figures (docs/DOMAIN.md §1): meetings held, attendance rate, approved leaves,
 * measures done on time, and the average mark observers gave.
 */
import { centerDate } from './time';

export interface MeetingFigures {
  registered: number;
  attended: number;
  leaves: number;
}

export interface MeasureFigures {
  dueOn: string;
  status: 'open' | 'done';
  doneAt?: string;
}

export interface BranchYear {
  meetings: number;
  registered: number;
  attended: number;
  /** Attended / registered, in whole percent; null before anyone registered. */
  attendanceRate: number | null;
  leaves: number;
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
  const [registered, attended] = [sum('registered'), sum('attended')];
  return {
    meetings: meetings.length,
    registered,
    attended,
    attendanceRate: registered > 0 ? Math.round((attended / registered) * 100) : null,
    leaves: sum('leaves'),
    measures: measures.length,
    measuresDoneOnTime: measures.filter(doneOnTime).length,
    observerMark: marks.sheets > 0 ? Math.round(marks.sum / marks.sheets) : null,
    observerSheets: marks.sheets,
  };
};
