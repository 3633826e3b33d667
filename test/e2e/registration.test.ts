/**
 * A member registers for a seeded meeting on the H5 build and cancels; a coordinator sees the
 * roster. Real local stack, real browser.
 */
import type { Browser } from 'playwright-core';
import type { LocalStack } from '../../scripts/local/stack';
import { confirmModal, signInAs } from '../support/app';
import { launchBrowser, phonePage, screenshot } from '../support/browser';
import { startTestStack } from '../support/stack';

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const MEETING = 'demo-meeting-liangxue';

it('a member registers for a meeting, sees 已报名, cancels; the coordinator sees the roster', async () => {
  const member = await phonePage(browser);
  await signInAs(member, stack.appUrl, 'member');

  await member.goto(`${stack.appUrl}/#/pages/activities/index`);
  const card = member.locator(`.activity-card[data-id="${MEETING}"]`);
  await card.waitFor();
  await card.locator('.activity-card__seats', { hasText: '剩余 30 个名额' }).waitFor();
  await card.click();

  await member.locator('.activity-detail__title', { hasText: '两学一做' }).waitFor();
  await member.locator('.activity-detail__register').click();
  await member.locator('.activity-detail__mine', { hasText: '已报名' }).waitFor();
  await member.getByText('已报名 1 人', { exact: false }).waitFor();
  await screenshot(member, 'activity-registered');

  const coordinator = await phonePage(browser);
  await signInAs(coordinator, stack.appUrl, 'coordinator');
  await coordinator.goto(`${stack.appUrl}/#/activity/registrations/index?id=${MEETING}`);
  await coordinator.locator('.roster__name', { hasText: '陈党员' }).waitFor();
  await screenshot(coordinator, 'activity-roster');

  await member.locator('.activity-detail__cancel').click();
  await confirmModal(member);
  await member.locator('.activity-detail__register').waitFor();
  await member.getByText('已报名 0 人', { exact: false }).waitFor();
});
