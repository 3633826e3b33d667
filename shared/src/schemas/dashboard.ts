/**
 * The dashboard (coordinators, admins): figures the server keeps as it writes (cases per stage,
 * resources offered and allocated, points and service time per month), and their tables as CSV.
 */
import { z } from 'zod';
import { CaseStageSchema } from '../rules/cases';
import { OfferKindSchema } from './resources';

export const MONTHS_MAX = 24;
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');

/** `?from=&to=` months (both included, at most 24); without them the last six. */
export const DashboardQuery = z
  .object({ from: Month.optional(), to: Month.optional() })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.from !== !value.to) ctx.addIssue({ code: 'custom', path: [value.from ? 'to' : 'from'], message: 'give both from and to, or neither' });
    if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DashboardTableSchema = z.enum(['cases', 'resources', 'months']);
export type DashboardTable = z.infer<typeof DashboardTableSchema>;
export const DashboardExportQuery = z.object({ table: DashboardTableSchema, from: Month.optional(), to: Month.optional() }).strict();

export const MonthFigures = z.object({
  month: z.string(),
  pointsEarned: z.number().int(),
  /** Points spent on rewards, less what cancelled redemptions gave back. */
  pointsRedeemed: z.number().int(),
  /** Coordinators' adjustments and expiries (signed). */
  pointsAdjusted: z.number().int(),
  serviceMinutes: z.number().int(),
  serviceRecords: z.number().int(),
});
export type MonthFigures = z.infer<typeof MonthFigures>;

export const ResourceFigures = z.object({
  kind: OfferKindSchema,
  offers: z.number().int(),
  offered: z.number().int(),
  allocations: z.number().int(),
  allocated: z.number().int(),
});
export type ResourceFigures = z.infer<typeof ResourceFigures>;

export const Dashboard = z.object({
  cases: z.array(z.object({ stage: CaseStageSchema, count: z.number().int() })),
  resources: z.array(ResourceFigures),
  months: z.array(MonthFigures),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** The column titles of each table, as the page and the CSV show them. */
export const DASHBOARD_COLUMNS = {
  cases: ['阶段', '个案数'],
  resources: ['资源类型', '发布次数', '发布数量', '分配次数', '分配数量'],
  months: ['月份', '获得积分', '兑换积分', '调整积分', '服务时长（小时）', '服务记录数'],
} as const;
