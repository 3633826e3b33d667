/**
 * What the activities and registrations tables hold, parsed on every read (no `as Entity`), and
 * how a record becomes the API's shape. The counters on an activity (confirmedCount,
 * waitlistCount, signUps) are changed only by the seat items of seats.ts, inside a transaction (a registration's, a check-in's
 * seat, a class seat bought with points).
 */
import type { RegistrationRecord } from './seats';
import { isLive } from './seats';
import {
  Activity,
  ActivityStatus,
  participationState,
  seatsLeft,
  type MyLeave,
  type CreateActivityRequest,
  type Registration,
} from '@hele/shared';
import { ulid } from 'ulid';
import * as z from 'zod';
import { newCheckInSecret } from './check-in-code';

/** An activity as stored: the API's shape without what is worked out per read or per caller, with the engine's fields. */
export const ActivityRecord = Activity.omit({ seatsLeft: true, myRegistration: true, myLeave: true, myState: true }).extend({
  /** Older records: the last waitlist ticket handed out. Waitlist numbers now come from the time (seats.ts nextWaitSeq). */
  waitTicket: z.number().int().optional(),
  /** Bumped by every edit, so two coordinators editing at once cannot overwrite each other. */
  version: z.number().int(),
  /**
   * Sign-ups (a seat or a waitlist place taken) since #20, counted by the seat's own update (seats.ts), for the dashboard's
   * month of the activity's start; earlier ones are in the stats table (domain/stats participationScope).
   */
  signUps: z.number().int().optional(),
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
  const {
    waitTicket: _ticket,
    version: _version,
    signUps: _signUps,
    listKey: _listKey,
    kindKey: _kindKey,
    checkInSecret: _secret,
    ...fields
  } = record;
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
    checkInSecret: newCheckInSecret(),
    createdBy,
    createdAt: iso,
    updatedAt: iso,
    version: 1,
  };
};
