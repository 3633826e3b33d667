/**
 * The H5 build against the real local stack: a member signs in through 开发登录 and sees their
 * name and roles on 我的.
 */
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();

it('signs in as dev:member on H5 and shows 我的 with the name', async () => {
  const page = await phonePage(running.browser);
  await page.goto(`${running.stack.appUrl}/#/pages/me/index`);
  await page.getByText('未登录').waitFor();
  await page.locator('.privacy-fallback .nut-button', { hasText: '同意' }).click(); // the H5 privacy notice
  await page.locator('.me__action', { hasText: '登录' }).click();
  await page.locator('.login__name--member').click();

  await page.locator('.me__name', { hasText: '陈党员' }).waitFor();
  await page.locator('.me__roles', { hasText: '党员/群众' }).waitFor();
  await screenshot(page, 'me-signed-in');

  // The session survives a reload: the token is in storage and still valid.
  await page.reload();
  await page.locator('.me__name', { hasText: '陈党员' }).waitFor();
});
