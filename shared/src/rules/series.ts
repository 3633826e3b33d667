/**
 * Class series (公益班): a member's progress (sessions attended of those that count) and when it
 * earns the completion certificate; the weekly timetable a coordinator plans from.
 */

export interface SessionState {
  id: string;
  status: string;
  endsAt: string;
}

/**
 * Cancelled sessions do not count. The series is finished when every session that counts has
 * ended; it is completed when, finished, the member attended at least `completionPercent` of them.
 */
export const seriesProgress = (
  sessions: readonly SessionState[],
  attendedIds: ReadonlySet<string>,
  completionPercent: number,
  now: Date,
) => {
  const counting = sessions.filter((session) => session.status !== 'cancelled');
  const total = counting.length;
  const attended = counting.filter((session) => attendedIds.has(session.id)).length;
  const held = counting.filter((session) => Date.parse(session.endsAt) <= now.getTime()).length;
  const needed = Math.ceil((total * completionPercent) / 100);
  const finished = total > 0 && held === total;
  return {
    attended,
    held,
    total,
    percent: total ? Math.round((attended / total) * 100) : 0,
    needed,
    finished,
    completed: finished && attended >= needed,
  };
};

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

/** `count` weekly sessions of `minutes` each, the first starting at `firstStart` (same hour each week). */
export const weeklySessions = (firstStart: Date, count: number, minutes: number): Array<{ startsAt: string; endsAt: string }> =>
  Array.from({ length: count }, (_, i) => {
    const start = firstStart.getTime() + i * WEEK;
    return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + minutes * MINUTE).toISOString() };
  });
