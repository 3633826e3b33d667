/**
 * 三会一课: the secretary's 首页 lists this month's kinds of meeting still to hold; the seeded meeting under
 * way becomes the branch's 主题党日 and, once the coordinator checks a member in (代签), counts as held; the
 * director's page shows the branch's periods. Real local stack, real browser.
 */
import { signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();

const MEETING = 'demo-meeting-live';

it('shows the secretary what is due this month and the director every branch’s compliance', async () => {
  const send = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${running.stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as any;
  };
  const login = async (code: string) =>
    (await (await fetch(`${running.stack.apiUrl}/auth/login`, { method: 'POST', body: JSON.stringify({ code }) })).json()) as {
      token: string;
      user: { id: string };
    };

  // The secretary's 首页: the demo branch has held nothing this month yet.
  const secretary = await phonePage(running.browser);
  await signInAs(secretary, running.stack.appUrl, 'secretary');
  await secretary.goto(`${running.stack.appUrl}/#/pages/index/index`);
  await secretary.locator('.home__compliance .home__entry-title', { hasText: '本月三会一课：待开 6 项' }).waitFor();
  await secretary.locator('.home__due--due[data-type="theme_day"]', { hasText: '主题党日' }).waitFor();
  await screenshot(secretary, 'compliance-due');

  // The meeting under way is the branch's 主题党日; the coordinator checks 陈党员 in for her.
  const coordinatorToken = (await login('dev:coordinator')).token;
  await send('PATCH', `/activities/${MEETING}`, coordinatorToken, { meetingType: 'theme_day' });
  const member = (await login('dev:member')).user;
  await send('POST', `/activities/${MEETING}/assisted-check-ins`, coordinatorToken, { userId: member.id });

  await secretary.reload();
  await secretary.locator('.home__compliance .home__entry-title', { hasText: '本月三会一课：待开 5 项' }).waitFor();
  await secretary.locator('.home__due--held[data-type="theme_day"]', { hasText: '已开 1 次' }).waitFor();

  // The director: 我的 › 三会一课, every branch on one page; the branch opens to its periods.
  const coordinator = await phonePage(running.browser);
  await signInAs(coordinator, running.stack.appUrl, 'coordinator');
  await coordinator.locator('.me__compliance').click();
  const row = coordinator.locator('.compliance__branch', { hasText: '和乐社区第一党支部' });
  await row.locator('.compliance__cell--theme_day', { hasText: '1/1' }).waitFor();
  await row.locator('.compliance__cell--committee', { hasText: '0/1' }).waitFor();
  await row.click();
  const themeDay = coordinator.locator('.compliance__type', { hasText: '主题党日（每月）' });
  await themeDay.locator('.compliance__period--held').first().waitFor();
  await coordinator.locator('.compliance__settings .compliance__frequency--congress', { hasText: '支部党员大会：每季度' }).waitFor();
  await screenshot(coordinator, 'compliance');
});
