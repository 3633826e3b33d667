/**
 * Reads shared for a moment within one container: concurrent and back-to-back reads of the same key
 * within `maxAgeMs` share one call. For data whose writes are checked against the version that was read
 * (a condition in the write), so a stale answer costs a failed condition, never a wrong write.
 */
export const recentReads = <T>(read: (key: string) => Promise<T>, { maxAgeMs = 1000, maxKeys = 1000 } = {}) => {
  const reads = new Map<string, { at: number; value: Promise<T> }>();

  const fresh = (key: string): Promise<T> => {
    if (reads.size >= maxKeys) reads.clear();
    const value = read(key);
    const entry = { at: Date.now(), value };
    reads.set(key, entry);
    // A failed read is not shared after it failed.
    value.catch(() => reads.get(key) === entry && reads.delete(key));
    return value;
  };

  return {
    /** Reads now (and shares that read with the next `recent` calls). */
    fresh,
    /** The read of the last `maxAgeMs`, or a new one; `cached` says it was started by an earlier call. */
    async recent(key: string): Promise<{ value: T; cached: boolean }> {
      const entry = reads.get(key);
      if (entry && Date.now() - entry.at < maxAgeMs) return { value: await entry.value, cached: true };
      return { value: await fresh(key), cached: false };
    },
    /** The next `recent` reads again. */
    forget(key: string): void {
      reads.delete(key);
    },
  };
};
