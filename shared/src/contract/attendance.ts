/** The attendance function's routes. */
import { Role } from '../constants';
import { ActivityIdParams, AttendanceQuery, AttendanceRateQuery, AttendanceRateResponse, AttendanceResponse, CheckInCodeResponse, CheckInRequest, CheckInResponse, CompletedTrainings, LeaveDecisionBody, LeavePage, LeaveParams, LeaveRequestBody, LeaveResponse, ListQuery, SignOutRequest, SignOutResponse } from '../schemas';
import { defineRoutes, fileReply } from './define';

export const attendanceRoutes = defineRoutes({
  checkInCode: {
    method: 'GET',
    path: '/activities/{id}/check-in-code',
    access: [Role.COORDINATOR, Role.LECTURER],
    params: ActivityIdParams,
    reply: CheckInCodeResponse,
  },
  checkIn: {
    method: 'POST',
    path: '/activities/{id}/check-ins',
    access: 'user',
    params: ActivityIdParams,
    body: CheckInRequest,
    reply: CheckInResponse,
    status: 201,
  },
  signOut: {
    method: 'POST',
    path: '/activities/{id}/sign-outs',
    access: 'user',
    params: ActivityIdParams,
    body: SignOutRequest,
    reply: SignOutResponse,
    status: 201,
  },
  attendance: {
    method: 'GET',
    path: '/activities/{id}/attendance',
    access: [Role.COORDINATOR, Role.SECRETARY, Role.LECTURER],
    params: ActivityIdParams,
    query: AttendanceQuery,
    reply: AttendanceResponse,
    formats: { csv: fileReply('text/csv; charset=utf-8') },
  },
  requestLeave: {
    method: 'POST',
    path: '/activities/{id}/leave-requests',
    access: 'user',
    params: ActivityIdParams,
    body: LeaveRequestBody,
    reply: LeaveResponse,
    status: 201,
  },
  decideLeave: {
    method: 'POST',
    path: '/activities/{id}/leave-requests/{userId}/decision',
    access: [Role.COORDINATOR, Role.SECRETARY],
    params: LeaveParams,
    body: LeaveDecisionBody,
    reply: LeaveResponse,
  },
  leaveRequests: {
    method: 'GET',
    path: '/leave-requests',
    access: [Role.COORDINATOR, Role.SECRETARY],
    query: ListQuery,
    reply: LeavePage,
  },
  myTrainings: {
    method: 'GET',
    path: '/me/trainings',
    access: 'user',
    reply: CompletedTrainings,
  },
  myAttendance: {
    method: 'GET',
    path: '/me/attendance',
    access: 'user',
    query: AttendanceRateQuery,
    reply: AttendanceRateResponse,
  },
});
