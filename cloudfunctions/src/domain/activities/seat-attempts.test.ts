import fc from 'fast-check';
import { SeatAttempts } from './seat-attempts';

describe('SeatAttempts', () => {
  it('lets no more attempts run at once than seats believed free; the rest decide on their outcomes', async () => {
    const attempts = new SeatAttempts({ capacity: 2, confirmedCount: 0, waitlistCount: 0 });
    const decisions = [attempts.worthTrying(), attempts.worthTrying(), attempts.worthTrying()];
    expect(await Promise.all(decisions.slice(0, 2))).toEqual([true, true]);
    let third: boolean | undefined;
    void decisions[2]!.then((value) => {
      third = value;
    });
    await Promise.resolve();
    expect(third).toBeUndefined();
    // One attempt lost its race (a conflict): the waiting one goes for that seat.
    attempts.settled('other');
    expect(await decisions[2]).toBe(true);
    attempts.settled('ok');
    attempts.settled('ok');
    expect(await attempts.worthTrying()).toBe(false);
  });

  it('sends everyone to the waitlist once an attempt finds the house full, or when people wait already', async () => {
    const attempts = new SeatAttempts({ capacity: 5, confirmedCount: 0, waitlistCount: 0 });
    expect(await attempts.worthTrying()).toBe(true);
    attempts.settled('full');
    expect(await attempts.worthTrying()).toBe(false);
    expect(await new SeatAttempts({ capacity: 5, confirmedCount: 1, waitlistCount: 1 }).worthTrying()).toBe(false);
  });

  it('never has more attempts in flight than free seats, and every caller gets an answer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.constantFrom('ok' as const, 'full' as const, 'other' as const), { minLength: 1, maxLength: 30 }),
        async (capacity, confirmed, outcomes) => {
          const attempts = new SeatAttempts({ capacity, confirmedCount: Math.min(confirmed, capacity), waitlistCount: 0 });
          let inFlight = 0;
          let most = 0;
          let taken = 0;
          const answers = await Promise.all(
            outcomes.map(async (outcome) => {
              if (!(await attempts.worthTrying())) return 'waitlist';
              inFlight++;
              most = Math.max(most, inFlight);
              await new Promise((resolve) => setTimeout(resolve, 0));
              inFlight--;
              if (outcome === 'ok') taken++;
              attempts.settled(outcome);
              return outcome;
            }),
          );
          expect(answers).toHaveLength(outcomes.length);
          expect(most).toBeLessThanOrEqual(capacity - Math.min(confirmed, capacity));
          expect(taken).toBeLessThanOrEqual(capacity - Math.min(confirmed, capacity));
        },
      ),
      { numRuns: 50 },
    );
  });
});
