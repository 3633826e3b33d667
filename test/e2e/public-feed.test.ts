/**
 * 公开直播 in two browsers on the real local stack: a stranger, never signed in, finds nothing until
 * the coordinator makes the feed public from its page; then reads it (bylines, no member's name) and
 * sees the coordinator's new post appear without reloading, the page asking again every few seconds.
 * The same page with `&embed=1`, as another site's iframe shows it, has no chrome.
 */
import { api } from '../../bench/http';
import { signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';
import { meetingUnderWay } from './meeting';

const running = useStackAndBrowser();

it('a public live feed opened signed out shows the coordinator’s new post as it is made', async () => {
  const client = api(running.stack.apiUrl);
  const { token } = await client.signIn('coordinator');
  const activity = await meetingUnderWay(client, token, '主题党日：公开直播');
  // A member the coordinator named reporter posts too: the public page speaks for the center, not in the member's name.
  const reporter = await client.signIn('member');
  expect((await client.request('PUT', `/activities/${activity.id}/reporters`, token, { userIds: [reporter.userId] })).status).toBe(200);
  await client.request('POST', `/activities/${activity.id}/posts`, token, { text: '重温入党誓词', keyMoment: true });
  await client.request('POST', `/activities/${activity.id}/posts`, reporter.token, { text: '党员代表分享学习体会' });

  const publicLink = `${running.stack.appUrl}/#/activity/live/index?id=${activity.id}`;
  const stranger = await phonePage(running.browser);
  await stranger.goto(publicLink);
  await stranger.locator('text=该直播未公开或不存在').waitFor();

  // The coordinator opens it to the public on the feed's page.
  const coordinator = await phonePage(running.browser);
  await signInAs(coordinator, running.stack.appUrl, 'coordinator');
  await coordinator.goto(`${running.stack.appUrl}/#/activity/feed/index?id=${activity.id}`);
  await coordinator.locator('.feed__public-switch').click();
  await coordinator.locator('.feed__public-url', { hasText: publicLink }).waitFor();

  await stranger.reload();
  await stranger.locator('.live__post', { hasText: '党员代表分享学习体会' }).waitFor();
  await stranger.locator('.feed__moment-text', { hasText: '重温入党誓词' }).waitFor();
  expect(await stranger.locator('.live__post', { hasText: '党员代表分享学习体会' }).locator('.live__byline').textContent()).toBe(
    '和乐党群服务中心',
  );
  expect(await stranger.locator('.live__post', { hasText: '重温入党誓词' }).locator('.live__byline').textContent()).toBe('工作人员');
  const shown = (await stranger.locator('.page').textContent())!;
  expect(shown).not.toContain('陈党员');
  expect(shown).not.toContain('李社工');
  expect(await stranger.evaluate("window.localStorage.getItem('hele.session')")).toBeNull();

  // The coordinator posts; the stranger's page shows it without a reload (it asks every few seconds).
  await coordinator.locator('.feed__composer textarea').fill('表决通过：支部年度学习计划');
  await coordinator.locator('.feed__publish').click();
  await coordinator.locator('.feed__post', { hasText: '表决通过' }).waitFor();
  await stranger.locator('.live__post', { hasText: '表决通过：支部年度学习计划' }).waitFor({ timeout: 15_000 });
  await screenshot(stranger, 'public-feed');

  // Embedded: the feed alone, no share box, no tab bar.
  const embedded = await phonePage(running.browser);
  await embedded.goto(`${publicLink}&embed=1`);
  await embedded.locator('.live__post', { hasText: '表决通过' }).waitFor();
  expect(await embedded.locator('.live__share').count()).toBe(0);
  expect(await embedded.locator('.taro-tabbar__tabbar').filter({ visible: true }).count()).toBe(0);
  await embedded.locator('.live__source', { hasText: '来源：和乐党群服务中心' }).waitFor();

  // Closed again: the link finds nothing.
  await coordinator.locator('.feed__public-switch').click();
  await coordinator.locator('text=打开后，任何人无需登录即可观看').waitFor();
  await stranger.reload();
  await stranger.locator('text=该直播未公开或不存在').waitFor();
  expect((await stranger.locator('.page').textContent())!).not.toContain('表决通过');
});
