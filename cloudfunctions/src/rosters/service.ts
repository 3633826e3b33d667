/**
 * Bulk import of a branch's roster (docs/DOMAIN.md › Bulk import of a roster): the upload straight to
 * the bucket, and the commit that adds each row without errors of a preview (workbook-service.ts reads
 * the workbook into one) to the branch's import list once: a person's line is a conditional put keyed
 * by who they are, so the same file imported twice, even at the same moment, adds nobody twice. Then
 * the import list itself. The branch's secretary and the center do all of it.
 */
import {
  CLOSED_ACCOUNT_NAME,
  maskPhone,
  ROSTER_FILE_BYTES_MAX,
  rosterFilePrefix,
  XLSX_TYPE,
  type RosterImport,
  type RosterPerson,
} from '@hele/shared';
import { ulid } from 'ulid';
import { importPersonItems, removePersonItems, rosterPeople, rosterPerson, type RosterPersonRecord } from '../domain/roster-people';
import { doc, transactNamed } from '../lib/db';
import { ConflictError, NotFoundError } from '../lib/errors';
import { loadUsers, type Principal } from '../lib/principal';
import { settled } from '../lib/retry';
import type { MediaStorage, UploadTicket } from '../lib/storage';
import { PHONE_COLUMN, personOf, present, requireKeeper } from './import-list';
import type { rosterRepository as RosterRepository, StoredLine } from './repository';

export interface RosterDeps {
  rosters: typeof RosterRepository;
  media: MediaStorage;
  now?: () => Date;
}

/** Rows written at once by a commit: each is its own small transaction. */
const COMMIT_PARALLEL = 8;

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

export const createRosterService = ({ rosters, media, now = () => new Date() }: RosterDeps) => {
  return {
    /** A presigned POST for one workbook, under the branch and the caller. */
    async upload(branchId: string, caller: Principal): Promise<UploadTicket> {
      await requireKeeper(caller, branchId);
      return media.presignUpload({
        key: `${rosterFilePrefix(branchId, caller.id)}${ulid(now().getTime())}.xlsx`,
        contentType: XLSX_TYPE,
        maxBytes: ROSTER_FILE_BYTES_MAX,
      });
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
