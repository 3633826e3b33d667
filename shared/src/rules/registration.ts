/**
 * The registration rules of one activity, as pure functions: whether it takes registrations or
 * cancellations at a given instant, and what the app shows of seats and status.
 */
import { ActivityStatus, type ActivityKind, type ActivityStatus as Status, type RegistrationStatus } from '../constants';
import { ErrorCode, type ErrorCodeOf } from '../errors';

export interface RegistrationWindow {
  status: Status;
  registrationOpensAt?: string;
  registrationClosesAt: string;
  cancellationDeadline: string;
}

export type WindowVerdict = { ok: true } | { ok: false; code: ErrorCodeOf<409>; message: string };

const OK: WindowVerdict = { ok: true };

export const canRegister = (activity: RegistrationWindow, now: Date): WindowVerdict => {
  if (activity.status === ActivityStatus.CANCELLED) {
    return { ok: false, code: ErrorCode.ACTIVITY_CANCELLED, message: 'The activity was cancelled' };
  }
  if (activity.status !== ActivityStatus.PUBLISHED) {
    return { ok: false, code: ErrorCode.ACTIVITY_NOT_OPEN, message: 'The activity is not published' };
  }
  if (activity.registrationOpensAt && now.getTime() < Date.parse(activity.registrationOpensAt)) {
    return { ok: false, code: ErrorCode.REGISTRATION_NOT_OPEN, message: `Registration opens at ${activity.registrationOpensAt}` };
  }
  if (now.getTime() > Date.parse(activity.registrationClosesAt)) {
    return { ok: false, code: ErrorCode.REGISTRATION_CLOSED, message: 'Registration has closed' };
  }
  return OK;
};

/** A branch's own meeting (仅限本支部) takes its roster only: the people whose branch it is. */
export const admits = (activity: { branchOnly?: boolean; branchId?: string }, person: { branchId?: string }): boolean =>
  !activity.branchOnly || person.branchId === activity.branchId;

/** A confirmed seat may be given back until the deadline; a waitlist place at any time. */
export const canCancel = (activity: RegistrationWindow, status: RegistrationStatus, now: Date): WindowVerdict => {
  if (status === 'confirmed' && activity.status === ActivityStatus.PUBLISHED && now.getTime() > Date.parse(activity.cancellationDeadline)) {
    return { ok: false, code: ErrorCode.CANCELLATION_CLOSED, message: 'The cancellation deadline has passed' };
  }
  return OK;
};

export const seatsLeft = (capacity: number, confirmedCount: number): number => Math.max(0, capacity - confirmedCount);

export const KIND_LABELS: Record<ActivityKind, string> = {
  meeting: '组织生活会',
  class: '公益班',
  training: '培训',
  service: '志愿服务',
};

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
};

export const DISCUSSION_FORMAT_LABELS: Record<string, string> = {
  world_cafe: '世界咖啡',
  fishbowl: '鱼缸会议',
  open_space: '开放空间',
  group: '分组讨论',
};
