/**
 * An activity as a calendar event (RFC 5545, `.ics`): one event per activity whose UID never changes,
 * so importing the file again updates the event instead of adding a second one. SEQUENCE is the
 * activity's schedule revision (raised when its time, place or title changes, and when it is
 * cancelled); a cancelled activity's event says STATUS:CANCELLED and its title begins 【已取消】 (for
 * the calendars that ignore STATUS). The method stays PUBLISH: a file to import, not an iTIP message
 * (whose CANCEL would need an organizer's address).
 */

export interface CalendarActivity {
  id: string;
  title: string;
  description: string;
  venue: string;
  startsAt: string;
  endsAt: string;
  status: 'draft' | 'published' | 'cancelled';
  scheduleRevision?: number;
}

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
/** The event's reminder, as the in-app reminder: an hour before the start. */
export const CALENDAR_ALARM_MINUTES = 60;

/** `20261128T060000Z` */
const utcStamp = (iso: string | Date): string =>
  new Date(iso)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export const escapeCalendarText = (text: string): string =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** A character's length in UTF-8 (shared code runs where TextEncoder may be missing: WeChat). */
const utf8Octets = (char: string): number => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};
/**
 * Lines longer than 75 octets are folded: CRLF and a space, never inside a character (Chinese
 * takes three octets in UTF-8).
 */
export const foldCalendarLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char);
    // The first line holds 75 octets; each continuation 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

/** The stable UID of an activity's event. */
export const calendarUid = (activityId: string): string => `activity-${activityId}@hele-center`;

export const activityCalendar = (activity: CalendarActivity, options: { now: Date; url?: string }): string => {
  const cancelled = activity.status === 'cancelled';
  const description = [activity.description.trim(), options.url ? `详情：${options.url}` : ''].filter(Boolean).join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hele Center//Activities//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${calendarUid(activity.id)}`,
    `SEQUENCE:${activity.scheduleRevision ?? 0}`,
    `DTSTAMP:${utcStamp(options.now)}`,
    `DTSTART:${utcStamp(activity.startsAt)}`,
    `DTEND:${utcStamp(activity.endsAt)}`,
    `SUMMARY:${escapeCalendarText(cancelled ? `【已取消】${activity.title}` : activity.title)}`,
    `LOCATION:${escapeCalendarText(activity.venue)}`,
    ...(description ? [`DESCRIPTION:${escapeCalendarText(description)}`] : []),
    ...(options.url ? [`URL:${options.url}`] : []),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    ...(cancelled
      ? []
      : [
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `DESCRIPTION:${escapeCalendarText(activity.title)}`,
          `TRIGGER:-PT${CALENDAR_ALARM_MINUTES}M`,
          'END:VALARM',
        ]),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldCalendarLine).join('\r\n')}\r\n`;
};

/** The file name of an activity's event. */
export const calendarFileName = (title: string): string => `${title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40) || 'activity'}.ics`;
