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
