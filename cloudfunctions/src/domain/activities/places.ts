/**
 * The caller's place at each of some activities, read the one way every page that shows it reads it
 * (the activities list and page, a class's sessions): their registration with its waitlist place,
 * and their leave request. toActivity turns it into what the app shows, the state included.
 */
import { myLeaves } from '../leaves';
import type { CallerPlace } from './records';
import type { ActivityRepository } from './repository';

export const placesOf = async (
  repository: ActivityRepository,
  activityIds: string[],
  userId: string,
): Promise<Map<string, CallerPlace>> => {
  const [registrations, leaves] = await Promise.all([repository.getMine(activityIds, userId), myLeaves(userId, activityIds)]);
  const places = new Map<string, CallerPlace>();
  await Promise.all(
    activityIds.map(async (activityId) => {
      const record = registrations.get(activityId);
      const leave = leaves.get(activityId);
      if (!record && !leave) return;
      const position =
        record?.status === 'waitlisted' && record.waitSeq !== undefined
          ? await repository.waitlistPosition(activityId, record.waitSeq)
          : undefined;
      places.set(activityId, { record, position, leave });
    }),
  );
  return places;
};
