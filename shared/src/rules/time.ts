/**
 * Times as the center sees them: Asia/Shanghai, a fixed UTC+8 (no daylight saving), so a fixed
 * offset is exact and the WeChat runtime needs no time-zone database.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { CENTER_UTC_OFFSET_MINUTES } from '../constants';

dayjs.extend(utc);

const inCenter = (iso: string | Date) => dayjs(iso).utcOffset(CENTER_UTC_OFFSET_MINUTES);

/** `11月28日 周六 14:00` */
export const formatDateTime = (iso: string): string => {
  const time = inCenter(iso);
  return `${time.format('M月D日')} ${WEEKDAYS[time.day()]} ${time.format('HH:mm')}`;
};

/** `14:00–16:30`, or with the date when the end is another day. */
export const formatRange = (startIso: string, endIso: string): string => {
  const [start, end] = [inCenter(startIso), inCenter(endIso)];
  const endText = start.isSame(end, 'day') ? end.format('HH:mm') : `${end.format('M月D日')} ${end.format('HH:mm')}`;
  return `${formatDateTime(startIso)}–${endText}`;
};

/** `11月20日` for an instant or a calendar date (`2026-11-20`, taken as the center's day). */
export const formatDate = (isoOrDay: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay)
    ? `${Number(isoOrDay.slice(5, 7))}月${Number(isoOrDay.slice(8, 10))}日`
    : inCenter(isoOrDay).format('M月D日');

/** The center's calendar date of an instant, `2026-11-28`. */
export const centerDate = (instant: Date): string => inCenter(instant).format('YYYY-MM-DD');

/** Midnight of the center's day that contains `now`, as an ISO instant. */
export const startOfCenterDay = (now: Date): string => inCenter(now).startOf('day').toISOString();

/** An ISO instant with the center's offset, e.g. `2026-11-28T14:00:00+08:00`. */
export const toCenterIso = (instant: Date): string => inCenter(instant).format('YYYY-MM-DDTHH:mm:ssZ');

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** The center's calendar month of an instant or a calendar date: `2026-11`. */
export const centerMonth = (isoOrDay: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? isoOrDay.slice(0, 7) : inCenter(isoOrDay).format('YYYY-MM');

/**
 * The instants that bound the center's months `from` to `to` (both included): `[start, end)` as UTC ISO strings, and
 * `last`, the last millisecond in them (for a `BETWEEN` over stored ISO instants).
 */
export const centerMonthsSpan = (from: string, to: string): { start: string; end: string; last: string } => {
  const end = dayjs.utc(`${to}-01T00:00:00`).add(1, 'month').subtract(CENTER_UTC_OFFSET_MINUTES, 'minute');
  return {
    start: dayjs.utc(`${from}-01T00:00:00`).subtract(CENTER_UTC_OFFSET_MINUTES, 'minute').toISOString(),
    end: end.toISOString(),
    last: end.subtract(1, 'millisecond').toISOString(),
  };
};

/** The months from `from` to `to` (`YYYY-MM`, both included), oldest first. */
export const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  for (let month = dayjs.utc(`${from}-01`); month.format('YYYY-MM') <= to; month = month.add(1, 'month'))
    months.push(month.format('YYYY-MM'));
  return months;
};

/** The `count` months up to and including the center's month of `now`, oldest first. */
export const recentMonths = (now: Date, count: number): string[] => {
  const last = inCenter(now).startOf('month');
  return Array.from({ length: count }, (_, i) => last.subtract(count - 1 - i, 'month').format('YYYY-MM'));
};
