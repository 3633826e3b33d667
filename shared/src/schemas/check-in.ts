import * as z from 'zod';
import { CHECK_IN_CODE_DIGITS } from '../rules/check-in';
import { LEAVE_STATUSES } from '../rules/participation';
import { Id, IsoDateTime, counts, page, personFields } from './common';
import { Registration } from './registrations';

/** The rotating code as a member sends it: the scanned QR text (weapp) or the code shown under it (H5). */
export const CodeFields = {
  token: z.string().trim().min(1).max(200).optional(),
  code: z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${CHECK_IN_CODE_DIGITS}}$`), `签到码为 ${CHECK_IN_CODE_DIGITS} 位数字`)
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

/** One person on the sheet (shared/rules/attendance). */
export const AttendanceRow = z.object({
  ...personFields,
  state: AttendanceStateSchema,
  /** Holds a seat (已报名). */
  registered: z.boolean(),
  /** On the branch's roster (a branch meeting). */
  onRoster: z.boolean(),
  /** Recorded at the door by name, without an account (现场登记). */
  walkIn: z.boolean().optional(),
  checkedInAt: IsoDateTime.optional(),
  /** Who checked them in for them (代签). */
  assistedBy: z.string().optional(),
  leaveReason: z.string().optional(),
});
export type AttendanceRow = z.infer<typeof AttendanceRow>;

/** 应到, 已报名, 实到, 请假, 缺席, 未签到: counted once, by shared/rules/attendance. */
export const AttendanceSummary = z.object(counts('expected', 'registered', 'checkedIn', 'onLeave', 'absent', 'notYet'));

export const AttendanceResponse = z.object({
  activityId: Id,
  summary: AttendanceSummary,
  items: z.array(AttendanceRow),
});
export type AttendanceResponse = z.infer<typeof AttendanceResponse>;

/** A coordinator or the branch's secretary checks someone on the sheet in for them (代签). */
export const AssistedCheckInRequest = z.object({ userId: Id }).strict();

/** Someone without a phone or an account, checked in at the door by name (现场登记); they hold no account. */
export const WalkInRequest = z.object({ name: z.string().trim().min(1, '请填写姓名').max(20) }).strict();

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
  ...personFields,
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
export const LeavePage = page(Leave);
export const LeaveParams = z.object({ id: Id, userId: Id });

export const AttendanceRateQuery = z.object({ year: z.coerce.number().int().min(2014).max(2100).optional() });
export const AttendanceRateResponse = z.object({
  year: z.number().int(),
  branchId: Id.nullable(),
  ...counts('held', 'attended', 'excused', 'absent'),
  rate: z.number().nullable(),
});
export type AttendanceRateResponse = z.infer<typeof AttendanceRateResponse>;
