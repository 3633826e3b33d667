/** Steps of the H5 app that many browser tests share. */
import type { Page } from 'playwright-core';

/** Signs in through 开发登录 as one of the seeded names, and lands on 我的. */
export const signInAs = async (page: Page, appUrl: string, name: string): Promise<void> => {
  await page.goto(`${appUrl}/#/account/login/index`);
  await page.locator(`.login__name--${name}`).click();
  await page.locator('.me__name').waitFor();
};

/**
 * Confirms Taro's H5 modal (utils/feedback's confirmAction): its confirm button, whose words name the
 * action; with `named`, checks them first.
 */
export const confirmModal = async (page: Page, named?: string): Promise<void> => {
  const button = page.locator('.taro-modal__foot .taro-model__confirm').filter({ visible: true });
  if (named) await button.filter({ hasText: named }).waitFor();
  await button.click();
};

/** Calls the local API as one of the dev names (for what a test sets up around the page it drives). */
export const apiAs = async (apiUrl: string, name: string) => {
  const login = await fetch(`${apiUrl}/auth/login`, { method: 'POST', body: JSON.stringify({ code: `dev:${name}` }) });
  const { token, user } = (await login.json()) as { token: string; user: { id: string } };
  const call = async (method: string, path: string, body?: unknown): Promise<any> => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const reply = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(reply)}`);
    return reply;
  };
  return { userId: user.id, call };
};

/**
 * Plays the page's video through, muted (a browser plays sound only after a gesture): what a member
 * watching it does, so that the progress it reports is the real playback's.
 */
export const playVideoMuted = async (page: Page): Promise<void> => {
  const video = page.locator('video');
  await video.waitFor({ state: 'attached' });
  await video.evaluate(async (element: { muted: boolean; play(): Promise<void> }) => {
    element.muted = true;
    await element.play();
  });
};
