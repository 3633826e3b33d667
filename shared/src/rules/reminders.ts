/**
 * WeChat subscribe messages (订阅消息): every field has a hard limit, and a message longer than
 * its template allows is refused by WeChat. These rules build the reminder's fields within them.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { CENTER_UTC_OFFSET_MINUTES } from '../constants';

dayjs.extend(utc);

/** Field limits of subscribe-message templates (docs/DOMAIN.md). */
export const SUBSCRIBE_LIMITS = { thing: 20, phrase: 5, name: 10 } as const;

/** Cuts a value to `limit` characters (a CJK character counts one), marking the cut with …. */
export const fitField = (value: string, limit: number): string => {
  const chars = Array.from(value.trim());
  return chars.length <= limit ? chars.join('') : `${chars.slice(0, limit - 1).join('')}…`;
};

/** Minutes before the start at which the reminder goes out. */
export const DEFAULT_REMINDER_LEAD_MINUTES = 60;

export const reminderDueAt = (startsAt: string, leadMinutes = DEFAULT_REMINDER_LEAD_MINUTES): string =>
  new Date(Date.parse(startsAt) - leadMinutes * 60_000).toISOString();

/**
 * The reminder template's fields: thing1 活动名称, time2 开始时间, thing3 活动地点, phrase4 状态.
 * (The template is chosen in the WeChat console; its keys are fixed by it.)
 */
export const reminderFields = (activity: { title: string; startsAt: string; venue: string }) => ({
  thing1: fitField(activity.title, SUBSCRIBE_LIMITS.thing),
  time2: dayjs(activity.startsAt).utcOffset(CENTER_UTC_OFFSET_MINUTES).format('YYYY年M月D日 HH:mm'),
  thing3: fitField(activity.venue, SUBSCRIBE_LIMITS.thing),
  phrase4: fitField('即将开始', SUBSCRIBE_LIMITS.phrase),
});
export type ReminderFields = ReturnType<typeof reminderFields>;

/**
 * What a person may also hear of by a subscribe message (each its own template in the WeChat console): a
 * member, the outcomes of their leave, hours and activities; a secretary, a 三会一课 period closing unheld.
 */
export const NOTICE_TOPICS = ['leave_result', 'hours_result', 'activity_cancelled', 'compliance_due'] as const;
export type NoticeTopic = (typeof NOTICE_TOPICS)[number];

/**
 * The template ids of the topics, written `topic:id,topic:id` (a stage parameter on the server, a
 * build variable in the app); a topic left out is told in the inbox only.
 */
export const parseNoticeTemplates = (text: string): Partial<Record<NoticeTopic, string>> =>
  Object.fromEntries(
    text
      .split(',')
      .map((pair) => pair.split(':').map((part) => part.trim()))
      .filter(
        (pair): pair is [NoticeTopic, string] => pair.length === 2 && (NOTICE_TOPICS as readonly string[]).includes(pair[0]!) && !!pair[1],
      ),
  );

/**
 * A notice's fields, the same three for every topic's template: thing1 事项, phrase2 结果, thing3 备注.
 * (Each template is chosen in the WeChat console with these keys.)
 */
export const noticeFields = ({ subject, result, note }: { subject: string; result: string; note?: string }) => ({
  thing1: fitField(subject, SUBSCRIBE_LIMITS.thing),
  phrase2: fitField(result, SUBSCRIBE_LIMITS.phrase),
  thing3: fitField(note || '详情请在小程序「消息」中查看', SUBSCRIBE_LIMITS.thing),
});
export type NoticeFields = ReturnType<typeof noticeFields>;
