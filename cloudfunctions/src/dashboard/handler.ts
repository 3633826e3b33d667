/** Dashboard routes (coordinators; admins pass every role check): the figures, and each table as CSV. */
import { DashboardQuery } from '@hele/shared';
import { createHttpHandler, download, parseWith } from '../lib/http';
import { createDashboardService } from './service';
import { dashboardRoutes } from '@hele/shared/contract/dashboard';

const dashboard = createDashboardService();
const EXPORT_NAMES = {
  months: '月度参与积分与服务时长',
  projects: '项目',
  categories: '项目类别',
  cases: '个案阶段',
  resources: '资源发布与分配',
  destinations: '服务去向',
} as const;

export const handler = createHttpHandler(dashboardRoutes, {
  figures: async ({ query }) => await dashboard.figures(query),
  export: async ({ query: { table, ...range } }) =>
    download(
      await dashboard.csv(table, parseWith(DashboardQuery, range, undefined, 'query')),
      'text/csv; charset=utf-8',
      `${EXPORT_NAMES[table]}.csv`,
    ),
});
