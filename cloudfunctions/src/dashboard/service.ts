/**
 * The dashboard: the counters that writes keep (lib/stats) read back and put in tables. No table
 * of the features is scanned; a month costs two small queries.
 */
import {
  CASE_STAGE_LABELS,
  CASE_STAGES,
  DASHBOARD_COLUMNS,
  monthsBetween,
  OFFER_KIND_LABELS,
  OfferKindSchema,
  quantityText,
  recentMonths,
  FUNDS_UNIT,
  type Dashboard,
  type DashboardQuery,
  type MonthFigures,
} from '@hele/shared';
import { toCsv } from '../lib/csv';
import { readCounts } from '../lib/stats';

/** Without a range the dashboard shows this many months up to now. */
const DEFAULT_MONTHS = 6;

export interface DashboardDeps {
  counts?: typeof readCounts;
  now?: () => Date;
}

const monthOf = (month: string, points: Record<string, number>, service: Record<string, number>): MonthFigures => ({
  month,
  pointsEarned: points.EARN ?? 0,
  pointsRedeemed: -((points.REDEEM ?? 0) + (points.REFUND ?? 0)),
  pointsAdjusted: (points.ADJUST ?? 0) + (points.EXPIRE ?? 0),
  serviceMinutes: service.minutes ?? 0,
  serviceRecords: service.records ?? 0,
});

export const createDashboardService = ({ counts = readCounts, now = () => new Date() }: DashboardDeps = {}) => {
  const figures = async (query: DashboardQuery): Promise<Dashboard> => {
    const months = query.from && query.to ? monthsBetween(query.from, query.to) : recentMonths(now(), DEFAULT_MONTHS);
    const [cases, resources, perMonth] = await Promise.all([
      counts('cases'),
      counts('resources'),
      Promise.all(months.map(async (month) => monthOf(month, await counts(`points#${month}`), await counts(`service#${month}`)))),
    ]);
    return {
      cases: CASE_STAGES.map((stage) => ({ stage, count: cases[stage] ?? 0 })),
      resources: OfferKindSchema.options.map((kind) => ({
        kind,
        offers: resources[`${kind}Offers`] ?? 0,
        offered: resources[`${kind}Offered`] ?? 0,
        allocations: resources[`${kind}Allocations`] ?? 0,
        allocated: resources[`${kind}Allocated`] ?? 0,
      })),
      months: perMonth,
    };
  };

  return {
    figures,

    /** One of the dashboard's tables as CSV, with the column titles the page shows. */
    async csv(table: keyof typeof DASHBOARD_COLUMNS, query: DashboardQuery): Promise<string> {
      const dashboard = await figures(query);
      if (table === 'cases') return toCsv(DASHBOARD_COLUMNS.cases, dashboard.cases.map((row) => [CASE_STAGE_LABELS[row.stage], row.count]));
      if (table === 'resources') {
        // Funds are shown in 元; other kinds count what was offered in its own units.
        const amount = (kind: string, quantity: number) => (kind === 'funds' ? quantityText(quantity, FUNDS_UNIT) : quantity);
        return toCsv(
          DASHBOARD_COLUMNS.resources,
          dashboard.resources.map((row) => [OFFER_KIND_LABELS[row.kind], row.offers, amount(row.kind, row.offered), row.allocations, amount(row.kind, row.allocated)]),
        );
      }
      return toCsv(
        DASHBOARD_COLUMNS.months,
        dashboard.months.map((row) => [row.month, row.pointsEarned, row.pointsRedeemed, row.pointsAdjusted, Math.round((row.serviceMinutes / 60) * 10) / 10, row.serviceRecords]),
      );
    },
  };
};
