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
  // What shows of each picture: the <img> box, or the part of it the picture fills when the box is
  // fitted by CSS (object-fit: contain), from the picture's natural size once it has loaded.
  const shownPicture = (i: number) =>
    picked
      .nth(i)
      .locator('img')
      .evaluate(
        (image: any) =>
          new Promise((resolve) => {
            const measure = () => {
              const box = image.getBoundingClientRect();
              const fit = (globalThis as any).getComputedStyle(image).objectFit;
              if (fit !== 'contain' || !image.naturalWidth) return resolve({ x: box.x, y: box.y, width: box.width, height: box.height });
              const scale = Math.min(box.width / image.naturalWidth, box.height / image.naturalHeight);
              const width = image.naturalWidth * scale,
                height = image.naturalHeight * scale;
              resolve({ x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height });
            };
            if (image.complete && image.naturalWidth) measure();
            else image.addEventListener('load', measure, { once: true });
          }),
      ) as Promise<{ x: number; y: number; width: number; height: number }>;
  const fitted = await Promise.all(
    [0, 1, 2].map(async (i) => ({ cell: (await picked.nth(i).boundingBox())!, image: await shownPicture(i) })),
  );
  for (const { cell, image } of fitted) {
    expect(image.x).toBeGreaterThanOrEqual(cell.x - 1);
    expect(image.y).toBeGreaterThanOrEqual(cell.y - 1);
    expect(image.x + image.width).toBeLessThanOrEqual(cell.x + cell.width + 1);
    expect(image.y + image.height).toBeLessThanOrEqual(cell.y + cell.height + 1);
    expect(Math.abs(image.x + image.width / 2 - (cell.x + cell.width / 2))).toBeLessThan(2);
  }
  // The photos finish uploading in any order: find the portrait and the landscape by their shape.
  const ratios = fitted.map(({ image }) => image.width / image.height);
  const portrait = fitted[ratios.findIndex((ratio) => ratio < 0.75)];
  const landscape = fitted[ratios.findIndex((ratio) => ratio > 1.5)];
  expect(portrait).toBeDefined();
  expect(landscape).toBeDefined();
  expect(portrait!.image.height).toBeCloseTo(portrait!.cell.height, 0);
  expect(portrait!.image.width / portrait!.image.height).toBeCloseTo(0.5, 1);
  expect(landscape!.image.width).toBeCloseTo(landscape!.cell.width, 0);
  expect(landscape!.image.width / landscape!.image.height).toBeCloseTo(2, 1);
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
