/**
 * 一支部一方案 (docs/DOMAIN.md §1): the secretary keeps the branch's roster (birth year, education, when
 * each joined) and its needs; the profile is computed from it (shared/rules/plan); the generator
 * proposes meetings from the module library; coordinators grow the library. Personal data is
 * shown to the branch's own members and to the center; everyone else sees the counts, none under 5.
 */
import {
  ageBandOf,
  branchProfile,
  centerDate,
  CENTER_UTC_OFFSET_MINUTES,
  hasAnyRole,
  outsiderProfile,
  proposePlan,
  Role,
  themesFor,
  type BranchProfileResponse,
  type PlanModuleRecord,
  type PlanProposal,
  type RosterEntryInput,
} from '@hele/shared';
import { ulid } from 'ulid';
import { ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import { branchMembers, loadUser, type Principal } from '../lib/principal';
import { branchRecord } from '../domain/branches';
import { DEFAULT_RETRY, retrying } from '../lib/retry';
import type { branchRepository as BranchRepository, RosterRecord } from './repository';

export interface BranchDeps {
  branches: typeof BranchRepository;
  now?: () => Date;
}

const isCoordinator = (caller: Principal) => hasAnyRole(caller.roles, [Role.COORDINATOR]);
/** The branch's secretary, or a coordinator, keeps its roster and asks for plans. */
const mayKeep = (caller: Principal, branchId: string) =>
  isCoordinator(caller) || (hasAnyRole(caller.roles, [Role.SECRETARY]) && caller.branchId === branchId);

export const createBranchService = ({ branches, now = () => new Date() }: BranchDeps) => {
  const year = () => new Date(now().getTime() + CENTER_UTC_OFFSET_MINUTES * 60_000).getUTCFullYear();
  /** The branch's keeper writes to a branch that exists (someone is on it): no notes or roster for a typo. */
  const requireKeeper = async (caller: Principal, branchId: string) => {
    if (!mayKeep(caller, branchId)) throw new ForbiddenError('Only the branch secretary or a coordinator does this');
    if (!(await branchRecord(branchId))) throw new NotFoundError('Branch');
  };

  return {
    async profile(branchId: string, caller: Principal): Promise<BranchProfileResponse> {
      const [roster, notes] = await Promise.all([branches.roster(branchId), branches.notes(branchId)]);
      const full = isCoordinator(caller) || caller.branchId === branchId;
      const line = (member: RosterRecord) => ({
        userId: member.userId,
        nickname: member.nickname,
        ageBand: ageBandOf(member.birthYear, year()),
        birthYear: member.birthYear,
        education: member.education,
        ...(member.joinedOn ? { joinedOn: member.joinedOn } : {}),
      });
      const recorded = new Set(roster.map((member) => member.userId));
      const unrecorded = mayKeep(caller, branchId)
        ? (await branchMembers(branchId))
            .filter((user) => !recorded.has(user.id))
            .map((user) => ({ userId: user.id, nickname: user.nickname }))
        : [];
      const profile = branchProfile(roster, year());
      return {
        branchId,
        ...notes,
        profile: full ? profile : outsiderProfile(profile),
        roster: full ? roster.map(line) : [],
        full,
        unrecorded,
      };
    },

    async putMember(branchId: string, userId: string, entry: RosterEntryInput, caller: Principal) {
      await requireKeeper(caller, branchId);
      // Written against the record as read; a change of the person in between (a new name, a move) reads it again.
      await retrying(async () => {
        const user = await loadUser(userId, { consistent: true });
        if (!user || user.branchId !== branchId) throw ValidationError.field('userId', '不在本支部名册中');
        return (await branches.putMember(branchId, { userId, nickname: user.nickname, ...entry })) || undefined;
      }, DEFAULT_RETRY);
      return this.profile(branchId, caller);
    },

    async putNotes(branchId: string, notes: { needs: string; constraints: string }, caller: Principal) {
      await requireKeeper(caller, branchId);
      await branches.putNotes(branchId, notes);
      return this.profile(branchId, caller);
    },

    async themes() {
      const items = await branches.themes();
      return { items, current: themesFor(items, centerDate(now())) };
    },

    async addTheme(input: { name: string; from: string; to: string }) {
      const theme = { ...input, id: ulid(now().getTime()) };
      await branches.putTheme(theme);
      return theme;
    },

    modules: async () => ({ items: await branches.modules() }),

    async addModule(input: Omit<PlanModuleRecord, 'id'>) {
      const module = { ...input, id: ulid(now().getTime()) };
      await branches.putModules([module]);
      return module;
    },

    async propose(branchId: string, request: { theme: string; meetings: number }, caller: Principal): Promise<PlanProposal> {
      await requireKeeper(caller, branchId);
      const [roster, modules, notes] = await Promise.all([branches.roster(branchId), branches.modules(), branches.notes(branchId)]);
      if (roster.length === 0) throw ValidationError.field('id', '名册为空，请先添加党员');
      const byId = new Map(modules.map((module) => [module.id, module]));
      // Age and education from the roster, and what the branch wrote it needs and what limits it.
      const items = proposePlan(branchProfile(roster, year()), modules, request.theme, request.meetings, notes);
      return { branchId, items: items.map(({ moduleIds, ...item }) => ({ ...item, modules: moduleIds.map((id) => byId.get(id)!) })) };
    },
  };
};
