/**
 * Bulk import of a branch's roster (docs/DOMAIN.md › Bulk import of a roster): the template, the
 * upload straight to the bucket, a preview that reads the workbook into rows (each with what will
 * become of it and an error per wrong column) and keeps them a day, and the commit that adds each
 * row without errors to the branch's import list once: a person's line is a conditional put keyed by
 * who they are, so the same file imported twice, even at the same moment, adds nobody twice.
 * The branch's secretary and the center do all of it.
 */
import {
  CLOSED_ACCOUNT_NAME,
  centerDate,
  hasAnyRole,
  maskPhone,
  readRosterSheet,
  ROSTER_FILE_BYTES_MAX,
  ROSTER_HEADER_PROBLEM,
  rosterFilePrefix,
  rosterIdentity,
  Role,
  XLSX_TYPE,
  type RosterImport,
  type RosterLineStatus,
  type RosterPerson,
  type RosterSheet,
} from '@hele/shared';
import { ulid } from 'ulid';
import { branchNames, branchRecord } from '../domain/branches';
import {
  importPersonItems,
  removePersonItems,
  rosterPeople,
  rosterPerson,
  rosterPersonId,
  phoneClaims,
  type RosterPersonRecord,
} from '../domain/roster-people';
import { doc, transactNamed } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import { branchMembers, loadUsers, type Principal } from '../lib/principal';
import { settled } from '../lib/retry';
import type { MediaStorage, UploadTicket } from '../lib/storage';
import type { ImportRecord, rosterRepository as RosterRepository, StoredLine } from './repository';
import { readWorkbook, rosterTemplate, UnreadableWorkbookError } from './workbook';

export interface RosterDeps {
  rosters: typeof RosterRepository;
  media: MediaStorage;
  now?: () => Date;
}

/** Rows written at once by a commit: each is its own small transaction. */
const COMMIT_PARALLEL = 8;
const PHONE_COLUMN = '手机号';

const mapLimited = async <T, R>(items: T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

const present = (record: ImportRecord): RosterImport => {
  const counts: Record<RosterLineStatus, number> = { new: 0, created: 0, imported: 0, member: 0, invalid: 0 };
  for (const line of record.lines) counts[line.status]++;
  return {
    id: record.id,
    branchId: record.branchId,
    ...(record.fileName ? { fileName: record.fileName } : {}),
    lines: record.lines.map(({ phone, ...line }) => ({ ...line, ...(phone ? { phone: maskPhone(phone) } : {}) })),
    counts,
    createdAt: record.createdAt,
    ...(record.committedAt ? { committedAt: record.committedAt } : {}),
  };
};

/** The line's person on the list: who they are decides the id. */
const personOf = (line: StoredLine) => rosterPersonId(rosterIdentity(line)!);

export const createRosterService = ({ rosters, media, now = () => new Date() }: RosterDeps) => {
  const requireKeeper = async (caller: Principal, branchId: string) => {
    const branch = await branchRecord(branchId, true);
    if (!branch) throw new NotFoundError('Branch');
    const keeps =
      hasAnyRole(caller.roles, [Role.COORDINATOR]) || (hasAnyRole(caller.roles, [Role.SECRETARY]) && caller.branchId === branchId);
    if (!keeps) throw new ForbiddenError('Only this branch’s secretary and the center import its roster');
    return branch;
  };

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

    /** A presigned POST for one workbook, under the branch and the caller. */
    async upload(branchId: string, caller: Principal): Promise<UploadTicket> {
      await requireKeeper(caller, branchId);
      return media.presignUpload({
        key: `${rosterFilePrefix(branchId, caller.id)}${ulid(now().getTime())}.xlsx`,
        contentType: XLSX_TYPE,
        maxBytes: ROSTER_FILE_BYTES_MAX,
      });
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

    /**
     * Adds the preview's new rows, each in its own conditional write: a person on the list already
     * (another commit of this file, or of another file, even at this moment) stays as they are.
     */
    async commit(branchId: string, importId: string, caller: Principal): Promise<RosterImport> {
      await requireKeeper(caller, branchId);
      const record = await rosters.importRecord(branchId, importId);
      if (!record) throw new NotFoundError('Roster import');
      const at = now().toISOString();
      const lines = await mapLimited(record.lines, COMMIT_PARALLEL, async (line): Promise<StoredLine> => {
        if (line.status !== 'new') return line;
        const person: RosterPersonRecord = {
          personId: personOf(line),
          branchId,
          status: 'unclaimed',
          realName: line.realName!,
          ...(line.phone ? { phone: line.phone } : {}),
          ...(line.politicalStatus ? { politicalStatus: line.politicalStatus } : {}),
          ...(line.birthYear ? { birthYear: line.birthYear } : {}),
          ...(line.education ? { education: line.education } : {}),
          ...(line.joinedOn ? { joinedOn: line.joinedOn } : {}),
          importId,
          importedAt: at,
          importedBy: caller.id,
        };
        const outcome = await settled(() => transactNamed(doc, importPersonItems(person)));
        if (outcome === 'ok') return { ...line, status: 'created' };
        if (outcome === 'person') return { ...line, status: 'imported' };
        return { ...line, status: 'invalid', errors: [{ column: PHONE_COLUMN, message: '已在其他支部的导入名单中' }] };
      });
      const committedAt = await rosters.markCommitted(branchId, importId, at);
      return present({ ...record, lines, committedAt });
    },

    /** The branch's import list: who waits to claim their line (and who did), newest first. */
    async people(branchId: string, status: RosterPerson['status'] | undefined, caller: Principal): Promise<{ items: RosterPerson[] }> {
      await requireKeeper(caller, branchId);
      const people = (await rosterPeople(branchId)).filter((person) => !status || person.status === status);
      const claimers = await loadUsers(people.flatMap((person) => (person.claimedBy ? [person.claimedBy] : [])));
      const items = people.map((person): RosterPerson => {
        const claimer = person.claimedBy ? claimers.get(person.claimedBy) : undefined;
        return {
          personId: person.personId,
          realName: person.realName ?? claimer?.realName ?? claimer?.nickname ?? CLOSED_ACCOUNT_NAME,
          ...(person.phone ? { phone: maskPhone(person.phone) } : {}),
          ...(person.politicalStatus ? { politicalStatus: person.politicalStatus } : {}),
          status: person.status,
          importedAt: person.importedAt,
          ...(person.claimedAt ? { claimedAt: person.claimedAt, claimedBy: person.claimedBy } : {}),
        };
      });
      return { items: items.sort((a, b) => b.importedAt.localeCompare(a.importedAt) || a.realName.localeCompare(b.realName, 'zh-CN')) };
    },

    /** Takes an unclaimed person off the list (a mistake in the file); one who claimed is a member, handled there. */
    async removePerson(branchId: string, personId: string, caller: Principal) {
      await requireKeeper(caller, branchId);
      const person = await rosterPerson(branchId, personId);
      if (!person) return { removed: true as const };
      if (person.status === 'claimed') throw new ConflictError('ROSTER_PERSON_CLAIMED', 'This person claimed their line and is a member');
      const outcome = await settled(() => transactNamed(doc, removePersonItems(person)));
      if (outcome !== 'ok' && (await rosterPerson(branchId, personId))?.status === 'claimed')
        throw new ConflictError('ROSTER_PERSON_CLAIMED', 'Claimed meanwhile');
      return { removed: true as const };
    },
  };
};

export type RosterService = ReturnType<typeof createRosterService>;
