/** Attendance routes: check-in code and check-ins, the live list (JSON or CSV), leave requests, rates. */
import {
  ActivityIdParams,
  ATTENDANCE_LABELS,
  AttendanceQuery,
  AttendanceRateQuery,
  CheckInRequest,
  LeaveDecisionBody,
  LeaveParams,
  LeaveRequestBody,
  ListQuery,
  Role,
  SignOutRequest,
} from '@hele/shared';
import { env } from '../lib/config';
import { createHttpHandler, created, download, ok, route } from '../lib/http';
import { branchMembers } from '../lib/principal';
import { toMyTraining, trainings } from '../domain/trainings';
import { attendanceCsv, createAttendanceService } from './service';
import { leaveRepository } from './leave-repository';
import { activityRepository } from '../domain/activities/repository';

let service: ReturnType<typeof createAttendanceService> | undefined;
const attendance = () =>
  (service ??= createAttendanceService({
    activities: activityRepository,
    leaves: leaveRepository,
    roster: branchMembers,
    margins: { earlyMinutes: env().CHECK_IN_EARLY_MINUTES, lateMinutes: env().CHECK_IN_LATE_MINUTES },
    minServiceShare: env().MIN_ATTENDANCE_SHARE,
  }));

const MANAGERS = [Role.COORDINATOR, Role.SECRETARY] as const;

export const handler = createHttpHandler({
  'GET /activities/{id}/check-in-code': route({
    access: [Role.COORDINATOR, Role.LECTURER],
    params: ActivityIdParams,
    handle: async ({ params, caller }) => ok(await attendance().code(params.id, caller)),
  }),
  'POST /activities/{id}/check-ins': route({
    access: 'user',
    params: ActivityIdParams,
    body: CheckInRequest,
    handle: async ({ params, body, caller }) => created({ registration: await attendance().checkIn(params.id, body, caller) }),
  }),
  'POST /activities/{id}/sign-outs': route({
    access: 'user',
    params: ActivityIdParams,
    body: SignOutRequest,
    handle: async ({ params, body, caller }) => created(await attendance().signOut(params.id, body, caller)),
  }),
  'GET /activities/{id}/attendance': route({
    access: [...MANAGERS, Role.LECTURER],
    params: ActivityIdParams,
    query: AttendanceQuery,
    handle: async ({ params, query, caller }) => {
      const result = await attendance().attendance(params.id, caller);
      if (query.format === 'csv') return download(attendanceCsv(result, ATTENDANCE_LABELS), 'text/csv; charset=utf-8', `签到表-${params.id}.csv`);
      return ok(result);
    },
  }),
  'POST /activities/{id}/leave-requests': route({
    access: 'user',
    params: ActivityIdParams,
    body: LeaveRequestBody,
    handle: async ({ params, body, caller }) => created({ leave: await attendance().requestLeave(params.id, body.reason, caller) }),
  }),
  'POST /activities/{id}/leave-requests/{userId}/decision': route({
    access: MANAGERS,
    params: LeaveParams,
    body: LeaveDecisionBody,
    handle: async ({ params, body, caller }) => ok({ leave: await attendance().decideLeave(params.id, params.userId, body, caller) }),
  }),
  'GET /leave-requests': route({
    access: MANAGERS,
    query: ListQuery,
    handle: async ({ query, caller }) => ok(await attendance().pendingLeaves(caller, query)),
  }),
  'GET /me/trainings': route({
    access: 'user',
    handle: async ({ caller }) => ok({ items: (await trainings.of(caller.id)).map(toMyTraining) }),
  }),
  'GET /me/attendance': route({
    access: 'user',
    query: AttendanceRateQuery,
    handle: async ({ query, caller }) => {
      const year = query.year ?? Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
      return ok(await attendance().myRate(caller, year));
    },
  }),
});
