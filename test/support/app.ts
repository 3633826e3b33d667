/** Steps of the H5 app that many browser tests share. */
import type { Page } from 'playwright-core';

/** Signs in through 开发登录 as one of the seeded names, and lands on 我的. */
export const signInAs = async (page: Page, appUrl: string, name: string): Promise<void> => {
  await page.goto(`${appUrl}/#/account/login/index`);
  await page.locator(`.login__name--${name}`).click();
  await page.locator('.me__name').waitFor();
};

/** Confirms Taro's H5 modal (Taro.showModal). */
export const confirmModal = async (page: Page): Promise<void> => {
  await page.locator('.taro-modal__foot >> text=确定').click();
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
