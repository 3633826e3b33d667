/**
 * Where a member stands at one activity, computed once on the server from the registration, the
 * leave request and the activity (and sent with 我的报名 and the activity page), so that every
 * screen says the same thing; and the order 我的报名 lists them in.
 */
import type { ActivityStatus, RegistrationStatus } from '../constants';

export const PARTICIPATION_STATES = [
  'registered',
  'waitlisted',
  'leave_pending',
  'on_leave',
  'leave_refused',
  'checked_in',
  'absent',
  'not_seated',
  'cancelled',
] as const;
export type ParticipationState = (typeof PARTICIPATION_STATES)[number];

/** A leave request (请假) waits for its decision, then is approved or refused. */
export const LEAVE_STATUSES = ['pending', 'approved', 'refused'] as const;
export type LeaveState = (typeof LEAVE_STATUSES)[number];

export interface ParticipationFacts {
  /** The registration's status; none when the member only asked for leave (a branch meeting's roster). */
  status?: RegistrationStatus;
  checkedInAt?: string;
  /** The member's leave request for the activity, if any. */
  leave?: LeaveState;
  activity: { status: ActivityStatus; endsAt: string };
}

/**
 * The member's state, first match wins: checked in; cancelled (their registration or the activity);
 * on approved leave; once the activity has ended, a waitlist place never seated, a leave still
 * waiting, or absent; before that, the leave's answer, the waitlist, or registered.
 */
export const participationState = ({ status, checkedInAt, leave, activity }: ParticipationFacts, now: Date): ParticipationState => {
  if (checkedInAt) return 'checked_in';
  if (status === 'cancelled' || activity.status === 'cancelled') return 'cancelled';
  if (leave === 'approved') return 'on_leave';
  const ended = now.getTime() > Date.parse(activity.endsAt);
  if (ended) {
    if (status === 'waitlisted') return 'not_seated';
    return leave === 'pending' ? 'leave_pending' : 'absent';
  }
  if (leave === 'pending') return 'leave_pending';
  if (leave === 'refused') return 'leave_refused';
  return status === 'waitlisted' ? 'waitlisted' : 'registered';
};

export const PARTICIPATION_LABELS: Record<ParticipationState, string> = {
  registered: '已报名',
  waitlisted: '候补中',
  leave_pending: '请假待批',
  on_leave: '已请假',
  leave_refused: '请假未批准',
  checked_in: '已签到',
  absent: '缺席',
  not_seated: '候补未转正',
  cancelled: '已取消',
};

/** The words for a state: a waitlist place says which (候补第 3 位). */
export const participationLabel = (state: ParticipationState, position?: number): string =>
  state === 'waitlisted' && position ? `候补第 ${position} 位` : PARTICIPATION_LABELS[state];

/** States after which the member has nothing left to do at the activity (no cancelling, no leave). */
export const isSettled = (state: ParticipationState): boolean =>
  state === 'checked_in' || state === 'absent' || state === 'not_seated' || state === 'cancelled';

/** What a registration leads to, as the app says it right after the tap: a seat, or a waitlist place. */
export const registrationOutcome = (registration: { status: RegistrationStatus; position?: number }): string =>
  registration.status === 'waitlisted'
    ? `已加入候补${registration.position ? `，第 ${registration.position} 位` : ''}`
    : registration.status === 'confirmed'
      ? '报名成功'
      : '报名已取消';

/**
 * 我的报名's order: what is still to come (not ended) first, soonest first; then what is over, most
 * recent first. Ties go by activity id, so the order is total and a page cursor can name a place in it.
 */
export const compareForMyList =
  (now: Date) =>
  (a: { id: string; startsAt: string; endsAt: string }, b: { id: string; startsAt: string; endsAt: string }): number => {
    const upcoming = (item: { endsAt: string }) => Date.parse(item.endsAt) >= now.getTime();
    const [aUp, bUp] = [upcoming(a), upcoming(b)];
    if (aUp !== bUp) return aUp ? -1 : 1;
    const byStart = Date.parse(a.startsAt) - Date.parse(b.startsAt);
    if (byStart !== 0) return aUp ? byStart : -byStart;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
