/**
 * Chromium driven by playwright-core (no browser download): Debian's where it is installed
 * (`apt-get install chromium`, what .ci/run does), else the headless Chromium that the npm package
 * @sparticuz/chromium carries inside itself (unpacked to /tmp on first use), so `npm test` runs on a
 * fresh machine as it comes. CHROMIUM_PATH names another.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { LocalStack } from '../../scripts/local/stack';
import { startTestStack } from './stack';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-results');

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const chromiumOfPackage = async () => {
  const { default: packaged } = await import('@sparticuz/chromium');
  return { executablePath: await packaged.executablePath(), args: packaged.args };
};

export const launchBrowser = async (): Promise<Browser> => {
  const system = process.env.CHROMIUM_PATH ?? (fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined);
  if (!system) {
    const packaged = await chromiumOfPackage();
    return chromium.launch({ ...packaged, headless: true });
  }
  return chromium.launch({
    executablePath: system,
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
};

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
 * `stack` and `browser` inside tests (they exist once `beforeAll` has run). `demoData: false` starts
 * an empty center (`DEMO_DATA=0 npm start`).
 */
export const useStackAndBrowser = (options: { demoData?: boolean } = {}) => {
  const handles = {} as { stack: LocalStack; browser: Browser };
  beforeAll(async () => {
    handles.stack = await startTestStack({ demoData: options.demoData });
    handles.browser = await launchBrowser();
  });
  afterAll(async () => {
    await handles.browser?.close();
    await handles.stack?.stop();
  });
  return handles;
};
