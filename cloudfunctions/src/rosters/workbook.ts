/**
 * The roster as an Excel workbook (exceljs): the template secretaries fill in, and a filled workbook
 * read back into a grid of cell texts per sheet for the shared rules (`readRosterSheet`) to judge.
 */
import { EDUCATION_LABELS, POLITICAL_STATUS_LABELS, ROSTER_COLUMNS, ROSTER_ROWS_MAX, type RosterField } from '@hele/shared';
import ExcelJS from 'exceljs';

/** Rows the template's drop-downs and text formats cover. */
const TEMPLATE_ROWS = ROSTER_ROWS_MAX;
/** Past these a sheet is not a roster: reading stops (the rules then say it is too long). */
const READ_ROWS_MAX = ROSTER_ROWS_MAX + 20;
const READ_COLUMNS_MAX = 40;
/** A roster never reaches this far down; anything below it is not read. */
const LAST_ROW = 20_000;

const WIDTHS: Record<RosterField, number> = { realName: 14, phone: 16, politicalStatus: 12, birthYear: 10, education: 16, joinedOn: 14 };
const CHOICES: Partial<Record<RosterField, string[]>> = {
  politicalStatus: Object.values(POLITICAL_STATUS_LABELS),
  education: Object.values(EDUCATION_LABELS),
};

export const rosterTemplate = async (): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '和乐党群服务中心';
  const sheet = workbook.addWorksheet('名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((column) => ({ header: column.label, key: column.field, width: WIDTHS[column.field] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  ROSTER_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column.required ? 'FFFDE2E2' : 'FFF2F2F2' } };
    cell.note = column.hint;
    const letter = sheet.getColumn(index + 1).letter;
    const choices = CHOICES[column.field];
    for (let row = 2; row <= TEMPLATE_ROWS + 1; row++) {
      const target = sheet.getCell(`${letter}${row}`);
      // Numbers stay as typed: a phone never turns into 1.38E+10, a date into a serial.
      if (column.field === 'phone' || column.field === 'joinedOn') target.numFmt = '@';
      if (choices) {
        target.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${choices.join(',')}"`],
          showErrorMessage: true,
          errorTitle: column.label,
          error: `请从列表中选择：${choices.join('、')}`,
        };
      }
    }
  });

  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', key: 'label', width: 12 },
    { header: '填写说明', key: 'hint', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of ROSTER_COLUMNS) notes.addRow({ label: column.label, hint: column.hint });
  notes.addRow({});
  for (const line of [
    '在「名册」表中每人填一行，表头请勿修改；只有「姓名」必填。',
    `一次最多导入 ${ROSTER_ROWS_MAX} 人。上传后会逐行检查，有错误的行会标明哪一列有误，确认后只导入没有错误的行。`,
    '同一人（手机号相同；没有手机号时姓名相同）不会重复导入，同一文件导入多次也一样。',
    '导入的人员在本人用微信登录、确认手机号后自动加入本支部；没有手机号的，可在导入名单中为其生成专属邀请。',
  ]) {
    notes.addRow({ hint: line });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};

/** A cell as the text a person sees in it: dates as ISO days, formulas by their result, rich text joined. */
const textOf = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in value) return textOf(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
};

/** The workbook is not one exceljs reads (not xlsx, damaged, or protected). */
export class UnreadableWorkbookError extends Error {}

/** Each sheet as rows of cell texts, index 0 being Excel's row 1. */
export const readWorkbook = async (bytes: Uint8Array): Promise<string[][][]> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableWorkbookError('Not a workbook exceljs reads', { cause: error });
  }
  return workbook.worksheets.map((sheet) => {
    const grid: string[][] = [];
    let filled = 0;
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (filled >= READ_ROWS_MAX || number > LAST_ROW) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column <= READ_COLUMNS_MAX) cells[column - 1] = textOf(cell.value);
      });
      if (!cells.some(Boolean)) return;
      filled++;
      while (grid.length < number - 1) grid.push([]);
      grid[number - 1] = Array.from(cells, (cell) => cell ?? '');
    });
    return grid;
  });
};
