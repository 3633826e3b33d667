import fc from 'fast-check';
import { nextWaitSeq } from './seats';

describe('nextWaitSeq', () => {
  it('orders places by the time they were asked for, and strictly within a container even at one instant', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 50 }), (steps) => {
        let at = Date.parse('2026-12-07T08:00:00Z') + Math.floor(Math.random() * 1e6);
        const seqs = steps.map((step) => {
          at += step;
          return nextWaitSeq(new Date(at));
        });
        expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!)).toBe(true);
        expect(seqs.every(Number.isSafeInteger)).toBe(true);
      }),
    );
  });

  it('comes after every ticket of the counter it replaced (older waitlists stay ahead)', () => {
    expect(nextWaitSeq(new Date())).toBeGreaterThan(1e15);
  });
});
