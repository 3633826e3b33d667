/**
 * 长辈模式: a member switches it on in 我的; text and touch targets grow on every page, and it stays on
 * after a reload; switched off, the app is as before. Real local stack, real browser.
 */
import type { Page } from 'playwright-core';
import { signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();

/** The computed font size of the first match, in CSS pixels (runs in the page); and the height of a box. */
const fontSize = async (page: Page, selector: string) =>
  Number(await page.evaluate(`parseFloat(getComputedStyle(document.querySelector('${selector}')).fontSize)`));
const height = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!.height;
const LARGE_ON = `document.documentElement.classList.contains('hele-large')`;
const largeOn = async (page: Page) => (await page.evaluate(LARGE_ON)) as boolean;

it('enlarges text and touch targets across the app, and remembers it', async () => {
  const page = await phonePage(running.browser);
  await signInAs(page, running.stack.appUrl, 'member');
  const before = {
    text: await fontSize(page, '.page.me'),
    cell: await height(page, '.me__volunteer'),
    button: await height(page, '.me__action'),
  };
  expect(await largeOn(page)).toBe(false);
  await page.locator('.me__large-text-switch').click();
  await page.waitForFunction(LARGE_ON);
  const after = {
    text: await fontSize(page, '.page.me'),
    cell: await height(page, '.me__volunteer'),
    button: await height(page, '.me__action'),
  };
  expect(after.text).toBeGreaterThanOrEqual(before.text * 1.2);
  expect(after.cell).toBeGreaterThan(before.cell);
  expect(after.button).toBeGreaterThan(before.button);
  // A tap target at least 44 CSS px tall (WCAG 2.5.5's 44×44).
  expect(after.button).toBeGreaterThanOrEqual(44);
  await screenshot(page, 'large-text');

  // Kept across a reload, and on the other pages.
  await page.reload();
  await page.locator('.me__name').waitFor();
  expect(await largeOn(page)).toBe(true);
  await page.goto(`${running.stack.appUrl}/#/pages/index/index`);
  await page.locator('.home__entry').first().waitFor();
  expect(await fontSize(page, '.page.home')).toBeCloseTo(after.text, 1);
  await screenshot(page, 'large-text-home');

  // Off again: as before.
  await page.goto(`${running.stack.appUrl}/#/pages/me/index`);
  await page.locator('.me__large-text-switch').click();
  await page.waitForFunction(`!${LARGE_ON}`);
  expect(await fontSize(page, '.page.me')).toBeCloseTo(before.text, 1);
});
