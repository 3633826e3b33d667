/**
 * A branch's roster as secretaries keep it in Excel (docs/DOMAIN.md › Bulk import): the template's
 * columns, how a sheet's header is recognised (the template's names and the usual variants), and each
 * row read into a person with an error per column, in Chinese, naming the column. Pure: the cloud
 * function turns the workbook into a grid of cell texts and hands it here.
 */
import { PoliticalStatus, type PoliticalStatus as Status } from '../constants';
import { MainlandPhone, RealName } from '../schemas/account';
import { type Education, EDUCATION_LABELS } from './plan';

export type RosterField = 'realName' | 'phone' | 'politicalStatus' | 'birthYear' | 'education' | 'joinedOn';

export interface RosterColumn {
  field: RosterField;
  /** The header in the template, and the name an error gives the column. */
  label: string;
  required: boolean;
  /** Other headers secretaries' own sheets use for it. */
  aliases: readonly string[];
  /** How to fill it, for the template's notes. */
  hint: string;
}

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { field: 'realName', label: '姓名', required: true, aliases: ['真实姓名', '党员姓名'], hint: '必填，与身份证一致' },
  {
    field: 'phone',
    label: '手机号',
    required: false,
    aliases: ['手机', '手机号码', '联系电话', '联系方式', '电话'],
    hint: '11 位手机号；本人用微信确认同一号码后即自动加入本支部。没有手机号的，导入后可为其生成专属邀请',
  },
  {
    field: 'politicalStatus',
    label: '政治面貌',
    required: false,
    aliases: [],
    hint: '党员、预备党员、共青团员或群众',
  },
  { field: 'birthYear', label: '出生年份', required: false, aliases: ['出生年月', '出生日期', '出生年'], hint: '如 1980，或出生日期' },
  {
    field: 'education',
    label: '学历',
    required: false,
    aliases: ['文化程度', '最高学历'],
    hint: Object.values(EDUCATION_LABELS).join('、'),
  },
  { field: 'joinedOn', label: '入党日期', required: false, aliases: ['入党时间', '入党年月日'], hint: '如 2005-07-01' },
];

/** One import at most: a branch roster is tens of people, a 党委's a few hundred. */
export const ROSTER_ROWS_MAX = 500;
/** The workbook itself (a 500-line roster is about 30 KB). */
export const ROSTER_FILE_BYTES_MAX = 1024 * 1024;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The header may sit below a title line or two. */
const HEADER_SEARCH_ROWS = 5;

export interface RosterCellError {
  /** The column's label, as the template names it (姓名, 手机号 …). */
  column: string;
  message: string;
}

/** A row of the sheet, read: what could be read, and what is wrong with it. */
export interface RosterLine {
  /** The row number Excel shows. */
  row: number;
  realName?: string;
  phone?: string;
  politicalStatus?: Status;
  birthYear?: number;
  education?: Education;
  joinedOn?: string;
  errors: RosterCellError[];
}

export type RosterSheet = { lines: RosterLine[] } | { problem: string };

/** What a sheet without the 姓名 column hears (a workbook's other sheets may still hold the roster). */
export const ROSTER_HEADER_PROBLEM = '表头缺少「姓名」列，请使用下载的模板';

/** A header without decorations: `姓名*`, `姓名（必填）`, ` 手机号 ` all read as themselves. */
const bare = (text: string) => text.replace(/[（(][^）)]*[）)]/g, '').replace(/[\s*＊:：]/g, '');

const columnOf = (header: string): RosterColumn | undefined => {
  const name = bare(header);
  return name ? ROSTER_COLUMNS.find((column) => column.label === name || column.aliases.includes(name)) : undefined;
};

const STATUS_WORDS: Record<string, Status> = {
  党员: PoliticalStatus.PARTY_MEMBER,
  中共党员: PoliticalStatus.PARTY_MEMBER,
  中国共产党党员: PoliticalStatus.PARTY_MEMBER,
  正式党员: PoliticalStatus.PARTY_MEMBER,
  预备党员: PoliticalStatus.PROBATIONARY,
  中共预备党员: PoliticalStatus.PROBATIONARY,
  共青团员: PoliticalStatus.LEAGUE_MEMBER,
  团员: PoliticalStatus.LEAGUE_MEMBER,
  群众: PoliticalStatus.MASSES,
};

const EDUCATION_WORDS: Record<string, Education> = {
  ...Object.fromEntries(Object.entries(EDUCATION_LABELS).map(([value, label]) => [label, value as Education])),
  小学: 'primary',
  文盲: 'primary',
  初中: 'secondary',
  高中: 'secondary',
  中专: 'secondary',
  职高: 'secondary',
  技校: 'secondary',
  大专: 'college',
  本科: 'college',
  大学: 'college',
  大学专科: 'college',
  大学本科: 'college',
  研究生: 'postgraduate',
  硕士: 'postgraduate',
  博士: 'postgraduate',
  硕士研究生: 'postgraduate',
  博士研究生: 'postgraduate',
};

