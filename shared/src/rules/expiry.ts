/**
 * Points that expire by a stated rule (docs/DOMAIN.md § Points): the center sets a validity in months
 * (0: points never expire); points expire first-in first-out by the day they were earned.
 *
 * The ledger is read oldest entry first and split into lots: every credit (EARN, a positive ADJUST,
 * a REFUND) is a lot dated by its entry. Every debit (REDEEM, a negative ADJUST, the forfeit of a
 * closed account) consumes the oldest lots first, so only the unspent remainder of an old earning can
 * expire. A REFUND gives back the points its redemption took with the days they were earned on (one
 * lot per earning), so redeeming and cancelling never makes points younger. An EXPIRE entry names its
 * lot (`ref`) and takes exactly what remained of it: after it, that lot has nothing left, so the rule
 * never asks to expire a lot twice.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { LedgerType } from '../constants';
import { centerDate, formatDate } from './time';

dayjs.extend(utc);

/** Longest validity the center may set (ten years); 0 means points never expire. */
export const MAX_VALIDITY_MONTHS = 120;
/** Members are told this many days before their points expire. */
export const EXPIRY_NOTICE_DAYS = 30;

export interface ExpiryLedgerEntry {
  id: string;
  type: LedgerType;
  amount: number;
  createdAt: string;
  ref?: string;
}

export interface PointLot {
  /** The credit entry's id (a refund returning points of several earnings: `<id>`, `<id>.1`, …). */
  id: string;
  /** When the points were first earned (a refunded lot keeps its earning's time). */
  earnedAt: string;
  amount: number;
  /** What is neither spent nor expired. */
  remaining: number;
  expired: number;
}

export interface DueExpiry {
  lotId: string;
  points: number;
  earnedAt: string;
  /** The center's day the lot expires on (`YYYY-MM-DD`). */
  expiresOn: string;
}

/** The center's day points earned at `earnedAt` expire on: the same day of the month `months` later (or the month's last). */
export const expiryDay = (earnedAt: string, months: number): string =>
  dayjs
    .utc(centerDate(new Date(earnedAt)))
    .add(months, 'month')
    .format('YYYY-MM-DD');

/** The center's day `days` after `day`. */
const plusDays = (day: string, days: number): string => dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD');

/** The lots of a ledger (entries oldest first), each with what remains of it. */
export const pointLots = (entriesOldestFirst: readonly ExpiryLedgerEntry[]): PointLot[] => {
  const lots: PointLot[] = [];
  const byId = new Map<string, PointLot>();
  /** What each debit with a ref (a redemption) took, from which lot, for its refund. */
  const takenBy = new Map<string, Array<{ lot: PointLot; points: number }>>();
  const add = (id: string, earnedAt: string, points: number) => {
    const lot: PointLot = { id, earnedAt, amount: points, remaining: points, expired: 0 };
    lots.push(lot);
    byId.set(id, lot);
  };
  /** Oldest earning first; lots earned at the same time in the order they were written. */
  const consume = (points: number) => {
    const taken: Array<{ lot: PointLot; points: number }> = [];
    const live = lots
      .map((lot, index) => ({ lot, index }))
      .filter(({ lot }) => lot.remaining > 0)
      .sort((a, b) => a.lot.earnedAt.localeCompare(b.lot.earnedAt) || a.index - b.index);
    let left = points;
    for (const { lot } of live) {
      if (left <= 0) break;
      const take = Math.min(lot.remaining, left);
      lot.remaining -= take;
      left -= take;
      taken.push({ lot, points: take });
    }
    return taken;
  };

  for (const entry of entriesOldestFirst) {
    if (entry.amount > 0) {
      const taken = entry.type === 'REFUND' && entry.ref ? takenBy.get(entry.ref) : undefined;
      if (!taken) {
        add(entry.id, entry.createdAt, entry.amount);
        continue;
      }
      takenBy.delete(entry.ref!); // a redemption is refunded once
      let left = entry.amount;
      let part = 0;
      for (const { lot, points } of taken) {
        const back = Math.min(points, left);
        if (back <= 0) break;
        add(part === 0 ? entry.id : `${entry.id}.${part}`, lot.earnedAt, back);
        part += 1;
        left -= back;
      }
      if (left > 0) add(part === 0 ? entry.id : `${entry.id}.${part}`, entry.createdAt, left);
      continue;
    }
    const points = -entry.amount;
    const lot = entry.type === 'EXPIRE' && entry.ref ? byId.get(entry.ref) : undefined;
    if (lot) {
      const take = Math.min(lot.remaining, points);
      lot.remaining -= take;
      lot.expired += take;
      consume(points - take);
      continue;
    }
    const taken = consume(points);
    if (entry.ref && entry.type !== 'EXPIRE') takenBy.set(entry.ref, taken);
  }
  return lots;
};

/** What has expired by `now` and is still there: one EXPIRE per lot, of its remainder. Nothing when points never expire. */
export const dueExpiries = (lots: readonly PointLot[], validityMonths: number, now: Date): DueExpiry[] => {
  if (validityMonths <= 0) return [];
  const today = centerDate(now);
  return lots
    .filter((lot) => lot.remaining > 0)
    .map((lot) => ({ lotId: lot.id, points: lot.remaining, earnedAt: lot.earnedAt, expiresOn: expiryDay(lot.earnedAt, validityMonths) }))
    .filter((due) => due.expiresOn <= today);
};

/**
 * Points still there that expire after today, summed per day, soonest first; with `withinDays`, only
 * those expiring in the next that many days.
 */
export const upcomingExpiries = (
  lots: readonly PointLot[],
  validityMonths: number,
  now: Date,
  withinDays?: number,
): Array<{ points: number; expiresOn: string }> => {
  if (validityMonths <= 0) return [];
  const today = centerDate(now);
  const last = withinDays === undefined ? undefined : plusDays(today, withinDays);
  const byDay = new Map<string, number>();
  for (const lot of lots) {
    if (lot.remaining <= 0) continue;
    const day = expiryDay(lot.earnedAt, validityMonths);
    if (day <= today || (last && day > last)) continue;
    byDay.set(day, (byDay.get(day) ?? 0) + lot.remaining);
  }
  return [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([expiresOn, points]) => ({ points, expiresOn }));
};

/** The ledger line of an expiry: `积分过期（2024年11月20日获得，有效期 24 个月）`. */
export const expiryReason = (earnedAt: string, validityMonths: number): string =>
  `积分过期（${centerDate(new Date(earnedAt)).slice(0, 4)}年${formatDate(earnedAt)}获得，有效期 ${validityMonths} 个月）`;

/** What the points page and the notice say: `120 积分将于 2026-12-05 过期`. */
export const expiringText = (points: number, expiresOn: string): string => `${points} 积分将于 ${expiresOn} 过期`;
