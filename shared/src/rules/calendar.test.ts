import { activityCalendar, calendarFileName, calendarUid, escapeCalendarText, foldCalendarLine } from './calendar';

const activity = {
  id: '01ACTIVITY',
  title: '主题党日：学习二十届四中全会精神',
  description: '请带好党员证;会后合影,留念',
  venue: '和乐社区党群服务中心 3 楼',
  startsAt: '2026-12-05T06:00:00.000Z',
  endsAt: '2026-12-05T08:00:00+00:00',
  status: 'published' as const,
};
const now = new Date('2026-11-30T01:02:03.456Z');

/** The unfolded property lines of a file. */
const lines = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

describe('an activity as a calendar event', () => {
  it('is one VEVENT with a stable UID, UTC times, an alarm an hour before, CRLF lines', () => {
    const text = activityCalendar(activity, { now, url: 'https://hele.example.org/#/activity/detail/index?id=01ACTIVITY' });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const props = lines(text);
    expect(props).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'METHOD:PUBLISH',
        `UID:${calendarUid('01ACTIVITY')}`,
        'SEQUENCE:0',
        'DTSTAMP:20261130T010203Z',
        'DTSTART:20261205T060000Z',
        'DTEND:20261205T080000Z',
        'SUMMARY:主题党日：学习二十届四中全会精神',
        'LOCATION:和乐社区党群服务中心 3 楼',
        'STATUS:CONFIRMED',
        'TRIGGER:-PT60M',
        'END:VCALENDAR',
      ]),
    );
    expect(props.find((line) => line.startsWith('DESCRIPTION:'))).toBe(
      'DESCRIPTION:请带好党员证\\;会后合影\\,留念\\n\\n详情：https://hele.example.org/#/activity/detail/index?id=01ACTIVITY',
    );
  });

  it('keeps its UID when the activity moves, with a higher SEQUENCE; cancelled, it says so and has no alarm', () => {
    const moved = lines(activityCalendar({ ...activity, startsAt: '2026-12-06T06:00:00Z', scheduleRevision: 2 }, { now }));
    expect(moved).toEqual(expect.arrayContaining([`UID:${calendarUid('01ACTIVITY')}`, 'SEQUENCE:2', 'DTSTART:20261206T060000Z']));
    const cancelled = lines(activityCalendar({ ...activity, status: 'cancelled', scheduleRevision: 3 }, { now }));
    expect(cancelled).toEqual(
      expect.arrayContaining(['SEQUENCE:3', 'STATUS:CANCELLED', 'SUMMARY:【已取消】主题党日：学习二十届四中全会精神']),
    );
    expect(cancelled.some((line) => line.startsWith('BEGIN:VALARM'))).toBe(false);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = `SUMMARY:${'党'.repeat(60)}`;
    const folded = foldCalendarLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(encodeURIComponent(part).replace(/%[0-9A-F]{2}/g, 'x').length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('escapes text and names the file after the title', () => {
    expect(escapeCalendarText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(calendarFileName('党课 / 第一讲')).toBe('党课_第一讲.ics');
  });
});
