/**
 * 代签 and 现场登记 at the branch meeting under way (仅限本支部, seeded): the coordinator finds 陈党员 by name
 * and checks her in for her, records 刘奶奶 (no phone) at the door, and the counts move together on the
 * attendance page, the check-in screen, the secretary's list and the minutes. Real local stack, real browser.
 */
import type { Page } from 'playwright-core';
import { signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';
import { countsOn } from './meeting';

const running = useStackAndBrowser();

const MEETING = 'demo-meeting-live';

const search = (page: Page, text: string) => page.locator('.attendance__search input').fill(text);

it('checks a member in for her and records a walk-in; every count agrees', async () => {
  const coordinator = await phonePage(running.browser);
  await signInAs(coordinator, running.stack.appUrl, 'coordinator');
  await coordinator.goto(`${running.stack.appUrl}/#/activity/attendance/index?id=${MEETING}`);
  // The branch's three members are expected without having registered (the "已报名 0 … 未签到 3").
  await coordinator.locator('.attendance__row', { hasText: '陈党员' }).waitFor();
  expect(await countsOn(coordinator)).toEqual({ 应到: 3, 已报名: 0, 实到: 0, 请假: 0, 未签到: 3 });

  // Found by name, checked in for her.
  await search(coordinator, '陈');
  await coordinator.locator('.attendance__row', { hasText: '王书记' }).waitFor({ state: 'detached' });
  await coordinator.locator('.attendance__row', { hasText: '陈党员' }).locator('.attendance__assist').click();
  // The dialog names the action.
  await coordinator.locator('.taro-modal__foot >> text=确认签到').click();
  await coordinator.locator('text=已为「陈党员」代签到').waitFor();
  const chen = coordinator.locator('.attendance__row', { hasText: '陈党员' });
  await chen.locator('text=已签到').waitFor();
  await chen.locator('text=代签：李社工').waitFor();

  // Not on the list: recorded at the door by name, without an account.
  await search(coordinator, '刘奶奶');
  await coordinator.locator('.attendance__none', { hasText: '名单中没有「刘奶奶」' }).waitFor();
  await coordinator.locator('.attendance__as-walk-in').click();
  expect(await coordinator.locator('.attendance__walk-in-name input').inputValue()).toBe('刘奶奶');
  await coordinator.locator('.attendance__walk-in-submit').click();
  await coordinator.locator('text=已登记「刘奶奶」并签到').waitFor();
  await coordinator.locator('.attendance__row', { hasText: '刘奶奶' }).locator('text=/现场登记 · .* 签到 · 登记：李社工/').waitFor();
  await search(coordinator, '');
  await coordinator.locator('.attendance__row', { hasText: '王书记' }).waitFor();
  expect(await countsOn(coordinator)).toEqual({ 应到: 4, 已报名: 2, 实到: 2, 请假: 0, 未签到: 2 });
  await coordinator.locator('text=已登记「刘奶奶」并签到').waitFor({ state: 'hidden' });
  await screenshot(coordinator, 'assisted-check-in');

  // The meeting's form shows the branch it belongs to, 仅限本支部, and what that means.
  await coordinator.goto(`${running.stack.appUrl}/#/activity/edit/index?id=${MEETING}`);
  await coordinator.locator('.edit-activity__branch', { hasText: '和乐社区第一党支部' }).waitFor();
  expect(await coordinator.locator('.edit-activity__branch-only-switch input').isChecked()).toBe(true);
  await coordinator.locator('.edit-activity__branch-hint', { hasText: '只有本支部党员可以报名；本支部 3 名党员都是应到人员' }).waitFor();

  // The check-in screen counts the same.
  await coordinator.goto(`${running.stack.appUrl}/#/activity/check-in/index?id=${MEETING}`);
  await coordinator.locator('.check-in__code').waitFor();
  await coordinator.locator('.attendance-counts__item--checkedIn .attendance-counts__value', { hasText: /^2$/ }).waitFor();
  expect(await countsOn(coordinator)).toEqual({ 应到: 4, 已报名: 2, 实到: 2, 请假: 0, 未签到: 2 });

  // 数据看板 on the phone: headings on one line, and an empty chart says why.
  await coordinator.goto(`${running.stack.appUrl}/#/dashboard/home/index`);
  const heading = coordinator.locator('.dashboard__table--months .dashboard__row--head .dashboard__cell', { hasText: '服务时长（小时）' });
  await heading.waitFor();
  const lineHeight = await coordinator
    .locator('.dashboard__table--months .dashboard__row:not(.dashboard__row--head) .dashboard__cell')
    .first()
    .boundingBox();
  expect((await heading.boundingBox())!.height).toBeLessThanOrEqual(lineHeight!.height + 1);
  // The demo volunteer's approved hours are drawn; a chart with nothing to draw says why instead of bare axes.
  await coordinator.locator('#service-hours canvas').waitFor();
  await coordinator.locator('#categories', { hasText: '还没有人在公益项目的活动中签到' }).waitFor();
  await screenshot(coordinator, 'dashboard-phone');

  // The secretary's overdue measure on 首页 opens the board at it.
  const secretary = await phonePage(running.browser);
  await signInAs(secretary, running.stack.appUrl, 'secretary');
  await secretary.goto(`${running.stack.appUrl}/#/pages/index/index`);
  await secretary.locator('.home__overdue-item').first().click();
  const focused = secretary.locator('.board__action--focused', { hasText: '整理上次会议的学习笔记' });
  await focused.waitFor();
  await secretary.waitForFunction(`(() => {
    const box = document.querySelector('.board__action--focused')?.getBoundingClientRect();
    return !!box && box.top >= 0 && box.bottom <= window.innerHeight;
  })()`);

  // So do the secretary's list and the minutes drafted for her.
  await secretary.goto(`${running.stack.appUrl}/#/activity/attendance/index?id=${MEETING}`);
  await secretary.locator('.attendance__row', { hasText: '刘奶奶' }).waitFor();
  expect(await countsOn(secretary)).toEqual({ 应到: 4, 已报名: 2, 实到: 2, 请假: 0, 未签到: 2 });
  await secretary.goto(`${running.stack.appUrl}/#/activity/board/index?id=${MEETING}`);
  await secretary.waitForFunction(
    `(document.querySelector('.board__minutes-text textarea')?.value ?? '').includes('出席：应到 4 人，实到 2 人，请假 0 人，未签到 2 人（已报名 2 人）')`,
  );
});
