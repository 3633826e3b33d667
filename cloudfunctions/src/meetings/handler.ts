/** Idea board and measures (措施) of a meeting; the owners' and the secretary's lists. */
import { ActionItemInput, ActionParams, ActionUpdate, ActivityIdParams, BRANCH_STATISTICS_COLUMNS, IdeaGroupRequest, IdeaInput, IdeaParams, IdParams, ListQuery, MinutesInput, OverdueQuery, Role, StatisticsQuery } from '@hele/shared';
import { activitySummary, publishedMeetingsBetween } from '../domain/activities/summary';
import { toCsv } from '../lib/csv';
import { createHttpHandler, created, download, ok, route } from '../lib/http';
import { minutesDocument } from './minutes-document';
import { statisticsWorkbook } from './statistics-workbook';
import { boardRepository } from './repository';
import { createMeetingService } from './service';

const meetings = createMeetingService({ board: boardRepository, activity: activitySummary, meetingsBetween: publishedMeetingsBetween });

export const handler = createHttpHandler({
  'POST /activities/{id}/ideas': route({
    access: 'user',
    params: ActivityIdParams,
    body: IdeaInput,
    handle: async ({ params, body, caller }) => created({ idea: await meetings.addIdea(params.id, body, caller) }),
  }),
  'GET /activities/{id}/ideas': route({ access: 'user', params: ActivityIdParams, handle: async ({ params, caller }) => ok(await meetings.ideas(params.id, caller)) }),
  'PUT /activities/{id}/ideas/{ideaId}/votes/me': route({
    access: 'user',
    params: IdeaParams,
    handle: async ({ params, caller }) => ok(await meetings.vote(params.id, params.ideaId, true, caller)),
  }),
  'DELETE /activities/{id}/ideas/{ideaId}/votes/me': route({
    access: 'user',
    params: IdeaParams,
    handle: async ({ params, caller }) => ok(await meetings.vote(params.id, params.ideaId, false, caller)),
  }),
  'PATCH /activities/{id}/ideas/{ideaId}': route({
    access: [Role.COORDINATOR, Role.SECRETARY],
    params: IdeaParams,
    body: IdeaGroupRequest,
    handle: async ({ params, body, caller }) => ok({ idea: await meetings.group(params.id, params.ideaId, body.group, caller) }),
  }),
  'POST /activities/{id}/actions': route({
    access: [Role.COORDINATOR, Role.SECRETARY],
    params: ActivityIdParams,
    body: ActionItemInput,
    handle: async ({ params, body, caller }) => created({ action: await meetings.addAction(params.id, body, caller) }),
  }),
  'GET /activities/{id}/actions': route({ access: 'user', params: ActivityIdParams, handle: async ({ params, caller }) => ok(await meetings.actions(params.id, caller)) }),
  'PATCH /activities/{id}/actions/{actionId}': route({
    access: 'user',
    params: ActionParams,
    body: ActionUpdate,
    handle: async ({ params, body, caller }) => ok({ action: await meetings.updateAction(params.id, params.actionId, body, caller) }),
  }),
  'GET /activities/{id}/minutes': route({ access: 'user', params: ActivityIdParams, handle: async ({ params, caller }) => ok({ minutes: (await meetings.minutesWithTitle(params.id, caller)).minutes }) }),
  'GET /activities/{id}/minutes/document': route({
    access: 'user',
    params: ActivityIdParams,
    handle: async ({ params, caller }) => {
      const { minutes, title } = await meetings.minutesWithTitle(params.id, caller);
      return download(await minutesDocument(title, minutes.text), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `会议纪要-${title}.docx`);
    },
  }),
  'PUT /activities/{id}/minutes': route({
    access: [Role.COORDINATOR, Role.SECRETARY],
    params: ActivityIdParams,
    body: MinutesInput,
    handle: async ({ params, body, caller }) => ok({ minutes: await meetings.saveMinutes(params.id, body.text, caller) }),
  }),
  'GET /branches/{id}/statistics': route({
    access: [Role.COORDINATOR, Role.SECRETARY],
    params: IdParams,
    query: StatisticsQuery,
    handle: async ({ params, query, caller }) => ok({ statistics: await meetings.branchStatistics(params.id, query.year, caller) }),
  }),
  // The yearly summary of every branch, as JSON or as a sheet for Excel.
  'GET /statistics/branches': route({
    access: [Role.COORDINATOR],
    query: StatisticsQuery,
    handle: async ({ query }) => {
      const items = await meetings.allBranches(query.year);
      if (query.format === 'json') return ok({ items });
      const year = query.year ?? items[0]?.year ?? new Date().getFullYear();
      if (query.format === 'xlsx') return download(await statisticsWorkbook(year, items), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `支部年度统计-${year}.xlsx`);
      const cell = (value: number | null, suffix = '') => (value === null ? '' : `${value}${suffix}`);
      const rows = items.map((row) => [row.branchId, row.year, row.meetings, row.registered, row.attended, cell(row.attendanceRate, '%'), row.leaves, row.measures, row.measuresDoneOnTime, cell(row.observerMark === null ? null : row.observerMark / 100), row.observerSheets]);
      return download(toCsv(BRANCH_STATISTICS_COLUMNS, rows), 'text/csv; charset=utf-8', `支部年度统计-${year}.csv`);
    },
  }),
  'GET /me/actions': route({ access: 'user', query: ListQuery, handle: async ({ query, caller }) => ok(await meetings.mine(caller, query)) }),
  'GET /actions/overdue': route({
    access: [Role.COORDINATOR, Role.SECRETARY],
    query: OverdueQuery,
    handle: async ({ query, caller }) => ok(await meetings.overdue(query, caller)),
  }),
});
