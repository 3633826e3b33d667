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

/** Signs in through 开发登录's other-name field as a new person (`dev:<name>`), from the sign-in page already open. */
export const signInWithName = async (page: Page, name: string): Promise<void> => {
  await page.locator('.login__input input').fill(name);
  await page.locator('.login__custom .nut-button').click();
};

/**
 * Picks values in Taro's H5 picker once it is open (a date's 年 · 月 · 日, a time's hours · minutes, one
 * column for a selector): each column is dragged with the mouse, at most three rows at a time as a
 * finger swipes, until the item with that text rests on the middle line; then 确定.
 */
export const pickInPicker = async (page: Page, values: readonly string[]): Promise<void> => {
  // Every picker of the page is in the document; the one open is the one shown.
  const sheet = page.locator('.weui-picker').filter({ visible: true });
  await sheet.waitFor();
  // It slides up from the bottom: the rows are where they stay once it has come to rest.
  for (let previous = -1, top = (await sheet.boundingBox())!.y; top !== previous; ) {
    await page.waitForTimeout(100);
    [previous, top] = [top, (await sheet.boundingBox())!.y];
  }
  for (const [column, value] of values.entries()) {
    const group = sheet.locator('.weui-picker__group').nth(column);
    const line = (await group.locator('.weui-picker__indicator').boundingBox())!;
    const middle = line.y + line.height / 2;
    const x = line.x + line.width / 2;
    for (let drags = 0; ; drags++) {
      // A time's columns repeat their first and last rows (they turn round): the nearest one counts.
      const centers = await group
        .locator('.weui-picker__item')
        .filter({ hasText: new RegExp(`^${value}$`) })
        .evaluateAll((items) =>
          (items as unknown as Array<{ getBoundingClientRect(): { top: number; height: number } }>)
            .map((item) => item.getBoundingClientRect())
            .map((box) => [box.top + box.height / 2, box.height]),
        );
      if (centers.length === 0) throw new Error(`The picker's column ${column} has no 「${value}」`);
      const [center, height] = centers.reduce((best, next) => (Math.abs(next[0]! - middle) < Math.abs(best[0]! - middle) ? next : best));
      const rows = Math.round((center! - middle) / height!);
      if (rows === 0) break;
      if (drags === 40) throw new Error(`The picker's column ${column} did not come to 「${value}」`);
      const step = Math.max(-3, Math.min(3, rows));
      await page.mouse.move(x, middle);
      await page.mouse.down();
      await page.mouse.move(x, middle - step * height!, { steps: 6 });
      await page.mouse.up();
      // The column settles on a row in 0.3 s.
      await page.waitForTimeout(400);
    }
  }
  await sheet.locator('.weui-picker__action', { hasText: '确定' }).click();
  await sheet.waitFor({ state: 'hidden' });
};
