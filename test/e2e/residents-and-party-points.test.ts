/**
 * What the article asks beyond the coordinators' screens: a member raises a need themselves (提出需求), told
 * under each field what is missing, and it waits at 需求评估 marked 居民提出 for the coordinator; checking in
 * at a branch meeting of a 三会一课 kind earns 党员积分, shown on their own tab beside the service points.
 * Real local stack, real browser.
 */
import { apiAs, signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();

it('lets a member raise a need the coordinator then sees, and shows the 党员积分 a meeting earned', async () => {
  const { appUrl, apiUrl } = running.stack;
  const member = await phonePage(running.browser);
  await signInAs(member, appUrl, 'member');

  // 资源云平台 › 提出需求: nothing is sent until what and where are said.
  await member.goto(`${appUrl}/#/resources/offers/index`);
  await member.locator('.offers__needs').click();
  await member.locator('.needs__what textarea').fill('楼道灯坏了，老人夜里出行不便');
  await member.locator('.needs__submit').click();
  await member.locator('.field-error--where', { hasText: '请写明在哪里' }).waitFor();
  await member.locator('.needs__where input').fill('和乐社区 5 幢');
  await member.locator('.needs__submit').click();
  const mine = member.locator('.needs__item', { hasText: '楼道灯坏了' });
  await mine.locator('.needs__hint', { hasText: '社工正在了解和评估你的需求' }).waitFor();
  await screenshot(member, 'resident-need');

  // The coordinator's 需求个案: the need waits at 需求评估, marked as raised by a resident.
  const coordinator = await phonePage(running.browser);
  await signInAs(coordinator, appUrl, 'coordinator');
  await coordinator.goto(`${appUrl}/#/resources/cases/index`);
  await coordinator.locator('.cases__item', { hasText: '楼道灯坏了' }).locator('.cases__raised', { hasText: '居民提出' }).waitFor();

  // The meeting under way is the branch's 主题党日; the coordinator checks the member in for her (代签).
  const asCoordinator = await apiAs(apiUrl, 'coordinator');
  const asMember = await apiAs(apiUrl, 'member');
  await asCoordinator.call('PATCH', '/activities/demo-meeting-live', { meetingType: 'theme_day' });
  await asCoordinator.call('POST', '/activities/demo-meeting-live/assisted-check-ins', { userId: asMember.userId });

  // 积分 › 党员积分: the check-in's points on their own account; the service points are untouched.
  await member.goto(`${appUrl}/#/pages/points/index`);
  await member.locator('.points__tab', { hasText: '党员积分' }).click();
  await member
    .locator('.points__entry', { hasText: '参加组织生活' })
    .locator('.muted', { hasText: /^获得 · / })
    .waitFor();
  expect(Number(await member.locator('.party__balance').textContent())).toBeGreaterThan(0);
  await screenshot(member, 'party-points');
});
