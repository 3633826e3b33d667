/**
 * The live feed in two browsers on the real local stack: the coordinator posts with a photo (sent
 * from the browser straight to the local object storage), the member's page shows it without a
 * reload; a member who scrolled down gets the 「有 N 条新动态」 bar instead.
 */
import path from 'node:path';
import { api } from '../../bench/http';
import { signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';
import { meetingUnderWay } from './meeting';

const running = useStackAndBrowser();

const PHOTO = path.join(__dirname, '../../miniprogram/src/assets/tabbar/home-active.png');

it('a coordinator posts with a photo and a member watching sees it appear without reloading', async () => {
  const client = api(running.stack.apiUrl);
  const { token } = await client.signIn('coordinator');
  const activity = await meetingUnderWay(client, token, '“两学一做”现场直播');
  for (let i = 1; i <= 8; i++)
    await client.request('POST', `/activities/${activity.id}/posts`, token, { text: `第 ${i} 个议程进行中：${'讨论热烈，'.repeat(12)}` });

  const member = await phonePage(running.browser);
  await signInAs(member, running.stack.appUrl, 'member');
  // 直播中 on the home page leads to the feed; the detail page has the way in too.
  await member.goto(`${running.stack.appUrl}/#/pages/index/index`);
  await member.locator(`.home__live[data-id="${activity.id}"]`).click();
  await member.locator('.feed__post', { hasText: '第 8 个议程' }).waitFor();
  await member.goto(`${running.stack.appUrl}/#/activity/detail/index?id=${activity.id}`);
  await member.locator('.activity-detail__feed--live').click();
  await member.locator('.feed__post', { hasText: '第 8 个议程' }).waitFor();

  const coordinator = await phonePage(running.browser);
  await signInAs(coordinator, running.stack.appUrl, 'coordinator');
  await coordinator.goto(`${running.stack.appUrl}/#/activity/feed/index?id=${activity.id}`);
  await coordinator.locator('.feed__composer textarea').fill('书记讲党课：<b>不忘初心</b>');
  const [chooser] = await Promise.all([coordinator.waitForEvent('filechooser'), coordinator.locator('.feed__photo-add').click()]);
  await chooser.setFiles(PHOTO);
  // The photo uploads at once; 发布 waits for it.
  await coordinator.locator('.feed__photo--picked').waitFor();
  await coordinator.locator('.feed__photo-state').waitFor({ state: 'detached', timeout: 10_000 });
  await coordinator.locator('.feed__publish', { hasText: '发布' }).click();
  await coordinator.locator('.feed__post', { hasText: '书记讲党课' }).waitFor();

  // No reload on the member's side: the socket brings it, photo and all, from the bucket.
  const posted = member.locator('.feed__post', { hasText: '书记讲党课：<b>不忘初心</b>' });
  await posted.waitFor({ timeout: 5_000 });
  // Taro's lazy <Image> sets the source once the photo is on screen.
  const photo = posted.locator('.feed__photos img[src]');
  await photo.waitFor();
  expect(await photo.getAttribute('src')).toMatch(new RegExp(`/feed/${activity.id}/.+\\.png\\?`));
  // Loaded from the bucket through its signed link.
  expect(
    await photo.evaluate((img: { decode(): Promise<void>; naturalWidth: number }) => img.decode().then(() => img.naturalWidth)),
  ).toBeGreaterThan(0);
  await screenshot(member, 'feed');

  // Scrolled down, the member is not pulled away: a bar offers the new post.
  await member.mouse.wheel(0, 20_000);
  // H5 pages scroll inside Taro's page container: wait until the head of the feed is well above the screen.
  for (let tries = 0; ((await member.locator('.feed__head').boundingBox())?.y ?? 0) > -300; tries++) {
    if (tries > 50) throw new Error('the feed did not scroll');
    await member.waitForTimeout(100);
  }
  await member.waitForTimeout(200);
  await coordinator.locator('.feed__composer textarea').fill('分组讨论成果：形成 6 条措施');
  await coordinator.locator('.feed__publish').click();
  await member.locator('.feed__new-bar', { hasText: '有 1 条新动态' }).click({ timeout: 5_000 });
  await member.locator('.feed__post', { hasText: '分组讨论成果' }).waitFor();
});
