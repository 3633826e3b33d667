/** Attendance routes: check-in code and check-ins, the live list (JSON or CSV), leave requests, rates. */
import { ATTENDANCE_LABELS } from '@hele/shared';
import { env } from '../lib/config';
import { createHttpHandler, download } from '../lib/http';
import { branchMembers } from '../lib/principal';
import { toMyTraining, trainings } from '../domain/trainings';
import { attendanceCsv, createAttendanceService } from './service';
import { leaveRepository } from './leave-repository';
import { activityRepository } from '../domain/activities/repository';
import { runIdempotent } from '../lib/idempotency';
import { attendanceRoutes } from '@hele/shared/contract/attendance';

/** The attendance service as deployed; `now` moves its clock (the tests look at it from a later moment). */
export const attendanceService = (now?: () => Date) =>
  createAttendanceService({
    activities: activityRepository,
    leaves: leaveRepository,
    roster: branchMembers,
    margins: { earlyMinutes: env().CHECK_IN_EARLY_MINUTES, lateMinutes: env().CHECK_IN_LATE_MINUTES },
    minServiceShare: env().MIN_ATTENDANCE_SHARE,
    ...(now ? { now } : {}),
  });

let service: ReturnType<typeof createAttendanceService> | undefined;
const attendance = () => (service ??= attendanceService());

export const handler = createHttpHandler(
  attendanceRoutes,
  {
    checkInCode: async ({ params, caller }) => await attendance().code(params.id, caller),
    checkIn: async ({ params, body, caller }) => ({ registration: await attendance().checkIn(params.id, body, caller) }),
    assistedCheckIn: async ({ params, body, caller }) => ({
      registration: await attendance().assistedCheckIn(params.id, body.userId, caller),
    }),
    walkIn: async ({ params, body, caller }) => ({ registration: await attendance().walkIn(params.id, body.name, caller) }),
    signOut: async ({ params, body, caller }) => await attendance().signOut(params.id, body, caller),
    attendance: async ({ params, query, caller }) => {
      const result = await attendance().attendance(params.id, caller);
      if (query.format === 'csv')
        return download(attendanceCsv(result, ATTENDANCE_LABELS), 'text/csv; charset=utf-8', `签到表-${params.id}.csv`);
      return result;
    },
    requestLeave: async ({ params, body, caller }) => ({ leave: await attendance().requestLeave(params.id, body.reason, caller) }),
    decideLeave: async ({ params, body, caller }) => ({ leave: await attendance().decideLeave(params.id, params.userId, body, caller) }),
    leaveRequests: async ({ query, caller }) => await attendance().pendingLeaves(caller, query),
    myTrainings: async ({ caller }) => ({ items: (await trainings.of(caller.id)).map(toMyTraining) }),
    myAttendance: async ({ query, caller }) => {
      const year = query.year ?? Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
      return await attendance().myRate(caller, year);
    },
  },
  { idempotency: runIdempotent },
);
