/**
 * The dashboard: the counters that writes keep (lib/stats) read back and put in tables. No table
 * of the features is scanned; a month costs three small queries, a project one.
 */
import {
  CASE_STAGES,
  DASHBOARD_COLUMNS,
  dashboardRows,
  monthsBetween,
  OfferKindSchema,
  ProjectCategorySchema,
  recentMonths,
  type Dashboard,
  type DashboardQuery,
  type DashboardTable,
  type MonthFigures,
  type ProjectFigures,
} from '@hele/shared';
import { toCsv } from '../lib/csv';
import { allProjects, projectScope } from '../domain/projects';
import { participationScope, readCounts } from '../domain/stats';
import { destinationsOver, serviceScope } from '../domain/destinations';
import { signUpsOver } from '../domain/activities/summary';

/** Without a range the dashboard shows this many months up to now. */
const DEFAULT_MONTHS = 6;

export interface DashboardDeps {
  counts?: typeof readCounts;
  projects?: typeof allProjects;
  destinations?: typeof destinationsOver;
  signUps?: typeof signUpsOver;
  now?: () => Date;
}

/** `signUps`: those the month's activities counted on themselves (since #20); the stats' `registrations` are the older ones. */
const monthOf = (
  month: string,
  signUps: number,
  participation: Record<string, number>,
  points: Record<string, number>,
  service: Record<string, number>,
): MonthFigures => ({
  month,
  registrations: signUps + (participation.registrations ?? 0),
  checkIns: participation.checkIns ?? 0,
  pointsEarned: points.EARN ?? 0,
  pointsRedeemed: -((points.REDEEM ?? 0) + (points.REFUND ?? 0)),
  pointsAdjusted: (points.ADJUST ?? 0) + (points.EXPIRE ?? 0),
  serviceMinutes: service.minutes ?? 0,
  serviceRecords: service.records ?? 0,
});

const figuresOf = (counts: Record<string, number>): ProjectFigures => ({
  checkIns: counts.checkIns ?? 0,
  serviceMinutes: counts.serviceMinutes ?? 0,
  cases: counts.cases ?? 0,
  allocations: counts.allocations ?? 0,
});

export const createDashboardService = ({
  counts = readCounts,
  projects = allProjects,
  destinations = destinationsOver,
  signUps = signUpsOver,
  now = () => new Date(),
}: DashboardDeps = {}) => {
  const figures = async (query: DashboardQuery): Promise<Dashboard> => {
    const months = query.from && query.to ? monthsBetween(query.from, query.to) : recentMonths(now(), DEFAULT_MONTHS);
    const [cases, resources, perMonth, perProject, perDestination] = await Promise.all([
      counts('cases'),
      counts('resources'),
      // A month's three counters are read together, and the months side by side, beside the activities' sign-ups.
      Promise.all([
        signUps(months),
        Promise.all(
          months.map((month) => Promise.all([counts(participationScope(month)), counts(`points#${month}`), counts(serviceScope(month))])),
        ),
      ]).then(([signedUp, counted]) => months.map((month, i) => monthOf(month, signedUp.get(month) ?? 0, ...counted[i]!))),
      projects().then((found) =>
        Promise.all(found.map(async ({ id, name, category }) => ({ id, name, category, ...figuresOf(await counts(projectScope(id))) }))),
      ),
      destinations(months),
    ]);
    return {
      months: perMonth,
      destinations: perDestination,
      projects: perProject,
      categories: ProjectCategorySchema.options.map((category) => {
        const mine = perProject.filter((project) => project.category === category);
        const sum = (figure: keyof ProjectFigures) => mine.reduce((total, project) => total + project[figure], 0);
        return {
          category,
          projects: mine.length,
          checkIns: sum('checkIns'),
          serviceMinutes: sum('serviceMinutes'),
          cases: sum('cases'),
          allocations: sum('allocations'),
        };
      }),
      cases: CASE_STAGES.map((stage) => ({ stage, count: cases[stage] ?? 0 })),
      resources: OfferKindSchema.options.map((kind) => ({
        kind,
        offers: resources[`${kind}Offers`] ?? 0,
        offered: resources[`${kind}Offered`] ?? 0,
        allocations: resources[`${kind}Allocations`] ?? 0,
        allocated: resources[`${kind}Allocated`] ?? 0,
      })),
    };
  };

  return {
    figures,
    /** One of the dashboard's tables as CSV, with the column titles the page shows. */
    csv: async (table: DashboardTable, query: DashboardQuery) =>
      toCsv(DASHBOARD_COLUMNS[table], dashboardRows(await figures(query))[table]),
  };
};
