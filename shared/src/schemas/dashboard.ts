/**
 * The dashboard (coordinators, admins): figures the server keeps as it writes (cases per stage,
 * resources offered and allocated, points and service time per month), and their tables as CSV.
 */
import * as z from 'zod';
import { SERVICE_DESTINATION_LABELS, ServiceDestinationSchema } from '../constants';
import { CASE_STAGE_LABELS, CaseStageSchema } from '../rules/cases';
import {
  FUNDS_UNIT,
  OFFER_KIND_LABELS,
  OfferKindSchema,
  PROJECT_CATEGORY_LABELS,
  ProjectCategorySchema,
  ProjectFigures,
  quantityText,
} from './resources';
import { counts } from './common';

export const MONTHS_MAX = 24;
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM');
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

/** `?from=&to=` months (both included, at most 24); without them the last six. */
export const DashboardQuery = z
  .object({ from: Month.optional(), to: Month.optional() })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.from !== !value.to)
      ctx.addIssue({ code: 'custom', path: [value.from ? 'to' : 'from'], message: '开始和结束日期需同时填写或都不填' });
    if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '不能早于开始日期' });
    // Each month is read on its own: an unbounded range (0001-01 to 9999-12) would read for minutes.
    else if (value.from && value.to && monthIndex(value.to) - monthIndex(value.from) >= MONTHS_MAX)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `最多查看 ${MONTHS_MAX} 个月` });
  });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DashboardTableSchema = z.enum(['months', 'projects', 'categories', 'cases', 'resources', 'destinations']);
export type DashboardTable = z.infer<typeof DashboardTableSchema>;
export const DashboardExportQuery = z.object({ table: DashboardTableSchema, from: Month.optional(), to: Month.optional() }).strict();

/**
 * A month's figures. `registrations`: sign-ups (a seat or a waitlist place, a class seat bought with points included) for
 * activities starting in the month (an activity moved to another month takes its sign-ups along), `checkIns`: check-ins
 * at them (participations); `pointsRedeemed`: points spent on rewards, less what cancelled redemptions gave back;
 * `pointsAdjusted`: coordinators' adjustments and expiries (signed).
 */
export const MonthFigures = z.object({
  month: z.string(),
  ...counts('registrations', 'checkIns', 'pointsEarned', 'pointsRedeemed', 'pointsAdjusted', 'serviceMinutes', 'serviceRecords'),
});
export type MonthFigures = z.infer<typeof MonthFigures>;

export const ResourceFigures = z.object({ kind: OfferKindSchema, ...counts('offers', 'offered', 'allocations', 'allocated') });
export type ResourceFigures = z.infer<typeof ResourceFigures>;

/** 进基层 / 进村居 / 进学校 / 进高墙 (rules/destinations): service activities of the months and approved time. */
export const DestinationRow = z.object({
  destination: ServiceDestinationSchema,
  ...counts('activities', 'serviceMinutes', 'serviceRecords'),
});
export type DestinationRow = z.infer<typeof DestinationRow>;

export const ProjectRow = ProjectFigures.extend({ id: z.string(), name: z.string(), category: ProjectCategorySchema });
export const CategoryRow = ProjectFigures.extend({ category: ProjectCategorySchema, projects: z.number().int() });

export const Dashboard = z.object({
  projects: z.array(ProjectRow),
  categories: z.array(CategoryRow),
  cases: z.array(z.object({ stage: CaseStageSchema, count: z.number().int() })),
  resources: z.array(ResourceFigures),
  months: z.array(MonthFigures),
  destinations: z.array(DestinationRow),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** The column titles of each table, as the page and the CSV show them. */
export const DASHBOARD_COLUMNS = {
  cases: ['阶段', '个案数'],
  resources: ['资源类型', '发布次数', '发布数量', '分配次数', '分配数量'],
  months: ['月份', '报名人次', '签到人次', '获得积分', '兑换积分', '调整积分', '服务时长（小时）', '服务记录数'],
  projects: ['项目', '类别', '签到人次', '服务时长（小时）', '个案', '资源分配'],
  categories: ['类别', '项目数', '签到人次', '服务时长（小时）', '个案', '资源分配'],
  destinations: ['服务去向', '服务活动', '服务时长（小时）', '服务记录数'],
} as const;

/** Minutes as hours with one decimal. */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;

/** Each table's rows as the page and the CSV show them (funds in 元, time in hours), under DASHBOARD_COLUMNS. */
export const dashboardRows = (dashboard: Dashboard): Record<DashboardTable, Array<Array<string | number>>> => {
  const amount = (kind: string, quantity: number) => (kind === 'funds' ? quantityText(quantity, FUNDS_UNIT) : quantity);
  return {
    months: dashboard.months.map((row) => [
      row.month,
      row.registrations,
      row.checkIns,
      row.pointsEarned,
      row.pointsRedeemed,
      row.pointsAdjusted,
      hoursOf(row.serviceMinutes),
      row.serviceRecords,
    ]),
    projects: dashboard.projects.map((row) => [
      row.name,
      PROJECT_CATEGORY_LABELS[row.category],
      row.checkIns,
      hoursOf(row.serviceMinutes),
      row.cases,
      row.allocations,
    ]),
    categories: dashboard.categories.map((row) => [
      PROJECT_CATEGORY_LABELS[row.category],
      row.projects,
      row.checkIns,
      hoursOf(row.serviceMinutes),
      row.cases,
      row.allocations,
    ]),
    destinations: dashboard.destinations.map((row) => [
      SERVICE_DESTINATION_LABELS[row.destination],
      row.activities,
      hoursOf(row.serviceMinutes),
      row.serviceRecords,
    ]),
    cases: dashboard.cases.map((row) => [CASE_STAGE_LABELS[row.stage], row.count]),
    resources: dashboard.resources.map((row) => [
      OFFER_KIND_LABELS[row.kind],
      row.offers,
      amount(row.kind, row.offered),
      row.allocations,
      amount(row.kind, row.allocated),
    ]),
  };
};
