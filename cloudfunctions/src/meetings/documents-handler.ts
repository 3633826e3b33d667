/**
 * The meetings' documents, a function of their own: docx and exceljs (most of a megabyte) load here
 * and nowhere on the board's request path.
 */
import { BRANCH_STATISTICS_COLUMNS, branchStatisticsCells, monthsBetween } from '@hele/shared';
import { destinationsOver } from '../domain/destinations';
import { meetingDocumentsRoutes } from '@hele/shared/contract/meetings';
import { toCsv } from '../lib/csv';
import { createHttpHandler, download } from '../lib/http';
import { minutesDocument } from './minutes-document';
import { meetingService } from './wiring';
import { statisticsWorkbook } from './statistics-workbook';

const meetings = meetingService();

export const handler = createHttpHandler(meetingDocumentsRoutes, {
  minutesDocument: async ({ params, caller }) => {
    const { minutes, title } = await meetings.minutesWithTitle(params.id, caller);
    return download(
      await minutesDocument(title, minutes.text),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      `会议纪要-${title}.docx`,
    );
  },
  // The yearly summary of every branch, as JSON or as a sheet for Excel.
  statisticsWorkbook: async ({ query }) => {
    const [items, thisYear] = await Promise.all([meetings.allBranches(query.year), meetings.thisYear()]);
    const year = query.year ?? thisYear;
    const destinations = await destinationsOver(monthsBetween(`${year}-01`, `${year}-12`));
    if (query.format === 'json') return { items, destinations };
    if (query.format === 'xlsx')
      return download(
        await statisticsWorkbook(year, items, destinations, await meetings.partyAppraisal(year)),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        `支部年度统计-${year}.xlsx`,
      );
    const rates = [BRANCH_STATISTICS_COLUMNS.indexOf('出席率'), BRANCH_STATISTICS_COLUMNS.indexOf('三会一课完成率')];
    const rows = items.map((row) =>
      branchStatisticsCells(row).map((cell, i) => (cell === null ? '' : rates.includes(i) ? `${Math.round(Number(cell) * 100)}%` : cell)),
    );
    return download(toCsv(BRANCH_STATISTICS_COLUMNS, rows), 'text/csv; charset=utf-8', `支部年度统计-${year}.csv`);
  },
});
