/** Debian's Chromium driven by playwright-core (no browser download), with the flags this machine needs. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { LocalStack } from '../../scripts/local/stack';
import { startTestStack } from './stack';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-results');

export const launchBrowser = async (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // playwright gives every launch a fresh, empty profile directory of its own.
  });

/** A phone-sized page, as the H5 app is meant to be seen. */
export const phonePage = async (browser: Browser): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  return context.newPage();
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};

/**
 * A local stack and a browser for one test file: started before its tests, stopped after. Read
 * `stack` and `browser` inside tests (they exist once `beforeAll` has run).
 */
export const useStackAndBrowser = () => {
  const handles = {} as { stack: LocalStack; browser: Browser };
  beforeAll(async () => {
    handles.stack = await startTestStack();
    handles.browser = await launchBrowser();
  });
  afterAll(async () => {
    await handles.browser?.close();
    await handles.stack?.stop();
  });
  return handles;
};
