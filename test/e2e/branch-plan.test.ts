/**
 * 一支部一方案: the coordinator opens the seeded young branch, sees its profile, generates a plan (for young
 * members with higher education a creative module, then collaboration) and turns one item into a draft
 * meeting, then edits it. Real local stack, real browser.
 */
import { pickInPicker, signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();

it('generates a plan for the young demo branch and turns one meeting into an activity', async () => {
  const page = await phonePage(running.browser);
  await signInAs(page, running.stack.appUrl, 'coordinator');
  await page.locator('.me__branch-plan').click();
  // The coordinator picks the branch by its name.
  await page.locator('.plan__branch').click();
  await pickInPicker(page, ['和乐社区第一党支部']);
  await page.locator('.plan__profile .section-title', { hasText: '支部画像 · 3 名党员' }).waitFor();
  await page.locator('.plan__bar', { hasText: '35 岁以下' }).locator('text="3"').waitFor();

  // The year's running themes are offered (the latest first); the secretary picks one.
  await page.locator('.plan__themes .chip', { hasText: '三严三实' }).waitFor();
  await page.locator('.plan__themes .chip', { hasText: '两学一做' }).click();
  await page.locator('.plan__propose').click();
  const first = page.locator('.plan__item').first();
  await first.locator('.plan__modules', { hasText: '创意党旗设计（40 分钟） + 团队协作（30 分钟）' }).waitFor();
  await first.locator('.plan__reason', { hasText: '支部 3/3 名党员35 岁以下，3/3 名党员大专及以上学历' }).waitFor();
  await page.locator('.plan__item').nth(2).waitFor();
  await screenshot(page, 'branch-plan');

  await first.locator('.plan__create').click();
  await page.waitForURL(/activity\/edit\/index\?id=/);
  // The edit page loads the draft: its title and agenda are the plan's, each item with its length.
  await page.waitForFunction(`document.querySelector('.edit-activity__title input')?.value === '两学一做主题党日（第1次）'`);
  expect(await page.locator('.edit-activity__textarea textarea').first().inputValue()).toBe(
    '创意党旗设计（40 分钟）\n团队协作（30 分钟）\n形成措施并明确责任人（20 分钟）',
  );
});
