/** What several browser tests set up around a meeting, and read off its pages. */
import type { Page } from 'playwright-core';
import type { api } from '../../bench/http';

/**
 * A meeting the coordinator (signed in as `token`) publishes, begun ten minutes ago and ending in an hour:
 * under way, so that its live feed is open (feed, public-feed).
 */
export const meetingUnderWay = async (client: ReturnType<typeof api>, token: string, title: string): Promise<{ id: string }> => {
  const endsAt = new Date(Date.now() + 3600_000).toISOString();
  const { activity } = (
    await client.request('POST', '/activities', token, {
      kind: 'meeting',
      title,
      venue: '和乐党群服务中心',
      capacity: 30,
      startsAt: new Date(Date.now() - 600_000).toISOString(),
      endsAt,
      registrationClosesAt: endsAt,
      cancellationDeadline: endsAt,
    })
  ).body;
  return activity;
};

/** The counts a page shows (应到, 已报名, 实到, 请假, and 未签到 or 缺席), by name (assisted-check-in, day-one). */
export const countsOn = async (page: Page) => {
  await page.locator('.attendance-counts').waitFor();
  const items = page.locator('.attendance-counts__item');
  const counts: Record<string, number> = {};
  for (let i = 0; i < (await items.count()); i++) {
    const label = (await items.nth(i).locator('.attendance-counts__label').textContent())!.trim();
    counts[label] = Number(await items.nth(i).locator('.attendance-counts__value').textContent());
  }
  return counts;
};
