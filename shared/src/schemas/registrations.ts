import * as z from 'zod';
import { RegistrationStatusSchema } from '../constants';
import { LEAVE_STATUSES, PARTICIPATION_STATES } from '../rules/participation';
import { Id, IsoDateTime, ListQuery, page } from './common';

export const Registration = z.object({
  id: Id,
  activityId: Id,
  userId: Id,
  nickname: z.string().optional(),
  status: RegistrationStatusSchema,
  /** 1-based place in the waitlist, for waitlisted registrations. */
  position: z.number().int().positive().optional(),
  registeredAt: IsoDateTime,
  updatedAt: IsoDateTime,
  promotedAt: IsoDateTime.optional(),
  cancelledAt: IsoDateTime.optional(),
  checkedInAt: IsoDateTime.optional(),
  /** Service activities: when the volunteer signed out (hours run from check-in to here). */
  signedOutAt: IsoDateTime.optional(),
});
export type Registration = z.infer<typeof Registration>;

export const RegistrationResponse = z.object({ registration: Registration });
export type RegistrationResponse = z.infer<typeof RegistrationResponse>;

export const RegistrationPage = page(Registration);

export const RegistrationListQuery = ListQuery.extend({ status: RegistrationStatusSchema.optional() });
export type RegistrationListQuery = z.infer<typeof RegistrationListQuery>;

/**
 * One of the caller's registrations, with what the 我的报名 list shows of its activity and where the
 * caller stands there (`state`, shared/rules/participation: the registration, the leave and the time).
 */
export const MyRegistrationItem = Registration.extend({
  activity: z.object({
    id: Id,
    title: z.string(),
    kind: z.string(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    venue: z.string(),
    status: z.string(),
  }),
  state: z.enum(PARTICIPATION_STATES),
  /** The caller's leave request for the activity, if any. */
  leave: z.enum(LEAVE_STATUSES).optional(),
});
export const MyRegistrationPage = page(MyRegistrationItem);
export type MyRegistrationItem = z.infer<typeof MyRegistrationItem>;

export const ActivityIdParams = z.object({ id: Id });
