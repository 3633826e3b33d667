/**
 * Every screen tells the member the truth and says what happened (#17): 我的报名 in order with each
 * activity's real state, the waitlist said as such, a leave request's state at once, a wrong field
 * explained in Chinese, a shared link that survives signing in, and no request to any host but the
 * app's own. Real local stack, real browser, phone viewport.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { apiAs, playVideoMuted, signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();
const MEETING = 'demo-meeting-liangxue';
const TRAINING = 'demo-training-firstaid';
const DOCS = path.resolve(__dirname, '../../docs/screenshots');

/** The screenshot the README shows, as the test took it. */
const keep = async (page: Page, name: string) => {
  fs.copyFileSync(await screenshot(page, name), path.join(DOCS, `${name}.png`));
};

const at = (days: number, hours = 0) => new Date(Date.now() + days * 24 * 3600_000 + hours * 3600_000).toISOString();

it('joins a full activity’s waitlist and says so; asks for leave and sees 请假待批 at once, then the decision in 消息', async () => {
  const coordinator = await apiAs(running.stack.apiUrl, 'coordinator');
  const volunteer = await apiAs(running.stack.apiUrl, 'volunteer');
  const { activity: full } = await coordinator.call('POST', '/activities', {
    kind: 'class',
    title: '书法公益课（名额已满）',
    venue: '和乐党群服务中心 多功能厅',
    capacity: 1,
    startsAt: at(2),
    endsAt: at(2, 2),
  });
  await volunteer.call('POST', `/activities/${full.id}/registrations`, {});

  const member = await phonePage(running.browser);
  await signInAs(member, running.stack.appUrl, 'member');
  await member.goto(`${running.stack.appUrl}/#/activity/detail/index?id=${full.id}`);
  await member.locator('.activity-detail__register', { hasText: '名额已满，加入候补' }).click();
  await member.getByText('已加入候补', { exact: true }).waitFor();
  expect(await member.getByText('报名成功').count()).toBe(0);
  await member.locator('.activity-detail__mine', { hasText: '候补第 1 位' }).waitFor();

  // A meeting: register, ask for leave, and the page says 请假待批 as soon as the member is back on it.
  await member.goto(`${running.stack.appUrl}/#/activity/detail/index?id=${MEETING}`);
  await member.locator('.activity-detail__register').click();
  await member.locator('.activity-detail__mine', { hasText: '已报名' }).waitFor();
  await member.locator('.activity-detail__leave').click();
  await member.locator('.leave__reason textarea').fill('出差在外地，无法参加');
  await member.locator('.leave__submit').click();
  await member.locator('.activity-detail__mine', { hasText: '请假待批' }).waitFor();
  await member.locator('.activity-detail__leave-note', { hasText: '请假原因：出差在外地，无法参加' }).waitFor();
  expect(await member.locator('.activity-detail__leave').count()).toBe(0);
  await keep(member, 'h5-leave-pending');

  await coordinator.call('POST', `/activities/${MEETING}/leave-requests/${(await apiAs(running.stack.apiUrl, 'member')).userId}/decision`, {
    decision: 'approve',
  });
  await member.goto(`${running.stack.appUrl}/#/account/messages/index`);
  await member.locator('.messages__item--leave_decided', { hasText: '请假已批准' }).waitFor();
  await member.locator('.messages__item--leave_decided').click();
  await member.locator('.activity-detail__mine', { hasText: '已请假' }).waitFor();
});

it('lists 我的报名 by time, what is to come first, each with its real state', async () => {
  const member = await apiAs(running.stack.apiUrl, 'member');
  // A registration given back: 已取消.
  await member.call('POST', `/activities/${TRAINING}/registrations`, {});
  await member.call('DELETE', `/activities/${TRAINING}/registrations/me`);

  const page = await phonePage(running.browser);
  await signInAs(page, running.stack.appUrl, 'member');
  await page.locator('.me__links .nut-cell', { hasText: '我的报名' }).click();
  await page.locator('.my-registrations__item').first().waitFor();
  await page.locator('.my-registrations__group', { hasText: '已结束' }).waitFor();
  const states = (await page.locator('.my-registrations__state').allTextContents()).map((text) => text.trim());
  // The 越剧班 session tomorrow; the full class (waitlist); the meeting (leave approved); the training
  // given back; the series' four later sessions; then the three held: missed, attended, attended.
  expect(states).toEqual(['已报名', '候补第 1 位', '已请假', '已取消', '已报名', '已报名', '已报名', '已报名', '缺席', '已签到', '已签到']);
  expect(await page.locator('.my-registrations__group').allTextContents()).toEqual(['即将开始', '已结束']);
  await keep(page, 'h5-my-registrations');
});

