/**
 * 三会一课 on schedule: each branch's periods held, due and overdue (shared/rules/compliance) from the meetings
 * actually held. The director (coordinators) and, for 互学互比, the secretaries see every branch; a
 * secretary's 首页 reads their own; the center sets the frequencies.
 */
import {
  branchCompliance,
  centerDate,
  CENTER_UTC_OFFSET_MINUTES,
  compliancePercent,
  complianceTotals,
  currentPeriods,
  hasAnyRole,
  Role,
  type BranchCompliance,
  type ComplianceBoard,
  type MeetingFrequencies,
} from '@hele/shared';
import type { BranchRecord } from '../domain/branches';
import type { HeldMeeting } from '../domain/compliance';
import { ForbiddenError, NotFoundError } from '../lib/errors';
import type { Principal } from '../lib/principal';

export interface ComplianceDeps {
  frequencies: () => Promise<MeetingFrequencies>;
  putFrequencies: (frequencies: MeetingFrequencies, by: string, at: Date) => Promise<void>;
  branches: () => Promise<BranchRecord[]>;
  branch: (id: string) => Promise<BranchRecord | undefined>;
  /** Meetings with a kind held in [from, to] (ISO instants), of one branch or of all. */
  held: (from: string, to: string, branchId?: string) => Promise<HeldMeeting[]>;
  now?: () => Date;
}

/** The UTC instants of the center's year's first moment and of the next year's. */
export const centerYearBounds = (year: number) => {
  const offset = CENTER_UTC_OFFSET_MINUTES * 60_000;
  return [new Date(Date.UTC(year, 0, 1) - offset).toISOString(), new Date(Date.UTC(year + 1, 0, 1) - offset).toISOString()] as const;
};

/** Most overdue first, then the lowest rate, then by name. */
const weakestFirst = (a: BranchCompliance, b: BranchCompliance) =>
  b.totals.overdue - a.totals.overdue ||
  (a.totals.rate ?? 101) - (b.totals.rate ?? 101) ||
  a.branchName.localeCompare(b.branchName, 'zh-CN');

export const createComplianceService = ({
  frequencies,
  putFrequencies,
  branches,
  branch: branchOf,
  held,
  now = () => new Date(),
}: ComplianceDeps) => {
  const yearOf = (year: number | undefined) => year ?? Number(centerDate(now()).slice(0, 4));

  /** One branch's year, from its held meetings. */
  const figure = (
    branch: BranchRecord,
    year: number,
    set: MeetingFrequencies,
    meetings: HeldMeeting[],
    today: string,
  ): BranchCompliance => {
    const types = branchCompliance({
      year,
      frequencies: set,
      held: meetings.filter((meeting) => meeting.branchId === branch.id),
      today,
      since: centerDate(new Date(branch.createdAt)),
    });
    const totals = complianceTotals(types);
    return {
      branchId: branch.id,
      branchName: branch.name,
      year,
      types,
      totals: { ...totals, rate: compliancePercent(totals) },
      current: currentPeriods(types, today),
    };
  };

  const heldIn = (year: number, branchId?: string) => {
    const [from, until] = centerYearBounds(year);
    const to = [until, now().toISOString()].sort()[0]!;
    return from <= to ? held(from, to, branchId) : Promise.resolve([]);
  };

  const service = {
    /** Every 党支部 of the directory, weakest first. */
    async board(year: number | undefined): Promise<ComplianceBoard> {
      const which = yearOf(year);
      const today = centerDate(now());
      const [set, all, meetings] = await Promise.all([frequencies(), branches(), heldIn(which)]);
      return {
        year: which,
        today,
        frequencies: set,
        items: all.map((branch) => figure(branch, which, set, meetings, today)).sort(weakestFirst),
      };
    },

    /** One branch: coordinators, and that branch's secretary. */
    async ofBranch(branchId: string, year: number | undefined, caller: Principal): Promise<BranchCompliance> {
      if (!hasAnyRole(caller.roles, [Role.COORDINATOR]) && caller.branchId !== branchId)
        throw new ForbiddenError('A secretary sees their own branch');
      const branch = await branchOf(branchId);
      if (!branch) throw new NotFoundError('Branch');
      const which = yearOf(year);
      const [set, meetings] = await Promise.all([frequencies(), heldIn(which, branchId)]);
      return figure(branch, which, set, meetings, centerDate(now()));
    },

    async setFrequencies(set: MeetingFrequencies, caller: Principal): Promise<MeetingFrequencies> {
      await putFrequencies(set, caller.id, now());
      return set;
    },

    /** The figures of several branches at once (the yearly statistics' columns). */
    async totalsOf(branchIds: readonly string[], year: number) {
      const today = centerDate(now());
      const [set, meetings, found] = await Promise.all([frequencies(), heldIn(year), Promise.all(branchIds.map(branchOf))]);
      return new Map(found.flatMap((branch) => (branch ? [[branch.id, figure(branch, year, set, meetings, today).totals] as const] : [])));
    },
  };
  return service;
};
