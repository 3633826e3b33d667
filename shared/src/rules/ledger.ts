/**
 * The points ledger's rules, pure so they can be checked with property tests: each entry moves
 * the balance by its amount, in the direction its type allows, and no balance goes below zero.
 * The server computes every entry's `balanceAfter` with `applyEntry`, and nothing else.
 */
import type { LedgerType } from '../constants';
import { ErrorCode } from '../errors';

/** Which way each type moves a balance. */
export const LEDGER_DIRECTION: Record<LedgerType, 'credit' | 'debit' | 'either'> = {
  EARN: 'credit',
  REFUND: 'credit',
  REDEEM: 'debit',
  EXPIRE: 'debit',
  ADJUST: 'either',
};

export type LedgerVerdict =
  | { ok: true; balanceAfter: number }
  | { ok: false; code: typeof ErrorCode.INSUFFICIENT_POINTS | 'INVALID_AMOUNT'; message: string };

/** Largest single movement, far above any real one, so a typo cannot mint a fortune. */
export const MAX_ENTRY_POINTS = 1_000_000;

export const applyEntry = (balance: number, type: LedgerType, amount: number): LedgerVerdict => {
  const direction = LEDGER_DIRECTION[type];
  if (!Number.isSafeInteger(amount) || amount === 0 || Math.abs(amount) > MAX_ENTRY_POINTS) {
    return { ok: false, code: 'INVALID_AMOUNT', message: `积分须为不超过 ${MAX_ENTRY_POINTS} 的非零整数` };
  }
  if ((direction === 'credit' && amount < 0) || (direction === 'debit' && amount > 0)) {
    return { ok: false, code: 'INVALID_AMOUNT', message: `${type} must ${direction === 'credit' ? 'add' : 'take'} points` };
  }
  const balanceAfter = balance + amount;
  if (balanceAfter < 0) {
    return { ok: false, code: ErrorCode.INSUFFICIENT_POINTS, message: `余额 ${balance} 不足以扣除 ${-amount}` };
  }
  return { ok: true, balanceAfter };
};

/**
 * What a ledger must always satisfy: entries sum to the balance; each balanceAfter follows from the one before;
 * and an idempotency key, where the entries carry theirs, is applied once.
 */
export const ledgerProblems = (
  balance: number,
  entriesOldestFirst: Array<{ amount: number; balanceAfter: number; idempotencyKey?: string }>,
): string[] => {
  const problems: string[] = [];
  const firstWithKey = new Map<string, number>();
  let running = 0;
  entriesOldestFirst.forEach((entry, index) => {
    running += entry.amount;
    if (entry.balanceAfter !== running) problems.push(`entry ${index + 1}: balanceAfter ${entry.balanceAfter} ≠ running sum ${running}`);
    if (entry.balanceAfter < 0) problems.push(`entry ${index + 1}: balance below zero`);
    if (entry.idempotencyKey === undefined) return;
    const first = firstWithKey.get(entry.idempotencyKey);
    if (first !== undefined) problems.push(`entry ${index + 1}: key ${entry.idempotencyKey} was applied before, by entry ${first}`);
    else firstWithKey.set(entry.idempotencyKey, index + 1);
  });
  if (running !== balance) problems.push(`entries sum to ${running}, balance says ${balance}`);
  return problems;
};

/** Approved service time earns points at a rate per hour (docs/DOMAIN.md default: 10), whole points, rounded down. */
export const DEFAULT_POINTS_PER_HOUR = 10;
export const pointsForMinutes = (minutes: number, pointsPerHour = DEFAULT_POINTS_PER_HOUR): number =>
  Math.floor((Math.max(0, minutes) * pointsPerHour) / 60);

/** Star levels by total approved hours, the common Chinese convention (docs/DOMAIN.md). */
export const STAR_LEVELS = [
  { stars: 1, hours: 100 },
  { stars: 2, hours: 300 },
  { stars: 3, hours: 600 },
  { stars: 4, hours: 1000 },
  { stars: 5, hours: 1500 },
] as const;

export const starLevel = (approvedMinutes: number): { stars: number; nextStars: number | null; hoursToNext: number | null } => {
  const hours = approvedMinutes / 60;
  const reached = STAR_LEVELS.filter((level) => hours >= level.hours);
  const next = STAR_LEVELS.find((level) => hours < level.hours);
  return {
    stars: reached.at(-1)?.stars ?? 0,
    nextStars: next?.stars ?? null,
    hoursToNext: next ? Math.ceil((next.hours - hours) * 10) / 10 : null,
  };
};

export const LEDGER_TYPE_LABELS: Record<LedgerType, string> = {
  EARN: '服务获得',
  REDEEM: '兑换',
  REFUND: '退回',
  ADJUST: '调整',
  EXPIRE: '过期',
};

/** The same entries on the 党员积分 account, earned by organisational life and learning, not by service. */
export const PARTY_LEDGER_TYPE_LABELS: Record<LedgerType, string> = { ...LEDGER_TYPE_LABELS, EARN: '获得' };

export const REWARD_KIND_LABELS: Record<'class_seat' | 'service' | 'goods', string> = {
  class_seat: '公益班名额',
  service: '公益服务',
  goods: '小礼品',
};

/** A reward may be redeemed while active, in stock and inside its availability window. */
export const rewardAvailability = (
  reward: { active: boolean; stock: number; availableFrom?: string; availableUntil?: string },
  now: Date,
): { ok: true } | { ok: false; code: 'REWARD_UNAVAILABLE' | 'OUT_OF_STOCK'; message: string } => {
  if (!reward.active) return { ok: false, code: 'REWARD_UNAVAILABLE', message: 'The reward is not offered now' };
  if (reward.availableFrom && now.getTime() < Date.parse(reward.availableFrom))
    return { ok: false, code: 'REWARD_UNAVAILABLE', message: 'Not yet available' };
  if (reward.availableUntil && now.getTime() > Date.parse(reward.availableUntil))
    return { ok: false, code: 'REWARD_UNAVAILABLE', message: 'No longer available' };
  if (reward.stock <= 0) return { ok: false, code: 'OUT_OF_STOCK', message: 'Out of stock' };
  return { ok: true };
};

/** What a voucher's QR code holds: `HLVC1.<redemptionId>.<secret>`. */
export const VOUCHER_PREFIX = 'HLVC1';
export const parseVoucher = (text: string): { redemptionId: string; secret: string } | undefined => {
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts[0] !== VOUCHER_PREFIX) return undefined;
  const [, redemptionId, secret] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(redemptionId) || !/^[A-Za-z0-9_-]{16,64}$/.test(secret)) return undefined;
  return { redemptionId, secret };
};

/** Share of an activity's length a volunteer must be present for the time to count (configurable). */
export const DEFAULT_MIN_ATTENDANCE_SHARE = 0.6;

/**
 * Service time from sign-in to sign-out, clipped to the activity, and whether it counts: only
 * presence covering at least `minShare` of the activity does.
 */
export const servedMinutes = (
  activity: { startsAt: string; endsAt: string },
  signedInAt: string,
  signedOutAt: string,
  minShare = DEFAULT_MIN_ATTENDANCE_SHARE,
): { minutes: number; counted: boolean } => {
  const start = Math.max(Date.parse(activity.startsAt), Date.parse(signedInAt));
  const end = Math.min(Date.parse(activity.endsAt), Date.parse(signedOutAt));
  const minutes = Math.max(0, Math.floor((end - start) / 60_000));
  const length = (Date.parse(activity.endsAt) - Date.parse(activity.startsAt)) / 60_000;
  return { minutes, counted: length > 0 && minutes >= minShare * length };
};
