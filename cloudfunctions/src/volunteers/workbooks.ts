/**
 * Approved hours as Excel workbooks (exceljs), with what a 志愿服务记录证明 states (民政部《志愿服务记录
 * 与证明出具办法》): the volunteer's name, when they served, for how long, what the service was,
 * who recorded it, the organisation that issues it and the date. The app holds no identity-card
 * numbers: the issuing organisation adds those on paper where one is asked for.
 */
import { certificateHours, formatSerial, SERVICE_SOURCE_LABELS, type IssuedCertificate, type ServiceRecord } from '@hele/shared';
import ExcelJS from 'exceljs';

const bold = { bold: true } as const;
const NO_ID_NOTE = '说明：本表依据经审核的志愿服务记录生成；本程序不收集身份证件号码，如证明需载明，由出具单位另行填写。';

/** One certificate, as its paper says it, with its serial and the link that verifies it. */
export const certificateWorkbook = async (certificate: IssuedCertificate): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = certificate.issuer;
  const sheet = workbook.addWorksheet('志愿服务记录证明');
  sheet.columns = [{ width: 8 }, { width: 14 }, { width: 40 }, { width: 16 }, { width: 14 }, { width: 16 }];
  sheet.mergeCells('A1:F1');
  const title = sheet.getCell('A1');
  title.value = '志愿服务记录证明';
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  const facts: Array<[string, ExcelJS.CellValue]> = [
    ['证明编号', formatSerial(certificate.serial)],
    ['志愿者姓名', certificate.realName],
    ['累计服务时长（小时）', certificateHours(certificate.totalMinutes)],
    ['服务记录（条）', certificate.lines.length],
    ['出具单位', certificate.issuer],
    ['出具日期', certificate.issuedAt.slice(0, 10)],
    ['核验网址', { text: certificate.verifyUrl, hyperlink: certificate.verifyUrl }],
    [
      '状态',
      certificate.status === 'valid'
        ? '有效'
        : `已撤销（${certificate.revokedAt?.slice(0, 10) ?? ''} ${certificate.revocationReason ?? ''}）`.replace(/\s+）/, '）'),
    ],
  ];
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value]);
    sheet.mergeCells(`B${row.number}:F${row.number}`);
    row.getCell(1).font = bold;
  }
  sheet.addRow([]);
  const header = sheet.addRow(['序号', '服务日期', '服务内容', '服务时长（小时）', '记录方式', '审核人（记录人）']);
  header.font = bold;
  certificate.lines.forEach((line, index) => {
    sheet.addRow([
      index + 1,
      line.servedOn,
      line.activity,
      certificateHours(line.minutes),
      SERVICE_SOURCE_LABELS[line.source],
      line.approver,
    ]);
  });
  const total = sheet.addRow(['合计', '', '', certificateHours(certificate.totalMinutes), '', '']);
  total.font = bold;
  sheet.addRow([]);
  sheet.addRow([NO_ID_NOTE]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};

export interface WorkbookRecord extends ServiceRecord {
  /** The volunteer's real name, or their nickname marked as such. */
  volunteerName: string;
  /** The center's calendar date it was served. */
  servedDay: string;
}

/** A sheet whose first row names its columns, in bold: each column a [header, width]. */
const headedSheet = (
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Array<[header: string, width: number]>,
  options?: Partial<ExcelJS.AddWorksheetOptions>,
) => {
  const sheet = workbook.addWorksheet(name, options);
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = bold;
  return sheet;
};

/** Every approved record of a period (one row each), and each volunteer's total on a second sheet. */
export const hoursWorkbook = async (
  period: { from: string; to: string },
  records: readonly WorkbookRecord[],
  issuer: string,
): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = issuer;
  const sheet = headedSheet(
    workbook,
    '服务记录',
    [
      ['序号', 8],
      ['志愿者姓名', 14],
      ['用户编号', 20],
      ['服务日期', 12],
      ['服务内容', 40],
      ['服务时长（小时）', 16],
      ['记录方式', 12],
      ['审核人（记录人）', 16],
      ['审核日期', 12],
      ['出具单位', 20],
    ],
    { views: [{ state: 'frozen', ySplit: 1 }] },
  );
  records.forEach((record, index) => {
    sheet.addRow([
      index + 1,
      record.volunteerName,
      record.userId,
      record.servedDay,
      record.activityTitle ?? record.note,
      certificateHours(record.minutes),
      SERVICE_SOURCE_LABELS[record.source],
      record.decidedByName ?? '—',
      record.decidedAt?.slice(0, 10) ?? '',
      issuer,
    ]);
  });

  const summary = headedSheet(workbook, '个人汇总', [
    ['志愿者姓名', 14],
    ['用户编号', 20],
    ['服务记录（条）', 14],
    ['累计服务时长（小时）', 20],
    ['统计期间', 26],
  ]);
  const people = new Map<string, { name: string; count: number; minutes: number }>();
  for (const record of records) {
    const person = people.get(record.userId) ?? { name: record.volunteerName, count: 0, minutes: 0 };
    person.count += 1;
    person.minutes += record.minutes;
    people.set(record.userId, person);
  }
  for (const [userId, person] of [...people].sort((a, b) => b[1].minutes - a[1].minutes)) {
    summary.addRow([person.name, userId, person.count, certificateHours(person.minutes), `${period.from} 至 ${period.to}`]);
  }
  summary.addRow([]);
  summary.addRow([NO_ID_NOTE]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};