it('says why a field is wrong, in Chinese, under it', async () => {
  const page = await phonePage(running.browser);
  await signInAs(page, running.stack.appUrl, 'member');
  await page.goto(`${running.stack.appUrl}/#/volunteer/apply/index`);
  await page.locator('.volunteer-apply__skill', { hasText: '急救' }).click();
  await page.locator('.volunteer-apply__availability input').fill('周末全天');
  await page.locator('.volunteer-apply__phone input').fill('1380000');
  await page.locator('.volunteer-apply__submit').click();
  await page.locator('.field-error--phone', { hasText: '须为 11 位手机号' }).waitFor();
  await page.locator('.volunteer-apply__phone input').fill('13800005678');
  await page.locator('.field-error--phone').waitFor({ state: 'detached' });
});

it('opens a shared activity link signed out with its details and 登录后报名, and lands back on it after signing in', async () => {
  const page = await phonePage(running.browser);
  await page.goto(`${running.stack.appUrl}/#/activity/detail/index?id=demo-service-huangshouhuan`);
  await page.locator('.activity-detail__title', { hasText: '公益黄手环' }).waitFor();
  await page.locator('.activity-detail__when', { hasText: '时间：' }).waitFor();
  await page.locator('.activity-detail__where', { hasText: '松台街道各社区' }).waitFor();
  await page.locator('.activity-detail__seats', { hasText: '剩余 10 个名额' }).waitFor();
  await screenshot(page, 'shared-link-signed-out');
  await page.locator('.activity-detail__sign-in', { hasText: '登录后报名' }).click();
  await page.locator('.login__name--volunteer').click();
  await page.locator('.activity-detail__register', { hasText: '立即报名' }).waitFor();
  expect(page.url()).toContain('/activity/detail/index?id=demo-service-huangshouhuan');

  // 首页's welcome line leads to sign-in too.
  const visitor = await phonePage(running.browser);
  await visitor.goto(`${running.stack.appUrl}/#/pages/index/index`);
  await visitor.locator('.home__sign-in').click();
  await visitor.locator('.login__name--member').waitFor();
});

it('requests nothing from any host but the app’s own (the app, its API, its media bucket) on a walk through the pages', async () => {
  const { appUrl, apiUrl, storageEndpoint, websocketUrl } = running.stack;
  const ours = new Set([appUrl, apiUrl, storageEndpoint, websocketUrl].map((url) => new URL(url).origin));
  const outside: string[] = [];
  const page = await phonePage(running.browser);
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!ours.has(url.origin)) outside.push(request.url());
  });
  const walk = [
    '/pages/index/index',
    '/pages/activities/index',
    `/activity/detail/index?id=${MEETING}`,
    '/pages/points/index',
    '/pages/me/index',
    '/account/registrations/index',
    '/account/messages/index',
    '/learning/library/index',
    '/learning/material/index?id=demo-material-yueju',
    '/learning/classes/index',
    '/learning/series/index?id=00demo-series-yueju',
    '/volunteer/center/index',
    '/shop/rewards/index',
    '/shop/redemptions/index',
  ];
  await page.goto(`${appUrl}/#/pages/index/index`); // signed out first: the home page and an empty list
  await page.locator('.home__title').waitFor();
  await signInAs(page, appUrl, 'lecturer'); // a new face: empty lists show the empty picture
  for (const route of walk) {
    await page.goto(`${appUrl}/#${route}`);
    await page.waitForLoadState('networkidle');
  }
  // The last page (no vouchers yet) shows the empty picture. Loaded afresh: the hash changes above follow each other
  // faster than the router may show each page, and once (CI) it was not the one on screen at the end.
  await page.reload();
  await page.locator('.my-redemptions').waitFor();
  await page.locator('.nut-empty img, .nut-empty taro-image-core').first().waitFor({ state: 'attached' });
  expect(outside).toEqual([]);
});

it('plays the lesson video from the bucket and counts what was played; counts an article once read to its end', async () => {
  const page = await phonePage(running.browser);
  await signInAs(page, running.stack.appUrl, 'secretary');
  await page.goto(`${running.stack.appUrl}/#/learning/material/index?id=demo-material-yueju`);
  await page.locator('.material__rule', { hasText: '按观看进度记录' }).waitFor();
  await page.locator('.material__learned', { hasText: '已学 0%' }).waitFor();
  await playVideoMuted(page);
  await page.locator('.material__learned', { hasText: '已学完' }).waitFor({ timeout: 30_000 });

  // An article: not learned on opening; its end on screen for as long as it takes to read (a few seconds here).
  await page.goto(`${running.stack.appUrl}/#/learning/material/index?id=demo-material-liangxue`);
  await page.locator('.material__rule', { hasText: '读到文末即记为已学' }).waitFor();
  await page.locator('.material__learned', { hasText: '已学 0%' }).waitFor();
  await page.locator('.material__end').scrollIntoViewIfNeeded();
  await page.locator('.material__learned', { hasText: '已学完' }).waitFor({ timeout: 30_000 });
});
