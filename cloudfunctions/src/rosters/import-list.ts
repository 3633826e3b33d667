/**
 * What the roster's two functions share (the import list's, and the workbooks' that read and write
 * Excel): who may import a branch's roster, a line's person, and an import as the API shows it.
 */
import { hasAnyRole, maskPhone, Role, rosterIdentity, type RosterImport, type RosterLineStatus } from '@hele/shared';
import { branchRecord } from '../domain/branches';
import { rosterPersonId } from '../domain/roster-people';
import { ForbiddenError, NotFoundError } from '../lib/errors';
import type { Principal } from '../lib/principal';
import type { ImportRecord, StoredLine } from './repository';

export const PHONE_COLUMN = '手机号';

/** The branch, if the caller keeps its roster: the center, or this branch's secretary. */
export const requireKeeper = async (caller: Principal, branchId: string) => {
  const branch = await branchRecord(branchId, true);
  if (!branch) throw new NotFoundError('Branch');
  const keeps =
    hasAnyRole(caller.roles, [Role.COORDINATOR]) || (hasAnyRole(caller.roles, [Role.SECRETARY]) && caller.branchId === branchId);
  if (!keeps) throw new ForbiddenError('Only this branch’s secretary and the center import its roster');
  return branch;
};

export const present = (record: ImportRecord): RosterImport => {
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
export const personOf = (line: StoredLine) => rosterPersonId(rosterIdentity(line)!);
