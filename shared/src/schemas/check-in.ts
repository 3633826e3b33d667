import { z } from 'zod';
import { CHECK_IN_CODE_DIGITS } from '../rules/check-in';
import { LEAVE_STATUSES } from '../rules/participation';
import { Id, IsoDateTime } from './common';
import { Registration } from './registrations';

/** The rotating code as a member sends it: the scanned QR text (weapp) or the code shown under it (H5). */
export const CodeFields = {
  token: z.string().trim().min(1).max(200).optional(),
  code: z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${CHECK_IN_CODE_DIGITS}}$`), `must be ${CHECK_IN_CODE_DIGITS} digits`)
    .optional(),
};

/** Exactly one of the two ways of giving the code. */
export const oneCode = (value: { token?: string; code?: string }, ctx: z.RefinementCtx) => {
  if ((value.token === undefined) === (value.code === undefined))
    ctx.addIssue({ code: 'custom', path: ['code'], message: '请提供签到码或扫码凭证（二选一）' });
};

export const CheckInRequest = z.object(CodeFields).strict().superRefine(oneCode);
export type CheckInRequest = z.infer<typeof CheckInRequest>;

export const CheckInCodeResponse = z.object({
  activityId: Id,
  token: z.string(),
  code: z.string(),
  period: z.number().int(),
  periodSeconds: z.number().int(),
  expiresAt: IsoDateTime,
});
export type CheckInCodeResponse = z.infer<typeof CheckInCodeResponse>;

export const CheckInResponse = z.object({ registration: Registration });

export const AttendanceStateSchema = z.enum(['checked_in', 'on_leave', 'absent', 'not_yet']);

export const AttendanceRow = z.object({
  userId: Id,
  nickname: z.string(),
  state: AttendanceStateSchema,
  registered: z.boolean(),
  checkedInAt: IsoDateTime.optional(),
  leaveReason: z.string().optional(),
});
export type AttendanceRow = z.infer<typeof AttendanceRow>;

export const AttendanceSummary = z.object({
  registered: z.number().int(),
  checkedIn: z.number().int(),
  onLeave: z.number().int(),
  absent: z.number().int(),
  notYet: z.number().int(),
});

export const AttendanceResponse = z.object({
  activityId: Id,
  summary: AttendanceSummary,
  items: z.array(AttendanceRow),
});
export type AttendanceResponse = z.infer<typeof AttendanceResponse>;

export const AttendanceQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const LeaveStatusSchema = z.enum(LEAVE_STATUSES);
export type LeaveStatus = z.infer<typeof LeaveStatusSchema>;

export const LeaveRequestBody = z.object({ reason: z.string().trim().min(2, '请填写原因').max(200) }).strict();

export const LeaveDecisionBody = z
  .object({ decision: z.enum(['approve', 'refuse']), note: z.string().trim().max(200).optional() })
  .strict();
export type LeaveDecisionBody = z.infer<typeof LeaveDecisionBody>;

export const Leave = z.object({
  activityId: Id,
  userId: Id,
  nickname: z.string(),
  branchId: Id.optional(),
  reason: z.string(),
  status: LeaveStatusSchema,
  requestedAt: IsoDateTime,
  decidedBy: Id.optional(),
  decidedAt: IsoDateTime.optional(),
  note: z.string().optional(),
  activity: z.object({ title: z.string(), startsAt: IsoDateTime }).optional(),
});
export type Leave = z.infer<typeof Leave>;

export const LeaveResponse = z.object({ leave: Leave });
export const LeavePage = z.object({ items: z.array(Leave), nextCursor: z.string().nullable() });
export const LeaveParams = z.object({ id: Id, userId: Id });

export const AttendanceRateQuery = z.object({ year: z.coerce.number().int().min(2014).max(2100).optional() });
export const AttendanceRateResponse = z.object({
  year: z.number().int(),
  branchId: Id.nullable(),
  held: z.number().int(),
  attended: z.number().int(),
  excused: z.number().int(),
  absent: z.number().int(),
  rate: z.number().nullable(),
});
export type AttendanceRateResponse = z.infer<typeof AttendanceRateResponse>;
