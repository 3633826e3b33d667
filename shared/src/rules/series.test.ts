import fc from 'fast-check';
import { seriesProgress, weeklySessions } from './series';
import { sessionIssues } from '../schemas/series';

const HOUR = 3600_000;
const at = (hours: number) => new Date(Date.UTC(2026, 11, 5, 1) + hours * HOUR).toISOString();
const session = (id: string, startHours: number, status = 'published') => ({ id, status, endsAt: at(startHours + 2) });

describe('series progress', () => {
  const sessions = [session('a', 0), session('b', 168), session('c', 336), session('d', 504)];

  it('counts attended sessions of those that count, and completes only a finished series at the threshold', () => {
    expect(seriesProgress(sessions, new Set(['a', 'b']), 75, new Date(at(200)))).toEqual({
      attended: 2,
      held: 2,
      total: 4,
      percent: 50,
      needed: 3,
      finished: false,
      completed: false,
    });
    expect(seriesProgress(sessions, new Set(['a', 'b', 'c']), 75, new Date(at(600)))).toMatchObject({
      finished: true,
      completed: true,
      percent: 75,
    });
    expect(seriesProgress(sessions, new Set(['a', 'b']), 75, new Date(at(600)))).toMatchObject({ finished: true, completed: false });
  });

  it('leaves cancelled sessions out of the count', () => {
    const withCancelled = [...sessions.slice(0, 3), session('d', 504, 'cancelled')];
    expect(seriesProgress(withCancelled, new Set(['a', 'b', 'c', 'd']), 100, new Date(at(400)))).toMatchObject({
      attended: 3,
      total: 3,
      finished: true,
      completed: true,
    });
  });

  it('never completes below the threshold nor before the end (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 50, max: 100 }),
        fc.integer({ min: 0, max: 40 }),
        (attendance, threshold, weeksLater) => {
          const planned = attendance.map((_, i) => session(`s${i}`, i * 168));
          const attended = new Set(planned.filter((_, i) => attendance[i]).map((item) => item.id));
          const progress = seriesProgress(planned, attended, threshold, new Date(at(weeksLater * 168)));
          if (progress.completed) {
            expect(progress.finished).toBe(true);
            expect(progress.attended * 100).toBeGreaterThanOrEqual(threshold * progress.total);
          }
          expect(progress.attended).toBeLessThanOrEqual(progress.total);
          expect(progress.held).toBeLessThanOrEqual(progress.total);
        },
      ),
    );
  });
});

describe('weekly sessions', () => {
  it('plans the same hour each week, each as long as asked, and the plan passes the order check', () => {
    const planned = weeklySessions(new Date('2026-12-05T01:30:00Z'), 12, 90);
    expect(planned).toHaveLength(12);
    expect(planned[1]).toEqual({ startsAt: '2026-12-12T01:30:00.000Z', endsAt: '2026-12-12T03:00:00.000Z' });
    expect(sessionIssues(planned)).toEqual([]);
  });

  it('names the session that overlaps the one before it', () => {
    const [first] = weeklySessions(new Date('2026-12-05T01:30:00Z'), 1, 90);
    expect(sessionIssues([first!, { startsAt: '2026-12-05T02:00:00.000Z', endsAt: '2026-12-05T04:00:00.000Z' }])).toEqual([
      { path: 'sessions.1.startsAt', message: '不能早于上一次课结束' },
    ]);
  });
});
