/** The attendance function's routes. */
import { Role } from '../constants';
import {
  ActivityIdParams,
  AssistedCheckInRequest,
  AttendanceQuery,
  AttendanceRateQuery,
  AttendanceRateResponse,
  AttendanceResponse,
  CheckInCodeResponse,
  CheckInRequest,
  CheckInResponse,
  CompletedTrainings,
  LeaveDecisionBody,
  LeavePage,
  LeaveParams,
  LeaveRequestBody,
  LeaveResponse,
  ListQuery,
  SignOutRequest,
  SignOutResponse,
  WalkInRequest,
} from '../schemas';
import { BRANCH_STAFF, TEACHING_STAFF } from './access';
import { GET, POST, defineRoutes, fileReply } from './define';

export const attendanceRoutes = defineRoutes({
  checkInCode: GET('/activities/{id}/check-in-code', TEACHING_STAFF, { params: ActivityIdParams, reply: CheckInCodeResponse }),
  checkIn: POST('/activities/{id}/check-ins', 'user', {
    params: ActivityIdParams,
    body: CheckInRequest,
    reply: CheckInResponse,
    status: 201,
  }),
  assistedCheckIn: POST('/activities/{id}/assisted-check-ins', BRANCH_STAFF, {
    params: ActivityIdParams,
    body: AssistedCheckInRequest,
    reply: CheckInResponse,
    status: 201,
    summary: 'A coordinator or the branch secretary checks someone on the sheet in for them (代签)',
  }),
  walkIn: POST('/activities/{id}/walk-ins', BRANCH_STAFF, {
    params: ActivityIdParams,
    body: WalkInRequest,
    reply: CheckInResponse,
    status: 201,
    idempotent: true,
    summary: 'Someone without a phone or account, checked in by name at the door (现场登记)',
  }),
  signOut: POST('/activities/{id}/sign-outs', 'user', {
    params: ActivityIdParams,
    body: SignOutRequest,
    reply: SignOutResponse,
    status: 201,
  }),
  attendance: GET('/activities/{id}/attendance', [Role.COORDINATOR, Role.SECRETARY, Role.LECTURER], {
    params: ActivityIdParams,
    query: AttendanceQuery,
    reply: AttendanceResponse,
    formats: { csv: fileReply('text/csv; charset=utf-8') },
  }),
  requestLeave: POST('/activities/{id}/leave-requests', 'user', {
    params: ActivityIdParams,
    body: LeaveRequestBody,
    reply: LeaveResponse,
    status: 201,
  }),
  decideLeave: POST('/activities/{id}/leave-requests/{userId}/decision', BRANCH_STAFF, {
    params: LeaveParams,
    body: LeaveDecisionBody,
    reply: LeaveResponse,
  }),
  leaveRequests: GET('/leave-requests', BRANCH_STAFF, { query: ListQuery, reply: LeavePage }),
  myTrainings: GET('/me/trainings', 'user', { reply: CompletedTrainings }),
  myAttendance: GET('/me/attendance', 'user', { query: AttendanceRateQuery, reply: AttendanceRateResponse }),
});
