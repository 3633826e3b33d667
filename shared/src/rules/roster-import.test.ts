import { readDate, readRosterSheet, ROSTER_COLUMNS, ROSTER_ROWS_MAX, rosterIdentity, type RosterLine } from './roster-import';

const YEAR = 2026;
const HEADER = ROSTER_COLUMNS.map((column) => column.label);
const linesOf = (grid: string[][]) => {
  const sheet = readRosterSheet(grid, YEAR);
  if ('problem' in sheet) throw new Error(sheet.problem);
  return sheet.lines;
};
const errorsOf = (line: RosterLine) => line.errors.map(({ column, message }) => `${column}：${message}`);

describe('reading a roster sheet', () => {
  it('reads the template’s columns into people, with Excel’s row numbers', () => {
    const lines = linesOf([
      HEADER,
      ['张三', '13800000001', '党员', '1980', '大学本科', '2005-07-01'],
      ['李四', '138 0000 0002', '预备党员', '1995-03-02', '研究生', '2020/7/1'],
      ['', '', '', '', '', ''],
      ['阿依古丽·买买提', '+8613800000003', '群众', '', '', ''],
    ]);
    expect(lines).toEqual([
      {
        row: 2,
        realName: '张三',
        phone: '13800000001',
        politicalStatus: 'party_member',
        birthYear: 1980,
        education: 'college',
        joinedOn: '2005-07-01',
        errors: [],
      },
      {
        row: 3,
        realName: '李四',
        phone: '13800000002',
        politicalStatus: 'probationary',
        birthYear: 1995,
        education: 'postgraduate',
        joinedOn: '2020-07-01',
        errors: [],
      },
      { row: 5, realName: '阿依古丽·买买提', phone: '13800000003', politicalStatus: 'masses', errors: [] },
    ]);
  });

  it('finds the header below a title, with decorations and the usual other names, in any order', () => {
    const lines = linesOf([
      ['和乐社区第一党支部党员花名册'],
      [],
      ['序号', '联系电话', '姓名（必填）', '文化程度', '入党时间', '出生年月', '政治面貌*'],
      ['1', '13800000004', '王五', '大专', '2001年7月1日', '1970.05', '中共党员'],
    ]);
    expect(lines).toEqual([
      {
        row: 4,
        realName: '王五',
        phone: '13800000004',
        politicalStatus: 'party_member',
        birthYear: 1970,
        education: 'college',
        joinedOn: '2001-07-01',
        errors: [],
      },
    ]);
  });

  it('says, per row, which column is wrong and how, in Chinese', () => {
    const lines = linesOf([
      HEADER,
      ['', '1380000', '党外人士', '1890', '幼儿园', '2005-02-30'],
      ['赵6', '13800000005', '团员', '2024', '博士', '2030-01-01'],
    ]);
    expect(errorsOf(lines[0]!)).toEqual([
      '姓名：必填',
      '手机号：须为 11 位手机号',
      '政治面貌：须为党员、预备党员、共青团员或群众',
      '出生年份：须为出生年份，如 1980',
      '学历：须为小学及以下、初中/高中/中专、大专/本科、研究生之一',
      '入党日期：须为日期，如 2005-07-01',
    ]);
    expect(errorsOf(lines[1]!)).toEqual([
      '姓名：姓名只能包含汉字、字母和间隔号',
      '出生年份：须为出生年份，如 1980',
      '入党日期：须为日期，如 2005-07-01',
    ]);
    expect(lines[1]).toMatchObject({ phone: '13800000005', politicalStatus: 'league_member', education: 'postgraduate' });
  });

  it('flags a person given twice on the later row: the same phone, or the same name without one', () => {
    const lines = linesOf([
      HEADER,
      ['张三', '13800000006'],
      ['张三', ''],
      ['张叁', '138-0000-0006'],
      ['张三', ''],
      ['张三', '13800000007'],
    ]);
    expect(lines.map(errorsOf)).toEqual([[], [], ['手机号：与第 2 行重复'], ['姓名：与第 3 行同名，请填写手机号以区分'], []]);
  });

  it('lets a row with errors claim no identity, so its corrected twin further down still counts', () => {
    const lines = linesOf([HEADER, ['张三', '13800000008', '无'], ['张三', '13800000008', '党员']]);
    expect(lines.map((line) => line.errors.length)).toEqual([1, 0]);
  });

  it('reads only the first of a column given twice and ignores columns it does not know', () => {
    const lines = linesOf([
      ['姓名', '备注', '手机号', '手机'],
      ['张三', '老党员', '13800000009', '13900000000'],
    ]);
    expect(lines).toEqual([{ row: 2, realName: '张三', phone: '13800000009', errors: [] }]);
  });

  it('refuses a sheet without a 姓名 column, without names, or over the limit, saying why', () => {
    expect(
      readRosterSheet(
        [
          ['序号', '手机号'],
          ['1', '13800000000'],
        ],
        YEAR,
      ),
    ).toEqual({ problem: '表头缺少「姓名」列，请使用下载的模板' });
    expect(readRosterSheet([], YEAR)).toEqual({ problem: '表头缺少「姓名」列，请使用下载的模板' });
    expect(readRosterSheet([HEADER, ['', ''], ['', '', '', '', '', '', '备注']], YEAR)).toEqual({
      problem: '表格中没有名单，请在表头下方逐行填写',
    });
    const many = Array.from({ length: ROSTER_ROWS_MAX + 1 }, (_, i) => [`张${String.fromCharCode(0x4e00 + i)}`]);
    expect(readRosterSheet([['姓名'], ...many], YEAR)).toEqual({ problem: `一次最多导入 ${ROSTER_ROWS_MAX} 人，请分批导入` });
    expect(linesOf([['姓名'], ...many.slice(0, ROSTER_ROWS_MAX)])).toHaveLength(ROSTER_ROWS_MAX);
  });
});

describe('dates and identities', () => {
  it('reads the ways dates are written, and refuses days that do not exist', () => {
    expect(['2005-07-01', '2005/7/1', '2005.07.01', '2005年7月1日', ' 2005 年 7 月 1 日 '].map(readDate)).toEqual(
      Array(5).fill('2005-07-01'),
    );
    expect(['2005-02-29', '2005-13-01', '2005-07', '七月一日', ''].map(readDate)).toEqual(Array(5).fill(undefined));
    expect(readDate('2004-02-29')).toBe('2004-02-29');
  });

  it('knows a person by phone, else by name', () => {
    expect(rosterIdentity({ phone: '13800000000', realName: '张三' })).toBe('phone:13800000000');
    expect(rosterIdentity({ realName: '张三' })).toBe('name:张三');
    expect(rosterIdentity({})).toBeUndefined();
  });
});
