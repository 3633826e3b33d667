/**
 * 进基层 / 进村居 / 进学校 / 进高墙 over a stretch of the center's months: the published service activities
 * that started in them (a bounded index query) and the approved time the months' counters hold (domain/stats).
 * The dashboard and the yearly statistics both read it.
 */
import { centerMonthsSpan, destinationFigures, type DestinationFigures } from '@hele/shared';
import { publishedServiceBetween } from './activities/summary';
import { readCounts } from './stats';

/** The approved service time of a month (of the day served), with its per-destination counters. */
export const serviceScope = (month: string) => `service#${month}`;

export const destinationsOver = async (months: readonly string[]): Promise<DestinationFigures[]> => {
  if (months.length === 0) return destinationFigures([], []);
  const { start, last } = centerMonthsSpan(months[0]!, months[months.length - 1]!);
  const [activities, counts] = await Promise.all([
    publishedServiceBetween(start, last),
    Promise.all(months.map((month) => readCounts(serviceScope(month)))),
  ]);
  return destinationFigures(activities, counts);
};
