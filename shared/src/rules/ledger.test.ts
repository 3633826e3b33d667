import fc from 'fast-check';
import { LedgerTypeSchema, type LedgerType } from '../constants';
import { applyEntry, ledgerProblems, parseVoucher, pointsForMinutes, rewardAvailability, servedMinutes, starLevel } from './ledger';

/** A ledger as the server keeps it: entries appended only through applyEntry, each under an idempotency key. */
const runLedger = (operations: Array<{ type: LedgerType; amount: number; key: string }>) => {
  let balance = 0;
  const entries: Array<{ type: LedgerType; amount: number; balanceAfter: number; idempotencyKey: string }> = [];
  const seen = new Set<string>();
  for (const { type, amount, key } of operations) {
    if (seen.has(key)) continue; // the same key applies once
    const verdict = applyEntry(balance, type, amount);
    if (!verdict.ok) continue; // refused: nothing changes
    seen.add(key);
    balance = verdict.balanceAfter;
    entries.push({ type, amount, balanceAfter: balance, idempotencyKey: key });
  }
  return { balance, entries };
};

const operation = fc.record({
  type: fc.constantFrom(...LedgerTypeSchema.options),
  amount: fc.integer({ min: -500, max: 500 }),
  key: fc.string({ minLength: 1, maxLength: 3 }),
});

describe('points ledger rules (property-based)', () => {
  it('never lets a balance go below zero, and the entries always sum to it', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
        const { balance, entries } = runLedger(operations);
        expect(balance).toBeGreaterThanOrEqual(0);
        expect(ledgerProblems(balance, entries)).toEqual([]);
      }),
    );
  });

  it('moves each type only in its own direction', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 100 }), (operations) => {
        for (const entry of runLedger(operations).entries) {
          if (entry.type === 'EARN' || entry.type === 'REFUND') expect(entry.amount).toBeGreaterThan(0);
          if (entry.type === 'REDEEM' || entry.type === 'EXPIRE') expect(entry.amount).toBeLessThan(0);
          expect(entry.amount).not.toBe(0);
        }
      }),
    );
  });

  it('applies an operation retried with its key exactly once', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 50 }), fc.integer({ min: 1, max: 5 }), (operations, copies) => {
        const retried = operations.flatMap((op) => Array.from({ length: copies }, () => op));
        expect(runLedger(retried)).toEqual(runLedger(operations));
      }),
    );
  });

  it('refuses a debit larger than the balance and changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (balance, extra) => {
        const verdict = applyEntry(balance, 'REDEEM', -(balance + extra));
        expect(verdict).toMatchObject({ ok: false, code: 'INSUFFICIENT_POINTS' });
      }),
    );
  });

  it('finds a ledger whose entries do not add up', () => {
    expect(
      ledgerProblems(15, [
        { amount: 10, balanceAfter: 10 },
        { amount: 5, balanceAfter: 15 },
      ]),
    ).toEqual([]);
    expect(
      ledgerProblems(20, [
        { amount: 10, balanceAfter: 10 },
        { amount: 5, balanceAfter: 15 },
      ]),
    ).toEqual(['entries sum to 15, balance says 20']);
    expect(
      ledgerProblems(5, [
        { amount: 10, balanceAfter: 11 },
        { amount: -5, balanceAfter: 5 },
      ]),
    ).toHaveLength(1);
  });

  it('refuses zero, fractions and absurd amounts', () => {
    for (const amount of [0, 1.5, Number.NaN, 2_000_000])
      expect(applyEntry(100, 'ADJUST', amount)).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
  });
});

