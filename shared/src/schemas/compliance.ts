/** 三会一课 on schedule (rules/compliance): the center's frequencies and each branch's periods held, due and overdue. */
import * as z from 'zod';
import { MEETING_TYPES, MeetingFrequencySchema, MeetingTypeSchema, type MeetingFrequency, type MeetingType } from '../constants';
import { Id } from './common';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** How often each kind of meeting is due: every kind named once. */
export const MeetingFrequencies = z
  .object(
    Object.fromEntries(MEETING_TYPES.map((type) => [type, MeetingFrequencySchema])) as Record<MeetingType, typeof MeetingFrequencySchema>,
  )
  .strict();
export type MeetingFrequencies = Record<MeetingType, MeetingFrequency>;

export const PeriodStatusSchema = z.object({
  key: z.string(),
  label: z.string(),
  from: Day,
  to: Day,
  state: z.enum(['held', 'due', 'overdue', 'upcoming']),
  meetings: z.number().int(),
});

export const ComplianceTotalsSchema = z.object({
  expected: z.number().int(),
  held: z.number().int(),
  overdue: z.number().int(),
  due: z.number().int(),
  /** 完成率: held over held + overdue, whole percent; null before any period closed or was held. */
  rate: z.number().int().nullable(),
});
export type ComplianceTotalsFigures = z.infer<typeof ComplianceTotalsSchema>;

export const BranchCompliance = z.object({
  branchId: Id,
  branchName: z.string(),
  year: z.number().int(),
  types: z.array(z.object({ type: MeetingTypeSchema, frequency: MeetingFrequencySchema, periods: z.array(PeriodStatusSchema) })),
  totals: ComplianceTotalsSchema,
  /** What runs now for each kind, held or still due, and the days it has left (the secretary's 首页). */
  current: z.array(PeriodStatusSchema.extend({ type: MeetingTypeSchema, frequency: MeetingFrequencySchema, daysLeft: z.number().int() })),
});
export type BranchCompliance = z.infer<typeof BranchCompliance>;

export const ComplianceQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();

export const ComplianceBoard = z.object({
  year: z.number().int(),
  today: Day,
  frequencies: MeetingFrequencies,
  /** Every 党支部 of the directory, weakest first (most overdue, then lowest rate). */
  items: z.array(BranchCompliance),
});
export type ComplianceBoard = z.infer<typeof ComplianceBoard>;
