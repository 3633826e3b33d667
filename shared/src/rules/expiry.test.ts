import fc from 'fast-check';
import type { LedgerType } from '../constants';
import { dueExpiries, expiryDay, pointLots, upcomingExpiries, type ExpiryLedgerEntry } from './expiry';
import { applyEntry, ledgerProblems } from './ledger';

const DAY = 86_400_000;
const START = Date.parse('2024-01-01T02:00:00Z');

type Step =
  | { kind: 'earn'; points: number; days: number }
  | { kind: 'redeem'; points: number; days: number }
  | { kind: 'refund'; which: number; days: number }
  | { kind: 'adjust'; points: number; days: number }
  | { kind: 'expire'; days: number };

type Entry = ExpiryLedgerEntry & { balanceAfter: number };

/**
 * A ledger as the server keeps it: every entry through applyEntry (refused ones write nothing), and the
 * scheduled run writing one EXPIRE per due lot, with no guard of its own: the rule alone must never
 * propose a lot twice.
 */
const simulate = (steps: Step[], validityMonths: number) => {
  const entries: Entry[] = [];
  const redemptions: Array<{ ref: string; points: number; refunded: boolean }> = [];
  const runs: Date[] = [];
  let balance = 0;
  let clock = START;
  const append = (type: LedgerType, amount: number, ref?: string) => {
    const verdict = applyEntry(balance, type, amount);
    if (!verdict.ok) return false;
    balance = verdict.balanceAfter;
    entries.push({
      id: `e${entries.length + 1}`,
      type,
      amount,
      createdAt: new Date(clock).toISOString(),
      balanceAfter: balance,
      ...(ref ? { ref } : {}),
    });
    return true;
  };
  for (const step of steps) {
    clock += step.days * DAY;
    if (step.kind === 'earn') append('EARN', step.points);
    if (step.kind === 'adjust') append('ADJUST', step.points);
    if (step.kind === 'redeem') {
      const ref = `r${redemptions.length + 1}`;
      if (append('REDEEM', -step.points, ref)) redemptions.push({ ref, points: step.points, refunded: false });
    }
    if (step.kind === 'refund') {
      const open = redemptions.filter((redemption) => !redemption.refunded);
      const redemption = open[step.which % Math.max(1, open.length)];
      if (redemption && append('REFUND', redemption.points, redemption.ref)) redemption.refunded = true;
    }
    if (step.kind === 'expire') {
      const now = new Date(clock);
      runs.push(now);
      for (const due of dueExpiries(pointLots(entries), validityMonths, now)) append('EXPIRE', -due.points, due.lotId);
    }
  }
  return { entries, balance, runs };
};

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('earn' as const), points: fc.integer({ min: 1, max: 300 }), days: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ kind: fc.constant('redeem' as const), points: fc.integer({ min: 1, max: 300 }), days: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ kind: fc.constant('refund' as const), which: fc.nat(20), days: fc.integer({ min: 0, max: 60 }) }),
  fc.record({
    kind: fc.constant('adjust' as const),
    points: fc.integer({ min: -200, max: 200 }).filter((points) => points !== 0),
    days: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({ kind: fc.constant('expire' as const), days: fc.integer({ min: 0, max: 400 }) }),
);
const validity = fc.constantFrom(0, 1, 6, 12, 24, 36);

describe('points expiry: FIFO by earning day (property-based)', () => {
  it('never expires a lot twice, and earned − spent − expired = balance ≥ 0 = the lots’ remainders', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), validity, (steps, months) => {
        const { entries, balance } = simulate(steps, months);
        const expiries = entries.filter((entry) => entry.type === 'EXPIRE');
        expect(new Set(expiries.map((entry) => entry.ref)).size).toBe(expiries.length);
        const credits = entries.filter((entry) => entry.amount > 0).reduce((sum, entry) => sum + entry.amount, 0);
        const spent = entries.filter((entry) => entry.amount < 0 && entry.type !== 'EXPIRE').reduce((sum, entry) => sum - entry.amount, 0);
        const expired = expiries.reduce((sum, entry) => sum - entry.amount, 0);
        expect(credits - spent - expired).toBe(balance);
        expect(balance).toBeGreaterThanOrEqual(0);
        expect(ledgerProblems(balance, entries)).toEqual([]);
        const lots = pointLots(entries);
        expect(lots.reduce((sum, lot) => sum + lot.remaining, 0)).toBe(balance);
        expect(lots.reduce((sum, lot) => sum + lot.expired, 0)).toBe(expired);
        for (const lot of lots) {
          expect(lot.remaining).toBeGreaterThanOrEqual(0);
          expect(lot.remaining + lot.expired).toBeLessThanOrEqual(lot.amount);
        }
      }),
    );
  });

  it('expires only what is due, all of what is due, and nothing more when run again', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), validity, (steps, months) => {
        const { entries, runs } = simulate([...steps, { kind: 'expire', days: 0 }], months);
        const lots = new Map(pointLots(entries).map((lot) => [lot.id, lot]));
        for (const entry of entries.filter((candidate) => candidate.type === 'EXPIRE')) {
          // Never before the lot's day: its day had come when the run wrote the entry.
          expect(expiryDay(lots.get(entry.ref!)!.earnedAt, months) <= expiryDay(entry.createdAt, 0)).toBe(true);
        }
        const last = runs.at(-1)!;
        expect(dueExpiries(pointLots(entries), months, last)).toEqual([]);
        if (months === 0) expect(entries.some((entry) => entry.type === 'EXPIRE')).toBe(false);
        // What is left expires later, and is what the points page announces.
        const upcoming = upcomingExpiries(pointLots(entries), months, last);
        const left = entries.at(-1)?.balanceAfter ?? 0;
        if (months > 0) expect(upcoming.reduce((sum, item) => sum + item.points, 0)).toBe(left);
      }),
    );
  });
});

