/** The dashboard function's routes. */
import { Dashboard, DashboardExportQuery, DashboardQuery } from '../schemas';
import { COORDINATORS } from './access';
import { GET, defineRoutes, fileReply } from './define';

export const dashboardRoutes = defineRoutes({
  figures: GET('/dashboard', COORDINATORS, { query: DashboardQuery, reply: Dashboard }),
  export: GET('/dashboard/export', COORDINATORS, { query: DashboardExportQuery, reply: fileReply('text/csv; charset=utf-8') }),
});
