/** Idea board and measures (措施) of a meeting; the owners' and the secretary's lists. */
import { BRANCH_STATISTICS_COLUMNS } from '@hele/shared';
import { activitySummary, publishedMeetingsBetween } from '../domain/activities/summary';
import { standingAt } from '../domain/meeting-audience';
import { toCsv } from '../lib/csv';
import { createHttpHandler, download } from '../lib/http';
import { minutesDocument } from './minutes-document';
import { statisticsWorkbook } from './statistics-workbook';
import { boardRepository } from './repository';
import { createMeetingService } from './service';
import { contract } from '@hele/shared/contract';

const meetings = createMeetingService({
  board: boardRepository,
  activity: activitySummary,
  meetingsBetween: publishedMeetingsBetween,
  standing: standingAt,
});

export const handler = createHttpHandler(contract.meetings, {
  addIdea: async ({ params, body, caller }) => ({ idea: await meetings.addIdea(params.id, body, caller) }),
  ideas: async ({ params, caller }) => await meetings.ideas(params.id, caller),
  vote: async ({ params, caller }) => await meetings.vote(params.id, params.ideaId, true, caller),
  unvote: async ({ params, caller }) => await meetings.vote(params.id, params.ideaId, false, caller),
  groupIdea: async ({ params, body, caller }) => ({ idea: await meetings.group(params.id, params.ideaId, body.group, caller) }),
  addAction: async ({ params, body, caller }) => ({ action: await meetings.addAction(params.id, body, caller) }),
  actions: async ({ params, caller }) => await meetings.actions(params.id, caller),
  updateAction: async ({ params, body, caller }) => ({ action: await meetings.updateAction(params.id, params.actionId, body, caller) }),
  minutes: async ({ params, caller }) => ({ minutes: (await meetings.minutesWithTitle(params.id, caller)).minutes }),
  minutesDocument: async ({ params, caller }) => {
    const { minutes, title } = await meetings.minutesWithTitle(params.id, caller);
    return download(
      await minutesDocument(title, minutes.text),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      `会议纪要-${title}.docx`,
    );
  },
  saveMinutes: async ({ params, body, caller }) => ({ minutes: await meetings.saveMinutes(params.id, body.text, caller) }),
  branchStatistics: async ({ params, query, caller }) => ({ statistics: await meetings.branchStatistics(params.id, query.year, caller) }),
  // The yearly summary of every branch, as JSON or as a sheet for Excel.
  statisticsWorkbook: async ({ query }) => {
    const items = await meetings.allBranches(query.year);
    if (query.format === 'json') return { items };
    const year = query.year ?? items[0]?.year ?? new Date().getFullYear();
    if (query.format === 'xlsx')
      return download(
        await statisticsWorkbook(year, items),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        `支部年度统计-${year}.xlsx`,
      );
    const cell = (value: number | null, suffix = '') => (value === null ? '' : `${value}${suffix}`);
    const rows = items.map((row) => [
      row.branchId,
      row.year,
      row.meetings,
      row.registered,
      row.attended,
      cell(row.attendanceRate, '%'),
      row.leaves,
      row.measures,
      row.measuresDoneOnTime,
      cell(row.observerMark === null ? null : row.observerMark / 100),
      row.observerSheets,
    ]);
    return download(toCsv(BRANCH_STATISTICS_COLUMNS, rows), 'text/csv; charset=utf-8', `支部年度统计-${year}.csv`);
  },
  myActions: async ({ query, caller }) => await meetings.mine(caller, query),
  overdueActions: async ({ query, caller }) => await meetings.overdue(query, caller),
});
