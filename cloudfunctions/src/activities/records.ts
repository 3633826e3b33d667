/**
 * What the activities and registrations tables hold, parsed on every read (no `as Entity`), and
 * how a record becomes the API's shape. The counters on an activity (confirmedCount,
 * waitlistCount, waitTicket) are changed only inside the registration engine's transactions.
 */
import type { RegistrationRecord } from '../lib/seats';
import { isLive } from '../lib/seats';
import {
  ActivityKindSchema,
  ActivityStatusSchema,
  AgendaItem,
  DiscussionFormatSchema,
  seatsLeft,
  TrainingTopicSchema,
  type Activity,
  type ActivityStatus,
  type Registration,
} from '@hele/shared';
import { z } from 'zod';

export const ActivityRecord = z.object({
  id: z.string(),
  kind: ActivityKindSchema,
  status: ActivityStatusSchema,
  title: z.string(),
  description: z.string(),
  coverImage: z.string().optional(),
  theme: z.string().optional(),
  branchId: z.string().optional(),
  projectId: z.string().optional(),
  venue: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  confirmedCount: z.number().int(),
  waitlistCount: z.number().int(),
  /** Last waitlist ticket handed out; tickets order the waitlist. */
  waitTicket: z.number().int(),
  registrationOpensAt: z.string().optional(),
  registrationClosesAt: z.string(),
  cancellationDeadline: z.string(),
  agenda: z.array(AgendaItem),
  discussionFormat: DiscussionFormatSchema.optional(),
  trainingTopic: TrainingTopicSchema.optional(),
  requiredTraining: TrainingTopicSchema.optional(),
  /** Sessions of a class series: the series, the session's number in it, and the lecturer's notes. */
  seriesId: z.string().optional(),
  sessionNo: z.number().int().optional(),
  sessionNotes: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Bumped by every edit, so two coordinators editing at once cannot overwrite each other. */
  version: z.number().int(),
  /** Signs the rotating check-in codes of this activity; never leaves the server. */
  checkInSecret: z.string().optional(),
  /** Index keys: `published`, and `meeting#published`. */
  listKey: z.string(),
  kindKey: z.string(),
});
export type ActivityRecord = z.infer<typeof ActivityRecord>;

export const indexKeys = (kind: string, status: ActivityStatus) => ({ listKey: status, kindKey: `${kind}#${status}` });

export { isLive, RegistrationRecord } from '../lib/seats';

export const toRegistration = (record: RegistrationRecord, position?: number): Registration => ({
  id: record.id,
  activityId: record.activityId,
  userId: record.userId,
  ...(record.nickname ? { nickname: record.nickname } : {}),
  status: record.status,
  ...(position !== undefined && record.status === 'waitlisted' ? { position } : {}),
  registeredAt: record.registeredAt,
  updatedAt: record.updatedAt,
  ...(record.promotedAt ? { promotedAt: record.promotedAt } : {}),
  ...(record.cancelledAt ? { cancelledAt: record.cancelledAt } : {}),
  ...(record.checkedInAt ? { checkedInAt: record.checkedInAt } : {}),
  ...(record.signedOutAt ? { signedOutAt: record.signedOutAt } : {}),
});

export const toActivity = (record: ActivityRecord, mine?: { record: RegistrationRecord; position?: number }): Activity => {
  const { waitTicket: _ticket, version: _version, listKey: _listKey, kindKey: _kindKey, checkInSecret: _secret, ...fields } = record;
  return {
    ...fields,
    seatsLeft: seatsLeft(record.capacity, record.confirmedCount),
    ...(mine && isLive(mine.record)
      ? {
          myRegistration: {
            id: mine.record.id,
            status: mine.record.status,
            ...(mine.position !== undefined && mine.record.status === 'waitlisted' ? { position: mine.position } : {}),
            ...(mine.record.checkedInAt ? { checkedInAt: mine.record.checkedInAt } : {}),
            ...(mine.record.signedOutAt ? { signedOutAt: mine.record.signedOutAt } : {}),
          },
        }
      : {}),
  };
};