describe('points expiry: examples', () => {
  const at = (day: string) => `${day}T02:00:00.000Z`;
  const entry = (id: string, type: LedgerType, amount: number, day: string, ref?: string): ExpiryLedgerEntry => ({
    id,
    type,
    amount,
    createdAt: at(day),
    ...(ref ? { ref } : {}),
  });

  it('spends the oldest earning first, so only its unspent remainder expires', () => {
    const lots = pointLots([
      entry('a', 'EARN', 100, '2024-01-10'),
      entry('b', 'EARN', 50, '2024-06-01'),
      entry('r', 'REDEEM', -70, '2024-07-01', 'x'),
    ]);
    expect(lots.map((lot) => [lot.id, lot.remaining])).toEqual([
      ['a', 30],
      ['b', 50],
    ]);
    expect(dueExpiries(lots, 24, new Date(at('2026-01-09')))).toEqual([]);
    expect(dueExpiries(lots, 24, new Date(at('2026-01-10')))).toEqual([
      { lotId: 'a', points: 30, earnedAt: at('2024-01-10'), expiresOn: '2026-01-10' },
    ]);
  });

  it('gives a refund back with the days its points were earned on', () => {
    const lots = pointLots([
      entry('a', 'EARN', 40, '2024-01-10'),
      entry('b', 'EARN', 40, '2024-03-10'),
      entry('r', 'REDEEM', -60, '2024-04-01', 'x'),
      entry('f', 'REFUND', 60, '2025-12-01', 'x'),
    ]);
    expect(lots.filter((lot) => lot.remaining > 0).map((lot) => [lot.id, lot.earnedAt, lot.remaining])).toEqual([
      ['b', at('2024-03-10'), 20],
      ['f', at('2024-01-10'), 40],
      ['f.1', at('2024-03-10'), 20],
    ]);
  });

  it('counts the center’s day (UTC+8) and ends a month short of the day on its last', () => {
    expect(expiryDay('2024-01-31T17:00:00Z', 1)).toBe('2024-03-01');
    expect(expiryDay('2024-01-31T01:00:00Z', 1)).toBe('2024-02-29');
    expect(upcomingExpiries(pointLots([entry('a', 'EARN', 5, '2024-01-10')]), 24, new Date(at('2025-12-15')), 30)).toEqual([
      { points: 5, expiresOn: '2026-01-10' },
    ]);
    expect(upcomingExpiries(pointLots([entry('a', 'EARN', 5, '2024-01-10')]), 24, new Date(at('2025-12-10')), 30)).toEqual([]);
  });
});
