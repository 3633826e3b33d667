/**
 * 服务攒积分 + 资格认证 (docs/DOMAIN.md §2): approved service hours earn points only for the center's
 * certified volunteers (the volunteer role, given by passing the certification exam; a 公益讲师 is a certified
 * volunteer who teaches). Anyone else's approved hours count as service time at once, and the points they
 * would earn wait on the record (`pointsPending`) until the person is certified, when they are credited once.
 */
import { Role } from '../constants';
import { pointsForMinutes } from './ledger';

/** Roles whose holders earn service points. */
export const POINT_EARNING_ROLES: readonly Role[] = [Role.VOLUNTEER, Role.LECTURER];

export const earnsServicePoints = (roles: readonly string[]): boolean => POINT_EARNING_ROLES.some((role) => roles.includes(role));

/** What approving `minutes` of service gives: points now, or points waiting for the certification. */
export const serviceAward = (
  minutes: number,
  pointsPerHour: number,
  roles: readonly string[],
): { points: number; pointsPending?: undefined } | { points?: undefined; pointsPending: number } => {
  const points = pointsForMinutes(minutes, pointsPerHour);
  return earnsServicePoints(roles) ? { points } : { pointsPending: points };
};

/** The approved records whose points still wait for the certification, and how many points that is. */
export const pendingServicePoints = (
  records: ReadonlyArray<{ status: string; pointsPending?: number | undefined }>,
): { records: number; points: number } => {
  const waiting = records.filter((record) => record.status === 'approved' && (record.pointsPending ?? 0) > 0);
  return { records: waiting.length, points: waiting.reduce((total, record) => total + (record.pointsPending ?? 0), 0) };
};
