/** The fan-out reads a feed's watchers a page at a time from the real connections table, skipping expired ones. */
import { randomUUID } from 'node:crypto';
import { CONNECTION_TTL_SECONDS, connectionRepository } from './connections';

const collect = async (activityId: string, now: Date, pageSize: number) => {
  const pages: string[][] = [];
  for await (const page of connectionRepository.watching(activityId, now, pageSize)) pages.push(page);
  return pages;
};

it('hands out the live watchers of one feed in pages, none twice, none expired, none of another feed', async () => {
  const activityId = `feed-${randomUUID()}`;
  const now = new Date();
  const live = Array.from({ length: 5 }, (_, i) => `live-${i}-${randomUUID()}`);
  for (const id of live) await connectionRepository.add(id, activityId, 'u-watcher', now);
  // Connected long ago and never pinged: past its TTL, waiting for DynamoDB to delete it.
  await connectionRepository.add(
    `stale-${randomUUID()}`,
    activityId,
    'u-gone',
    new Date(now.getTime() - (CONNECTION_TTL_SECONDS + 60) * 1000),
  );
  await connectionRepository.add(`other-${randomUUID()}`, `feed-${randomUUID()}`, 'u-elsewhere', now);

  const pages = await collect(activityId, now, 2);
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(pages.every((page) => page.length <= 2)).toBe(true);
  expect(pages.flat().sort()).toEqual([...live].sort());

  await connectionRepository.remove(live[0]!);
  expect((await collect(activityId, now, 500)).flat().sort()).toEqual(live.slice(1).sort());
});
