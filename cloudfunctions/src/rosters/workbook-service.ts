/**
 * The roster's workbooks, a function of their own (exceljs is most of a megabyte): the template a
 * secretary fills in, and the preview that reads the uploaded workbook into rows, each with what will
 * become of it and an error per wrong column, kept a day for the commit (service.ts).
 */
import { centerDate, readRosterSheet, ROSTER_HEADER_PROBLEM, rosterFilePrefix, type RosterImport, type RosterSheet } from '@hele/shared';
import { ulid } from 'ulid';
import { branchNames } from '../domain/branches';
import { phoneClaims, rosterPeople } from '../domain/roster-people';
import { ValidationError } from '../lib/errors';
import { branchMembers, type Principal } from '../lib/principal';
import { PHONE_COLUMN, personOf, present, requireKeeper } from './import-list';
import type { ImportRecord, StoredLine } from './repository';
import type { RosterDeps } from './service';
import { readWorkbook, rosterTemplate, UnreadableWorkbookError } from './workbook';

export const createRosterWorkbookService = ({ rosters, media, now = () => new Date() }: RosterDeps) => {
  /** The first sheet that holds a roster; otherwise what is wrong with the workbook. */
  const rosterOf = (sheets: string[][][]): RosterSheet => {
    const year = Number(centerDate(now()).slice(0, 4));
    const read = sheets.map((grid) => readRosterSheet(grid, year));
    return (
      read.find((sheet) => 'lines' in sheet) ??
      read.find((sheet) => 'problem' in sheet && sheet.problem !== ROSTER_HEADER_PROBLEM) ?? { problem: ROSTER_HEADER_PROBLEM }
    );
  };

  /** Where each row stands now: on the branch, on its import list, waiting elsewhere by its number, or new. */
  const judge = async (branchId: string, sheet: { lines: StoredLine[] }): Promise<StoredLine[]> => {
    const valid = sheet.lines.filter((line) => line.errors.length === 0);
    const [listed, claims, members] = await Promise.all([
      rosterPeople(branchId),
      phoneClaims(valid.flatMap((line) => (line.phone ? [line.phone] : []))),
      branchMembers(branchId),
    ]);
    const onList = new Set(listed.map((person) => person.personId));
    const memberPhones = new Set(members.flatMap((user) => (user.phone ? [user.phone] : [])));
    const memberNames = new Set(members.flatMap((user) => (user.realName ? [user.realName] : [])));
    const elsewhere = [...claims.values()].filter((claim) => claim.branchId !== branchId);
    const names = await branchNames(elsewhere.map((claim) => claim.branchId));
    return sheet.lines.map((line): StoredLine => {
      if (line.errors.length > 0) return { ...line, status: 'invalid' };
      if (line.phone ? memberPhones.has(line.phone) : memberNames.has(line.realName!)) return { ...line, status: 'member' };
      if (onList.has(personOf(line))) return { ...line, status: 'imported' };
      const claim = line.phone ? claims.get(line.phone) : undefined;
      if (claim && claim.branchId !== branchId) {
        const where = names.get(claim.branchId);
        return {
          ...line,
          status: 'invalid',
          errors: [{ column: PHONE_COLUMN, message: where ? `已在「${where}」的导入名单中` : '已在其他支部的导入名单中' }],
        };
      }
      return { ...line, status: 'new' };
    });
  };

  return {
    async template(branchId: string, caller: Principal): Promise<{ bytes: Uint8Array; branchName: string }> {
      const branch = await requireKeeper(caller, branchId);
      return { bytes: await rosterTemplate(), branchName: branch.name };
    },

    /** Reads the upload (and deletes it: the rows are kept a day, the file not at all) into a preview. */
    async preview(branchId: string, input: { key: string; fileName?: string }, caller: Principal): Promise<RosterImport> {
      await requireKeeper(caller, branchId);
      if (!input.key.startsWith(rosterFilePrefix(branchId, caller.id))) throw ValidationError.field('key', '不是你为本支部上传的名单文件');
      if (!(await media.stat(input.key))) throw ValidationError.field('key', '名单文件尚未上传成功，请重新选择文件');
      let sheets: string[][][];
      try {
        sheets = await readWorkbook(await media.read(input.key));
      } catch (error) {
        if (error instanceof UnreadableWorkbookError)
          throw ValidationError.field('key', '无法读取该文件，请上传 .xlsx 格式的 Excel 表格（可在 Excel 或 WPS 中另存为 .xlsx）');
        throw error;
      } finally {
        await media.remove(input.key);
      }
      const sheet = rosterOf(sheets);
      if ('problem' in sheet) throw ValidationError.field('key', sheet.problem);
      const record: ImportRecord = {
        id: ulid(now().getTime()),
        branchId,
        ...(input.fileName ? { fileName: input.fileName } : {}),
        lines: await judge(branchId, { lines: sheet.lines.map((line) => ({ ...line, status: 'new' as const })) }),
        createdAt: now().toISOString(),
        createdBy: caller.id,
      };
      await rosters.putImport(record);
      return present(record);
    },
  };
};

export type RosterWorkbookService = ReturnType<typeof createRosterWorkbookService>;
