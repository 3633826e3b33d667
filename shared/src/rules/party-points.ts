/**
 * 党员积分 (docs/DOMAIN.md § 党员积分): party members earn points for organisational life by the center's
 * rules, on the same append-only, never-negative ledger as service points but in an account of their own,
 * so service points stay what they are. Each kind pays its points per occasion up to a cap per calendar
 * month of the center; what would pass the cap is not paid.
 */
import { PoliticalStatus } from '../constants';

export const PARTY_POINT_KINDS = ['meeting', 'material', 'quiz'] as const;
export type PartyPointKind = (typeof PARTY_POINT_KINDS)[number];

export const PARTY_POINT_KIND_LABELS: Record<PartyPointKind, string> = {
  meeting: '参加组织生活',
  material: '完成学习资料',
  quiz: '通过测验',
};

export interface PartyPointRule {
  /** Points per occasion (0: the kind earns nothing). */
  points: number;
  /** Most points of the kind in one month of the center. */
  monthlyCap: number;
}
export type PartyPointRules = Record<PartyPointKind, PartyPointRule>;

/** Until the center sets its own. */
export const DEFAULT_PARTY_POINT_RULES: PartyPointRules = {
  meeting: { points: 5, monthlyCap: 30 },
  material: { points: 2, monthlyCap: 20 },
  quiz: { points: 3, monthlyCap: 15 },
};

export const MAX_PARTY_POINTS_PER_OCCASION = 100;
export const MAX_PARTY_MONTHLY_CAP = 1000;

/** What an occasion pays when `earnedThisMonth` of its kind were paid already this month: never past the cap, never below 0. */
export const partyAward = (rule: PartyPointRule, earnedThisMonth: number): number =>
  Math.max(0, Math.min(rule.points, rule.monthlyCap - Math.max(0, earnedThisMonth)));

/** Who earns 党员积分: a member or probationary member by their profile, or, with no status stated, someone on a 党支部's roster. */
export const isPartyMember = (person: { politicalStatus?: string | null; branchId?: string | null }): boolean =>
  person.politicalStatus === PoliticalStatus.PARTY_MEMBER ||
  person.politicalStatus === PoliticalStatus.PROBATIONARY ||
  (!person.politicalStatus && !!person.branchId);

/** The ledger line of an earning: `参加组织生活：支部党员大会（11月）`. */
export const partyEarnReason = (kind: PartyPointKind, what: string): string => `${PARTY_POINT_KIND_LABELS[kind]}：${what}`.slice(0, 200);

/** A branch's ranking by the year's total, highest first; equal totals share a rank (1, 2, 2, 4). */
export const rankByTotal = <T extends { total: number }>(rows: readonly T[]): Array<T & { rank: number }> => {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return sorted.map((row) => ({ ...row, rank: sorted.findIndex((other) => other.total === row.total) + 1 }));
};
