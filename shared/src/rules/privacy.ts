/**
 * What people outside a branch (or a meeting) see of its members (docs/DOMAIN.md › Who sees personal
 * data): a name masked to its first character, and no count under SMALL_COUNT.
 */
import type { AgeBand, BranchProfile, Education } from './plan';

/** Counts below this are not shown outside: with so few, a count points at people. */
export const SMALL_COUNT = 5;

/** 陈党员 → 陈* */
export const maskName = (name: string): string => `${[...name][0] ?? ''}*`;

/**
 * A breakdown (ages, education…) as outsiders see it: each count under SMALL_COUNT is null (shown as
 * “<5”), zero included, since “none” is as telling. When that hides only one count, the smallest
 * shown one is hidden too, so that no hidden count can be worked out from the total.
 */
export const suppressSmallCounts = <K extends string>(counts: Record<K, number>): Record<K, number | null> => {
  const entries = Object.entries(counts) as Array<[K, number]>;
  const hidden = new Set(entries.filter(([, count]) => count < SMALL_COUNT).map(([key]) => key));
  if (hidden.size === 1) {
    const [smallest] = entries.filter(([key]) => !hidden.has(key)).sort(([, a], [, b]) => a - b);
    if (smallest) hidden.add(smallest[0]);
  }
  return Object.fromEntries(entries.map(([key, count]) => [key, hidden.has(key) ? null : count])) as Record<K, number | null>;
};

/** How a count that may be hidden reads in the app. */
export const countLabel = (count: number | null): string => (count === null ? `<${SMALL_COUNT}` : String(count));

/** A branch's profile as outsiders see it: the breakdowns suppressed, the leaning only of 5 members or more. */
export interface OutsiderProfile {
  size: number;
  ages: Record<AgeBand, number | null>;
  education: Record<Education, number | null>;
  leaning: BranchProfile['leaning'] | null;
}

export const outsiderProfile = ({ size, ages, education, leaning }: BranchProfile): OutsiderProfile => ({
  size,
  ages: suppressSmallCounts(ages),
  education: suppressSmallCounts(education),
  leaning: size >= SMALL_COUNT ? leaning : null,
});
