import fc from 'fast-check';
import { isPartyMember, partyAward, rankByTotal } from './party-points';

describe('党员积分 rules', () => {
  it('pays each occasion its points until the month’s cap, never past it and never below zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.constant(0), { maxLength: 80 }),
        (points, cap, occasions) => {
          let earned = 0;
          for (const _ of occasions) {
            const award = partyAward({ points, monthlyCap: cap }, earned);
            expect(award).toBeGreaterThanOrEqual(0);
            expect(award).toBeLessThanOrEqual(points);
            earned += award;
          }
          expect(earned).toBeLessThanOrEqual(cap);
          expect(earned).toBe(Math.min(cap, points * occasions.length));
        },
      ),
    );
  });

  it('counts members and probationary members, and a roster member who stated nothing', () => {
    expect(isPartyMember({ politicalStatus: 'party_member' })).toBe(true);
    expect(isPartyMember({ politicalStatus: 'probationary' })).toBe(true);
    expect(isPartyMember({ branchId: 'b1' })).toBe(true);
    expect(isPartyMember({ politicalStatus: 'masses', branchId: 'b1' })).toBe(false);
    expect(isPartyMember({})).toBe(false);
  });

  it('ranks by total, equal totals sharing a rank', () => {
    expect(
      rankByTotal([
        { id: 'a', total: 5 },
        { id: 'b', total: 9 },
        { id: 'c', total: 5 },
        { id: 'd', total: 1 },
      ]).map((row) => [row.id, row.rank]),
    ).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
});
