/** The dashboard function's routes. */
import { Role } from '../constants';
import { Dashboard, DashboardExportQuery, DashboardQuery } from '../schemas';
import { defineRoutes, fileReply } from './define';

export const dashboardRoutes = defineRoutes({
  figures: {
    method: 'GET',
    path: '/dashboard',
    access: [Role.COORDINATOR],
    query: DashboardQuery,
    reply: Dashboard,
  },
  export: {
    method: 'GET',
    path: '/dashboard/export',
    access: [Role.COORDINATOR],
    query: DashboardExportQuery,
    reply: fileReply('text/csv; charset=utf-8'),
  },
});
