import { recentReads } from './recent-reads';

describe('recentReads', () => {
  const counting = () => {
    const calls: string[] = [];
    const read = async (key: string) => {
      calls.push(key);
      return { key, call: calls.length };
    };
    return { calls, read };
  };

  it('shares one read between concurrent and back-to-back callers of a key', async () => {
    const { calls, read } = counting();
    const reads = recentReads(read, { maxAgeMs: 60_000 });
    const answers = await Promise.all([reads.recent('a'), reads.recent('a'), reads.recent('b')]);
    expect(answers.map((value) => value.call)).toEqual([1, 1, 2]);
    expect((await reads.recent('a')).call).toBe(1);
    expect(calls).toEqual(['a', 'b']);
  });

  it('reads again once the read is `maxAgeMs` old, by its clock', async () => {
    const { read } = counting();
    let now = 0;
    const reads = recentReads(read, { maxAgeMs: 1000, clock: () => now });
    await reads.recent('a');
    now = 999;
    expect((await reads.recent('a')).call).toBe(1);
    now = 1000;
    expect(await reads.recent('a')).toEqual({ key: 'a', call: 2 });
  });

  it('forgets the read a caller found out of date, but not a newer one another caller started', async () => {
    const { calls, read } = counting();
    const reads = recentReads(read, { maxAgeMs: 60_000 });
    const first = await reads.recent('a');
    // Two callers find the first read out of date at once: the second shares the read the first started.
    reads.forget('a', { outOfDate: first });
    const second = reads.recent('a');
    reads.forget('a', { outOfDate: first });
    expect(await reads.recent('a')).toBe(await second);
    // Once settled, that newer read is the one a caller may find out of date in turn.
    reads.forget('a', { outOfDate: first });
    expect(await reads.recent('a')).toBe(await second);
    expect(calls).toHaveLength(2);
    // Without a value, the shared read goes whatever it is.
    reads.forget('a');
    expect((await reads.recent('a')).call).toBe(3);
  });

  it('does not share a read that failed', async () => {
    let fail = true;
    const reads = recentReads(async () => {
      if (fail) throw new Error('read failed');
      return 'ok';
    });
    await expect(reads.recent('a')).rejects.toThrow('read failed');
    fail = false;
    expect(await reads.recent('a')).toBe('ok');
  });
});
