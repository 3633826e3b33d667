/**
 * The live feed's composer: photos chosen for a post show as a grid of small thumbnails under the text
 * box, each showing the whole photo (a tall portrait keeps its head), and a tap opens it full size.
 * Real local stack, real browser.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();

const MEETING = 'demo-meeting-live';
const pickedCount = (count: number) => `document.querySelectorAll('.feed__photos--picker .feed__photo--picked').length === ${count}`;

it('shows chosen photos as a small grid under the text box, uncropped, and opens one full size on a tap', async () => {
  const page = await phonePage(running.browser);
  // Three photos drawn in the page: a tall portrait (a red "head" on top), a wide one and a square.
  const photos = (await page.evaluate(`[[300, 600], [600, 300], [400, 400]].map(([width, height]) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    context.fillStyle = '#2f6fb0';
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#c8161d';
    context.fillRect(0, 0, width, 40);
    return canvas.toDataURL('image/png').split(',')[1];
  })`)) as string[];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'composer-'));
  const files = photos.map((base64, i) => {
    const file = path.join(folder, `photo-${i}.png`);
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    return file;
  });

  await signInAs(page, running.stack.appUrl, 'coordinator');
  await page.goto(`${running.stack.appUrl}/#/activity/feed/index?id=${MEETING}`);
  await page.locator('.feed__composer textarea').fill('分组讨论：每桌形成一条措施');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.feed__photo-add').click()]);
  await chooser.setFiles(files);
  const picked = page.locator('.feed__photos--picker .feed__photo--picked');
  await page.waitForFunction(pickedCount(3));
  await page.locator('.feed__photo-state').first().waitFor({ state: 'detached', timeout: 10_000 });

  // A grid of small thumbnails in one row, right under the text box.
  const box = (await page.locator('.feed__composer textarea').boundingBox())!;
  const thumbs = await Promise.all([0, 1, 2].map(async (i) => (await picked.nth(i).boundingBox())!));
  for (const thumb of thumbs) {
    expect(thumb.width).toBeLessThan(390 / 3);
    expect(Math.abs(thumb.height - thumb.width)).toBeLessThan(2);
    expect(Math.abs(thumb.y - thumbs[0]!.y)).toBeLessThan(2);
    expect(thumb.y).toBeGreaterThanOrEqual(box.y + box.height);
    expect(thumb.y - (box.y + box.height)).toBeLessThan(60);
  }
  // The whole photo shows, fitted and centred in its square: the portrait's full height (its top band, the
  // "head", included) at half the width; the landscape's full width at half the height.
  // Taro's H5 image fits itself once the picture has loaded: wait for the portrait to be fitted.
  await page.waitForFunction(() => {
    const image = document.querySelector('.feed__photos--picker .feed__photo--picked img');
    const box = image?.getBoundingClientRect();
    return !!box && box.height > 0 && box.width / box.height < 0.75;
  });
  const fitted = await Promise.all(
    [0, 1, 2].map(async (i) => {
      const cell = (await picked.nth(i).boundingBox())!;
      const image = (await picked.nth(i).locator('img').boundingBox())!;
      return { cell, image };
    }),
  );
  for (const { cell, image } of fitted) {
    expect(image.x).toBeGreaterThanOrEqual(cell.x - 1);
    expect(image.y).toBeGreaterThanOrEqual(cell.y - 1);
    expect(image.x + image.width).toBeLessThanOrEqual(cell.x + cell.width + 1);
    expect(image.y + image.height).toBeLessThanOrEqual(cell.y + cell.height + 1);
    expect(Math.abs(image.x + image.width / 2 - (cell.x + cell.width / 2))).toBeLessThan(2);
  }
  expect(fitted[0]!.image.height).toBeCloseTo(fitted[0]!.cell.height, 0);
  expect(fitted[0]!.image.width / fitted[0]!.image.height).toBeCloseTo(0.5, 1);
  expect(fitted[1]!.image.width).toBeCloseTo(fitted[1]!.cell.width, 0);
  expect(fitted[1]!.image.width / fitted[1]!.image.height).toBeCloseTo(2, 1);
  await screenshot(page, 'feed-composer');

  // A tap opens it full size; a tap on the preview closes it.
  await picked.nth(0).locator('img').click();
  const preview = page.locator('.preview-image');
  await preview.waitFor();
  expect(await preview.locator('img').count()).toBe(3);
  await preview.click();
  await preview.waitFor({ state: 'detached' });

  // Removing one keeps the others in the grid; the post goes out with the two.
  await picked.nth(1).locator('.feed__photo-remove').click();
  await page.waitForFunction(pickedCount(2));
  await page.locator('.feed__publish', { hasText: '发布' }).click();
  const posted = page.locator('.feed__post', { hasText: '分组讨论：每桌形成一条措施' });
  await posted.waitFor();
  await page.waitForFunction(pickedCount(0));
});
