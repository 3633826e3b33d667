import { recentReads } from './recent-reads';

describe('recentReads', () => {
  const counting = () => {
    const calls: string[] = [];
    const read = async (key: string) => {
      calls.push(key);
      return `${key}#${calls.length}`;
    };
    return { calls, read };
  };

  it('shares one read between concurrent and back-to-back callers of a key, and says which were shared', async () => {
    const { calls, read } = counting();
    const reads = recentReads(read, { maxAgeMs: 60_000 });
    const answers = await Promise.all([reads.recent('a'), reads.recent('a'), reads.recent('b')]);
    expect(answers).toEqual([
      { value: 'a#1', cached: false },
      { value: 'a#1', cached: true },
      { value: 'b#2', cached: false },
    ]);
    expect(await reads.recent('a')).toEqual({ value: 'a#1', cached: true });
    expect(calls).toEqual(['a', 'b']);
  });

  it('reads again past its age, after forget, and on fresh (which the next recent shares)', async () => {
    const { calls, read } = counting();
    const reads = recentReads(read, { maxAgeMs: 20 });
    await reads.recent('a');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await reads.recent('a')).value).toBe('a#2');
    reads.forget('a');
    expect((await reads.recent('a')).value).toBe('a#3');
    expect(await reads.fresh('a')).toBe('a#4');
    expect(await reads.recent('a')).toEqual({ value: 'a#4', cached: true });
    expect(calls).toHaveLength(4);
  });

  it('does not share a read that failed', async () => {
    let fail = true;
    const reads = recentReads(async () => {
      if (fail) throw new Error('read failed');
      return 'ok';
    });
    await expect(reads.recent('a')).rejects.toThrow('read failed');
    fail = false;
    expect(await reads.recent('a')).toEqual({ value: 'ok', cached: false });
  });
});
