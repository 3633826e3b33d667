/**
 * The HTTP API, declared once: every route of every function, grouped as serverless/functions/
 * groups them (a group is one Lambda function). See `define.ts` for what a declaration holds.
 */
import { academyRoutes } from './academy';
import { accountRoutes } from './account';
import { activitiesRoutes } from './activities';
import { attendanceRoutes } from './attendance';
import { authRoutes } from './auth';
import { branchesRoutes } from './branches';
import { dashboardRoutes } from './dashboard';
import { directoryRoutes } from './directory';
import { feedDocumentsRoutes, feedRoutes } from './feed';
import { healthRoutes } from './health';
import { libraryRoutes } from './library';
import { meetingDocumentsRoutes, meetingsRoutes } from './meetings';
import { notificationsRoutes } from './notifications';
import { pointsRoutes } from './points';
import { registrationsRoutes } from './registrations';
import { resourcesRoutes } from './resources';
import { rolesRoutes } from './roles';
import { rosterWorkbooksRoutes, rostersRoutes } from './rosters';
import { seriesRoutes } from './series';
import { volunteerDocumentsRoutes, volunteersRoutes } from './volunteers';

export const contract = {
  health: healthRoutes,
  auth: authRoutes,
  account: accountRoutes,
  activities: activitiesRoutes,
  registrations: registrationsRoutes,
  series: seriesRoutes,
  attendance: attendanceRoutes,
  notifications: notificationsRoutes,
  points: pointsRoutes,
  volunteers: volunteersRoutes,
  volunteerDocuments: volunteerDocumentsRoutes,
  feed: feedRoutes,
  feedDocuments: feedDocumentsRoutes,
  roles: rolesRoutes,
  meetings: meetingsRoutes,
  meetingDocuments: meetingDocumentsRoutes,
  library: libraryRoutes,
  resources: resourcesRoutes,
  branches: branchesRoutes,
  directory: directoryRoutes,
  rosters: rostersRoutes,
  rosterWorkbooks: rosterWorkbooksRoutes,
  academy: academyRoutes,
  dashboard: dashboardRoutes,
} as const;
export type Contract = typeof contract;
export type FunctionName = keyof Contract;

export * from './define';
