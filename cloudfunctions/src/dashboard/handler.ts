/** Dashboard routes (coordinators; admins pass every role check): the figures, and each table as CSV. */
import { DashboardExportQuery, DashboardQuery, Role } from '@hele/shared';
import { createHttpHandler, download, ok, parseWith, route } from '../lib/http';
import { createDashboardService } from './service';

const dashboard = createDashboardService();
const COORDINATORS = [Role.COORDINATOR] as const;
const EXPORT_NAMES = { months: '月度参与积分与服务时长', projects: '项目', categories: '项目类别', cases: '个案阶段', resources: '资源发布与分配' } as const;

export const handler = createHttpHandler({
  'GET /dashboard': route({ access: COORDINATORS, query: DashboardQuery, handle: async ({ query }) => ok(await dashboard.figures(query)) }),
  'GET /dashboard/export': route({
    access: COORDINATORS,
    query: DashboardExportQuery,
    // The range is read with the dashboard's own rules (both ends or neither, in order).
    handle: async ({ query: { table, ...range } }) => download(await dashboard.csv(table, parseWith(DashboardQuery, range)), 'text/csv; charset=utf-8', `${EXPORT_NAMES[table]}.csv`),
  }),
});
