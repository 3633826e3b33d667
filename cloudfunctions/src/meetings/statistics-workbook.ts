/**
 * The branches' yearly statistics as an Excel workbook (xlsx): one row per branch, rates and marks as numbers Excel can sum
 * and sort; a sheet of the year's service by destination, and one of each member's 党员积分 of the year for 民主评议.
 */
import {
  BRANCH_STATISTICS_COLUMNS,
  branchStatisticsCells,
  DASHBOARD_COLUMNS,
  dashboardRows,
  PARTY_APPRAISAL_COLUMNS,
  type BranchYearFigures,
  type DestinationRow,
  type PartyAppraisalRow,
} from '@hele/shared';
import ExcelJS from 'exceljs';

export const statisticsWorkbook = async (
  year: number,
  rows: readonly BranchYearFigures[],
  destinations: DestinationRow[],
  appraisal: readonly PartyAppraisalRow[] = [],
): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${year} 年支部统计`);
  sheet.addRow([...BRANCH_STATISTICS_COLUMNS]).font = { bold: true };
  for (const row of rows) sheet.addRow(branchStatisticsCells(row));
  sheet.getColumn(BRANCH_STATISTICS_COLUMNS.indexOf('出席率') + 1).numFmt = '0%';
  sheet.getColumn(BRANCH_STATISTICS_COLUMNS.indexOf('三会一课完成率') + 1).numFmt = '0%';
  sheet.getColumn(BRANCH_STATISTICS_COLUMNS.indexOf('观摩评分') + 1).numFmt = '0.00';
  for (const column of sheet.columns) column.width = 12;
  // 志愿服务进基层、进村居、进学校、进高墙: the year's service activities and approved hours per destination.
  const served = workbook.addWorksheet(`${year} 年服务去向`);
  served.addRow([...DASHBOARD_COLUMNS.destinations]).font = { bold: true };
  for (const row of dashboardRows({ projects: [], categories: [], cases: [], resources: [], months: [], destinations }).destinations)
    served.addRow(row);
  for (const column of served.columns) column.width = 14;
  // 民主评议: each member's 党员积分 of the year, ranked within the branch.
  const members = workbook.addWorksheet(`${year} 年民主评议·党员积分`);
  members.addRow([...PARTY_APPRAISAL_COLUMNS]).font = { bold: true };
  for (const row of appraisal) members.addRow([row.branchId, row.name, row.total, row.rank]);
  for (const column of members.columns) column.width = 14;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};
