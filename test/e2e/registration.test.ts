/**
 * A member registers for a seeded meeting on the H5 build and cancels; a coordinator sees the
 * roster. Real local stack, real browser.
 */
import { confirmModal, signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();

const MEETING = 'demo-meeting-liangxue';

it('a member registers for a meeting, sees 已报名, cancels; the coordinator sees the roster', async () => {
  const member = await phonePage(running.browser);
  await signInAs(member, running.stack.appUrl, 'member');

  await member.goto(`${running.stack.appUrl}/#/pages/activities/index`);
  const card = member.locator(`.activity-card[data-id="${MEETING}"]`);
  await card.waitFor();
  await card.locator('.activity-card__seats', { hasText: '剩余 30 个名额' }).waitFor();
  await card.click();

  await member.locator('.activity-detail__title', { hasText: '两学一做' }).waitFor();
  await member.locator('.activity-detail__register').click();
  await member.locator('.activity-detail__mine', { hasText: '已报名' }).waitFor();
  await member.getByText('已报名 1 人', { exact: false }).waitFor();
  await member.locator('.reminder-button').click();
  await member.locator('.reminder-button', { hasText: '已设置提醒' }).waitFor();
  await screenshot(member, 'activity-registered');

  const coordinator = await phonePage(running.browser);
  await signInAs(coordinator, running.stack.appUrl, 'coordinator');
  await coordinator.goto(`${running.stack.appUrl}/#/activity/registrations/index?id=${MEETING}`);
  await coordinator.locator('.roster__name', { hasText: '陈党员' }).waitFor();
  await screenshot(coordinator, 'activity-roster');

  await member.locator('.activity-detail__cancel').click();
  await confirmModal(member, '取消报名');
  await member.locator('.activity-detail__register').waitFor();
  await member.getByText('已报名 0 人', { exact: false }).waitFor();

  // The coordinator cancels the activity; the member finds the notice under 我的 › 消息.
  await member.locator('.activity-detail__register').click();
  await member.locator('.activity-detail__mine', { hasText: '已报名' }).waitFor();
  await coordinator.goto(`${running.stack.appUrl}/#/activity/detail/index?id=${MEETING}`);
  await coordinator.locator('.activity-detail__cancel-activity').click();
  await coordinator.locator('.activity-detail__cancel-reason textarea').fill('场地临时维修，改期另行通知');
  await coordinator.locator('.activity-detail__cancel-confirm').click();
  await coordinator.locator('.activity-detail__tags', { hasText: '已取消' }).waitFor();
  await member.goto(`${running.stack.appUrl}/#/account/messages/index`);
  await member
    .locator('.messages__item--activity_cancelled', { hasText: '活动已取消' })
    .filter({ hasText: '原因：场地临时维修，改期另行通知' })
    .waitFor();
});

it('the coordinator shows the rotating code; a member types it and is checked in', async () => {
  const api = async (path: string, token: string, body?: unknown) => {
    const response = await fetch(`${running.stack.apiUrl}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    return (await response.json()) as any;
  };
  const login = async (code: string) =>
    (await (await fetch(`${running.stack.apiUrl}/auth/login`, { method: 'POST', body: JSON.stringify({ code }) })).json()) as {
      token: string;
    };
  const coordinatorToken = (await login('dev:coordinator')).token;
  const endsAt = new Date(Date.now() + 3_600_000).toISOString();
  const { activity } = await api('/activities', coordinatorToken, {
    kind: 'meeting',
    title: '正在进行的组织生活会',
    venue: '会议室',
    capacity: 10,
    startsAt: new Date(Date.now() - 600_000).toISOString(),
    endsAt,
    registrationClosesAt: endsAt,
  });
  await api(`/activities/${activity.id}/registrations`, (await login('dev:volunteer')).token, {});

  const coordinator = await phonePage(running.browser);
  await signInAs(coordinator, running.stack.appUrl, 'coordinator');
  await coordinator.goto(`${running.stack.appUrl}/#/activity/detail/index?id=${activity.id}`);
  await coordinator.locator('.activity-detail__check-in-screen').click();
  const code = (await coordinator.locator('.check-in__code').textContent())!.trim();
  expect(code).toMatch(/^\d{6}$/);
  await coordinator.locator('.qr-code__run').first().waitFor();
  await screenshot(coordinator, 'check-in-screen');

  const volunteer = await phonePage(running.browser);
  await signInAs(volunteer, running.stack.appUrl, 'volunteer');
  await volunteer.goto(`${running.stack.appUrl}/#/activity/detail/index?id=${activity.id}`);
  await volunteer.locator('.activity-detail__code-input input').fill(code);
  await volunteer.locator('.activity-detail__check-in').click();
  await volunteer.locator('.activity-detail__mine', { hasText: '已签到' }).waitFor();

  // The coordinator's screen counts it within its next refresh.
  await coordinator
    .locator('.attendance-counts__item--checkedIn .attendance-counts__value', { hasText: /^1$/ })
    .waitFor({ timeout: 15_000 });
});
