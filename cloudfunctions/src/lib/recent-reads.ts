/**
 * Reads shared for a moment within one container: concurrent and back-to-back reads of the same key
 * within `maxAgeMs` share one call. For data whose writes are checked against the version that was read
 * (a condition in the write), so a stale answer costs a failed condition, never a wrong write; what is
 * only read (a refusal) may be up to `maxAgeMs` old.
 */
export const recentReads = <T>(
  read: (key: string) => Promise<T>,
  { maxAgeMs = 1000, maxKeys = 1000, clock = () => Date.now() }: { maxAgeMs?: number; maxKeys?: number; clock?: () => number } = {},
) => {
  /** One shared read: when it started, its answer to come, and that answer once it came. */
  type Entry = { at: number; value: Promise<T>; settled?: { value: T } };
  const reads = new Map<string, Entry>();

  const start = (key: string) => {
    if (reads.size >= maxKeys) reads.clear();
    const entry: Entry = { at: clock(), value: read(key) };
    reads.set(key, entry);
    entry.value.then(
      (value) => {
        entry.settled = { value };
      },
      // A failed read is not shared after it failed.
      () => reads.get(key) === entry && reads.delete(key),
    );
    return entry.value;
  };

  return {
    /** The read of the last `maxAgeMs`, or a new one. */
    recent(key: string): Promise<T> {
      const entry = reads.get(key);
      return entry && clock() - entry.at < maxAgeMs ? entry.value : start(key);
    },
    /**
     * The next `recent` reads again. Given the value a caller found out of date, only if the shared read is
     * still that one: a read started since (by another caller) is newer, so it is kept and shared.
     */
    forget(key: string, only?: { outOfDate: T }): void {
      const entry = reads.get(key);
      if (entry && (!only || (entry.settled && entry.settled.value === only.outOfDate))) reads.delete(key);
    },
  };
};
