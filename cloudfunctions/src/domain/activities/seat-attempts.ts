/**
 * A container's seat attempts on one read of an activity. When many registrations of one container share a
 * read (registration-engine), each would otherwise go for a seat the read shows free, and all but the free
 * seats' number would fail their transaction as `full`. Here no more attempts are in flight than seats the
 * container believes free; the others wait for those outcomes, then try for a seat or go to the waitlist.
 * Only a belief: the transaction's condition decides, and the container learns from what it answers.
 */
export type SeatOutcome = 'ok' | 'full' | 'other';

export class SeatAttempts {
  private inFlight = 0;
  private taken = 0;
  private full = false;
  private waiting: Array<() => void> = [];

  constructor(private readonly read: { capacity: number; confirmedCount: number; waitlistCount: number }) {}

  /** Whether to go for a seat; `true` holds one attempt, to be given back through `settled`. */
  async worthTrying(): Promise<boolean> {
    for (;;) {
      const believedFree = this.read.capacity - this.read.confirmedCount - this.taken;
      // Nobody skips the queue: with people waiting, or the house full, a seat is not worth a transaction.
      if (this.full || this.read.waitlistCount > 0 || believedFree <= 0) return false;
      if (this.inFlight < believedFree) {
        this.inFlight++;
        return true;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** An attempt `worthTrying` allowed is over: `full` if its transaction found no seat free. */
  settled(outcome: SeatOutcome): void {
    this.inFlight--;
    if (outcome === 'ok') this.taken++;
    if (outcome === 'full') this.full = true;
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }
}
