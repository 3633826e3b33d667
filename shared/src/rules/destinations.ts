/**
 * 志愿服务进基层、进村居、进学校、进高墙 (docs/DOMAIN.md §2): the service activities of a stretch of months and the
 * approved service time, per destination. Hours are counted when approved, under the month served (the
 * counters' names come from here); activities are the published service activities starting in those months.
 */
import { SERVICE_DESTINATIONS, type ServiceDestination } from '../constants';

export interface DestinationFigures {
  destination: ServiceDestination;
  activities: number;
  serviceMinutes: number;
  serviceRecords: number;
}

/** The counters an approved record with a destination moves in its month's `service#` scope. */
export const destinationCounters = (destination: ServiceDestination | undefined, minutes: number): Record<string, number> =>
  destination ? { [`${destination}Minutes`]: minutes, [`${destination}Records`]: 1 } : {};

/**
 * One row per destination, every destination (a destination nobody went to shows zeros): activities counted
 * from the activities (those without a destination count nowhere), time from the months' counters.
 */
export const destinationFigures = (
  activities: ReadonlyArray<{ destination?: ServiceDestination | undefined }>,
  months: ReadonlyArray<Record<string, number>>,
): DestinationFigures[] =>
  SERVICE_DESTINATIONS.map((destination) => ({
    destination,
    activities: activities.filter((activity) => activity.destination === destination).length,
    serviceMinutes: months.reduce((total, month) => total + (month[`${destination}Minutes`] ?? 0), 0),
    serviceRecords: months.reduce((total, month) => total + (month[`${destination}Records`] ?? 0), 0),
  }));
