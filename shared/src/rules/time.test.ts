import {
  centerDate,
  centerMonth,
  formatDate,
  formatDateTime,
  formatRange,
  monthsBetween,
  recentMonths,
  startOfCenterDay,
  toCenterIso,
} from './time';

describe('times as the center sees them (UTC+8)', () => {
  // Written with or without milliseconds, an instant reads the same on the center's clock.
  it.each([
    ['2026-11-28T06:00:00.000Z', '11月28日 周六 14:00'],
    ['2026-11-28T06:00:00Z', '11月28日 周六 14:00'],
  ])('formats the instant %s on the center’s clock, with the weekday: %s', (instant, shown) => {
    expect(formatDateTime(instant)).toBe(shown);
  });

  it.each([
    ['2026-11-28T06:00:00.000Z', '2026-11-28T08:30:00.000Z', '11月28日 周六 14:00–16:30'],
    ['2026-11-28T15:00:00.000Z', '2026-11-29T02:00:00.000Z', '11月28日 周六 23:00–11月29日 10:00'],
    ['2026-11-28T06:00:00Z', '2026-11-28T08:30:00Z', '11月28日 周六 14:00–16:30'],
    ['2026-11-28T14:00:00Z', '2026-11-29T02:00:00Z', '11月28日 周六 22:00–11月29日 10:00'],
  ])('formats the range %s–%s on the center’s clock, naming the second day only when it differs: %s', (from, to, shown) => {
    expect(formatRange(from, to)).toBe(shown);
  });

  it('takes a calendar date as the center’s day, and an instant by its offset', () => {
    expect(formatDate('2026-03-05')).toBe('3月5日');
    expect(formatDate('2026-03-04T16:30:00.000Z')).toBe('3月5日');
    expect(centerDate(new Date('2026-03-04T16:30:00.000Z'))).toBe('2026-03-05');
    expect(startOfCenterDay(new Date('2026-03-04T16:30:00.000Z'))).toBe('2026-03-04T16:00:00.000Z');
    expect(toCenterIso(new Date('2026-03-04T16:30:00.000Z'))).toBe('2026-03-05T00:30:00+08:00');
  });

  it('counts months across a year’s end', () => {
    expect(centerMonth('2026-12-31T17:00:00.000Z')).toBe('2027-01');
    expect(centerMonth('2026-12-31')).toBe('2026-12');
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-02', '2026-11')).toEqual([]);
    expect(recentMonths(new Date('2027-01-15T00:00:00.000Z'), 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('finds the center’s midnight, which is 16:00 UTC the day before', () => {
    expect(startOfCenterDay(new Date('2026-11-28T01:00:00Z'))).toBe('2026-11-27T16:00:00.000Z');
    expect(toCenterIso(new Date('2026-11-28T01:00:00Z'))).toBe('2026-11-28T09:00:00+08:00');
  });

  it('names the center’s calendar day of an instant, and formats days without shifting them', () => {
    expect(centerDate(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
    expect(formatDate('2026-11-20')).toBe('11月20日');
    expect(formatDate('2026-11-27T17:00:00Z')).toBe('11月28日');
  });
});