/** `2005-07-01`, `2005/7/1`, `2005.07.01`, `2005年7月1日`: the date, as ISO, when it exists. */
export const readDate = (text: string): string | undefined => {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
};

/** A phone as people write it: spaces, dashes and a +86 prefix are not part of the number. */
const readPhone = (text: string) => text.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');

type Reader = (text: string, line: RosterLine, year: number) => string | undefined;

/** Each column's reader: sets the line's field, or answers what is wrong (in Chinese). */
const READERS: Record<RosterField, Reader> = {
  realName(text, line) {
    const name = RealName.safeParse(text);
    if (!name.success) return name.error.issues[0]?.message ?? '姓名格式不正确';
    line.realName = name.data;
    return undefined;
  },
  phone(text, line) {
    const phone = MainlandPhone.safeParse(readPhone(text));
    if (!phone.success) return phone.error.issues[0]?.message ?? '手机号格式不正确';
    line.phone = phone.data;
    return undefined;
  },
  politicalStatus(text, line) {
    const status = STATUS_WORDS[text.replace(/\s/g, '')];
    if (!status) return '须为党员、预备党员、共青团员或群众';
    line.politicalStatus = status;
    return undefined;
  },
  birthYear(text, line, year) {
    const digits = /^(\d{4})(?:\s*(?:[-/.年]\s*\d{1,2}.*)?)$/.exec(text.trim());
    const birthYear = digits ? Number(digits[1]) : Number.NaN;
    if (!(birthYear >= 1900 && birthYear <= year - 10)) return '须为出生年份，如 1980';
    line.birthYear = birthYear;
    return undefined;
  },
  education(text, line) {
    const education = EDUCATION_WORDS[text.replace(/\s/g, '')];
    if (!education) return `须为${Object.values(EDUCATION_LABELS).join('、')}之一`;
    line.education = education;
    return undefined;
  },
  joinedOn(text, line, year) {
    const date = readDate(text);
    if (!date || Number(date.slice(0, 4)) < 1921 || Number(date.slice(0, 4)) > year) return '须为日期，如 2005-07-01';
    line.joinedOn = date;
    return undefined;
  },
};

const labelOf = (field: RosterField) => ROSTER_COLUMNS.find((column) => column.field === field)!.label;

/** Who a line is, for duplicates: the phone when there is one, otherwise the name. */
export const rosterIdentity = (line: Pick<RosterLine, 'phone' | 'realName'>): string | undefined =>
  line.phone ? `phone:${line.phone}` : line.realName ? `name:${line.realName}` : undefined;

/**
 * Reads a sheet (rows of cell texts, the first row of the grid being Excel's row 1) into lines: the
 * header row is found by its 姓名 column within the first rows; empty rows are skipped; a person given
 * twice is an error on the later row. `year` bounds birth years and joining dates.
 */
export const readRosterSheet = (grid: readonly (readonly string[])[], year: number): RosterSheet => {
  const headerIndex = grid.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.some((cell) => columnOf(cell)?.field === 'realName'));
  if (headerIndex < 0) return { problem: ROSTER_HEADER_PROBLEM };
  const columns = new Map<number, RosterColumn>();
  const seen = new Set<RosterField>();
  grid[headerIndex]!.forEach((cell, index) => {
    const column = columnOf(cell);
    // A column given twice: the first counts.
    if (column && !seen.has(column.field)) {
      seen.add(column.field);
      columns.set(index, column);
    }
  });
  const rows = grid.slice(headerIndex + 1).map((cells, offset) => ({ cells, row: headerIndex + offset + 2 }));
  const filled = rows.filter(({ cells }) => [...columns.keys()].some((index) => (cells[index] ?? '').trim() !== ''));
  if (filled.length === 0) return { problem: '表格中没有名单，请在表头下方逐行填写' };
  if (filled.length > ROSTER_ROWS_MAX) return { problem: `一次最多导入 ${ROSTER_ROWS_MAX} 人，请分批导入` };

  const firstRow = new Map<string, number>();
  const lines = filled.map(({ cells, row }) => {
    const line: RosterLine = { row, errors: [] };
    for (const [index, column] of columns) {
      const text = (cells[index] ?? '').trim();
      if (!text) {
        if (column.required) line.errors.push({ column: column.label, message: '必填' });
        continue;
      }
      const problem = READERS[column.field](text, line, year);
      if (problem) line.errors.push({ column: column.label, message: problem });
    }
    const identity = rosterIdentity(line);
    const earlier = identity ? firstRow.get(identity) : undefined;
    if (earlier !== undefined) {
      line.errors.push(
        line.phone
          ? { column: labelOf('phone'), message: `与第 ${earlier} 行重复` }
          : { column: labelOf('realName'), message: `与第 ${earlier} 行同名，请填写手机号以区分` },
      );
    } else if (identity && line.errors.length === 0) {
      firstRow.set(identity, row);
    }
    return line;
  });
  return { lines };
};
