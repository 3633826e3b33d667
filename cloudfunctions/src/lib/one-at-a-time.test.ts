import { oneAtATime } from './one-at-a-time';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('runs one key’s tasks in turn, in order, others alongside, and goes on after a failure', async () => {
  const queue = oneAtATime();
  const log: string[] = [];
  const task =
    (name: string, ms: number, fail = false) =>
    async () => {
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
  const results = await Promise.allSettled([queue('a', task('a1', 20, true)), queue('a', task('a2', 5)), queue('b', task('b1', 5))]);
  expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  // b1 ran while a1 did; a2 only after a1 ended, though a1 failed.
  expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
  expect(await queue('a', task('a3', 0))).toBe('a3');
});
