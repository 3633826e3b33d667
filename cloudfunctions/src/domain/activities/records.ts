/**
 * What the activities and registrations tables hold, parsed on every read (no `as Entity`), and
 * how a record becomes the API's shape. The counters on an activity (confirmedCount,
 * waitlistCount, waitTicket) are changed only inside the registration engine's transactions.
 */
import type { RegistrationRecord } from './seats';
import { isLive } from './seats';
import {
  ActivityStatus,
  ActivityKindSchema,
  ActivityStatusSchema,
  AgendaItem,
  DiscussionFormatSchema,
  participationState,
  MeetingTypeSchema,
  seatsLeft,
  ServiceDestinationSchema,
  TrainingTopicSchema,
  type Activity,
  type MyLeave,
  type CreateActivityRequest,
  type Registration,
} from '@hele/shared';
import { ulid } from 'ulid';
import * as z from 'zod';
import { newCheckInSecret } from './check-in-code';

export const ActivityRecord = z.object({
  id: z.string(),
  kind: ActivityKindSchema,
  status: ActivityStatusSchema,
  title: z.string(),
  description: z.string(),
  coverImage: z.string().optional(),
  theme: z.string().optional(),
  branchId: z.string().optional(),
  /** 仅限本支部: only the branch's roster registers; the roster checks in without registering. */
  branchOnly: z.boolean().optional(),
  /** 三会一课: the kind of required meeting, counted for the branch's compliance once someone checks in. */
  meetingType: MeetingTypeSchema.optional(),
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
  /** Service activities: 进基层 / 进村居 / 进学校 / 进高墙. */
  destination: ServiceDestinationSchema.optional(),
  /** Classes: the lecturers it names (a series' sessions are taught by the series' lecturers). */
  lecturerIds: z.array(z.string()).optional(),
  /** Sessions of a class series: the series, the session's number in it, and the lecturer's notes. */
  seriesId: z.string().optional(),
  sessionNo: z.number().int().optional(),
  sessionNotes: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Raised when the time, place or title changes and on cancelling: the calendar event's SEQUENCE. */
  scheduleRevision: z.number().int().optional(),
  /** 公开直播: anyone may read the live feed, signed in or not. */
  publicFeed: z.boolean().optional(),
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

export { isLive, RegistrationRecord } from './seats';

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

/** The caller's place at an activity: their registration (if live) with its waitlist place, and their leave request. */
export interface CallerPlace {
  record?: RegistrationRecord;
  position?: number;
  leave?: MyLeave;
}

/** The API's activity; with the caller's place, also their registration, leave and state (shared/rules/participation). */
export const toActivity = (record: ActivityRecord, mine?: CallerPlace, now = new Date()): Activity => {
  const { waitTicket: _ticket, version: _version, listKey: _listKey, kindKey: _kindKey, checkInSecret: _secret, ...fields } = record;
  const registration = isLive(mine?.record) ? mine.record : undefined;
  return {
    ...fields,
    seatsLeft: seatsLeft(record.capacity, record.confirmedCount),
    ...(registration
      ? {
          myRegistration: {
            id: registration.id,
            status: registration.status,
            ...(mine?.position !== undefined && registration.status === 'waitlisted' ? { position: mine.position } : {}),
            ...(registration.checkedInAt ? { checkedInAt: registration.checkedInAt } : {}),
            ...(registration.signedOutAt ? { signedOutAt: registration.signedOutAt } : {}),
          },
        }
      : {}),
    ...(mine?.leave ? { myLeave: mine.leave } : {}),
    ...(registration || mine?.leave
      ? {
          myState: participationState(
            { status: registration?.status, checkedInAt: registration?.checkedInAt, leave: mine?.leave?.status, activity: record },
            now,
          ),
        }
      : {}),
  };
};

const TIME_FIELDS = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt', 'cancellationDeadline'] as const;

/**
 * Instants are stored as UTC ISO strings whatever offset the client wrote, so that they sort and
 * compare as text in the indexes (`+08:00` and `Z` forms of one instant would not).
 */
export const inUtc = <T extends Partial<Record<(typeof TIME_FIELDS)[number], string>>>(fields: T): T => {
  const normalised = { ...fields };
  for (const field of TIME_FIELDS) {
    const value = normalised[field];
    if (value !== undefined) (normalised as Record<string, string>)[field] = new Date(value).toISOString();
  }
  return normalised;
};

/** A new activity's record: defaults for the windows, counters at zero. */
export const newActivityRecord = (input: CreateActivityRequest, createdBy: string, at: Date, id: string = ulid()): ActivityRecord => {
  const { publish, ...given } = input;
  const fields = inUtc(given);
  const status = publish ? ActivityStatus.PUBLISHED : ActivityStatus.DRAFT;
  const iso = at.toISOString();
  return {
    ...fields,
    id,
    status,
    ...indexKeys(fields.kind, status),
    registrationClosesAt: fields.registrationClosesAt ?? fields.startsAt,
    cancellationDeadline: fields.cancellationDeadline ?? fields.startsAt,
    confirmedCount: 0,
    waitlistCount: 0,
    waitTicket: 0,
    checkInSecret: newCheckInSecret(),
    createdBy,
    createdAt: iso,
    updatedAt: iso,
    version: 1,
  };
};