describe('points for service time and star levels', () => {
  it('earns 10 points per hour by default, rounded down to whole points', () => {
    expect(pointsForMinutes(60)).toBe(10);
    expect(pointsForMinutes(150)).toBe(25);
    expect(pointsForMinutes(5)).toBe(0);
    expect(pointsForMinutes(90, 20)).toBe(30);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (minutes) => expect(pointsForMinutes(minutes)).toBeLessThanOrEqual(minutes / 6)),
    );
  });

  it('gives stars at 100, 300, 600, 1000 and 1500 hours', () => {
    expect(starLevel(0)).toEqual({ stars: 0, nextStars: 1, hoursToNext: 100 });
    expect(starLevel(100 * 60)).toMatchObject({ stars: 1, nextStars: 2, hoursToNext: 200 });
    expect(starLevel(599 * 60 + 30)).toMatchObject({ stars: 2, nextStars: 3, hoursToNext: 0.5 });
    expect(starLevel(1500 * 60)).toEqual({ stars: 5, nextStars: null, hoursToNext: null });
  });
});

describe('servedMinutes', () => {
  const activity = { startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-01T03:30:00Z' }; // 150 min
  it('clips presence to the activity and counts it from 60% of its length', () => {
    expect(servedMinutes(activity, '2026-12-01T00:40:00Z', '2026-12-01T03:45:00Z')).toEqual({ minutes: 150, counted: true });
    expect(servedMinutes(activity, '2026-12-01T01:00:00Z', '2026-12-01T02:30:00Z')).toEqual({ minutes: 90, counted: true });
    expect(servedMinutes(activity, '2026-12-01T01:00:00Z', '2026-12-01T02:29:00Z')).toEqual({ minutes: 89, counted: false });
    expect(servedMinutes(activity, '2026-12-01T04:00:00Z', '2026-12-01T05:00:00Z')).toEqual({ minutes: 0, counted: false });
  });
});

describe('rewards and vouchers', () => {
  const reward = { active: true, stock: 3 };
  const now = new Date('2026-12-06T00:00:00Z');

  it('offers a reward while active, in stock and inside its window', () => {
    expect(rewardAvailability(reward, now)).toEqual({ ok: true });
    expect(rewardAvailability({ ...reward, active: false }, now)).toMatchObject({ code: 'REWARD_UNAVAILABLE' });
    expect(rewardAvailability({ ...reward, availableFrom: '2026-12-07T00:00:00Z' }, now)).toMatchObject({ code: 'REWARD_UNAVAILABLE' });
    expect(rewardAvailability({ ...reward, availableUntil: '2026-12-05T00:00:00Z' }, now)).toMatchObject({ code: 'REWARD_UNAVAILABLE' });
    expect(rewardAvailability({ ...reward, stock: 0 }, now)).toMatchObject({ code: 'OUT_OF_STOCK' });
  });

  it('reads a voucher’s QR text and nothing that only looks like one', () => {
    expect(parseVoucher(' HLVC1.01REDEMPTION.abcdefghijklmnop ')).toEqual({ redemptionId: '01REDEMPTION', secret: 'abcdefghijklmnop' });
    for (const text of ['HLVC1.x', 'HLVC2.a.abcdefghijklmnop', 'HLVC1.a.short', 'HLVC1.a b.abcdefghijklmnop'])
      expect(parseVoucher(text)).toBeUndefined();
  });

  it('finds what breaks a ledger', () => {
    expect(
      ledgerProblems(5, [
        { amount: 10, balanceAfter: 10 },
        { amount: -5, balanceAfter: 5 },
      ]),
    ).toEqual([]);
    expect(ledgerProblems(5, [{ amount: 10, balanceAfter: 9 }])).toHaveLength(2);
    expect(ledgerProblems(-1, [{ amount: -1, balanceAfter: -1 }])).toEqual(['entry 1: balance below zero']);
    expect(
      ledgerProblems(15, [
        { amount: 10, balanceAfter: 10, idempotencyKey: 'adjust:a' },
        { amount: 5, balanceAfter: 15, idempotencyKey: 'adjust:b' },
        { amount: 0, balanceAfter: 15, idempotencyKey: 'adjust:a' },
      ]),
    ).toEqual(['entry 3: key adjust:a was applied before, by entry 1']);
  });
});
