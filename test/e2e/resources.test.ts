/**
 * A coordinator registers a provider and its offer, then walks one need from 需求评估 to 结果评估,
 * allocating part of the offer on the way; the offer shows what remains and where it went, and
 * the dashboard, which starts from the seeded figures, counts the closed case and the allocation.
 * Real local stack, real browser.
 */
import type { Page } from 'playwright-core';
import { signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();

/** The cells of a dashboard table's row, by its first cell. */
const dashboardRow = async (page: Page, table: string, first: string) => {
  const row = page.locator(`.dashboard__table--${table} .dashboard__row`, { has: page.locator('.dashboard__cell', { hasText: first }) });
  await row.waitFor();
  return row.locator('.dashboard__cell').allTextContents();
};

/** Waits until the chart's canvas shows a bar (a pixel of the bars' red, #c8161d). Runs in the page. */
const chartDrawn = (page: Page, id: string) =>
  page.waitForFunction(`(() => {
    const canvas = document.querySelector('#${id} canvas');
    const pixels = canvas && canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    if (!pixels) return false;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] > 180 && pixels[i + 1] < 60 && pixels[i + 2] < 60 && pixels[i + 3] > 200) return true;
    return false;
  })()`);

const stageIs = (page: Page, label: string) => page.locator('.case__stage', { hasText: label }).waitFor();

const saveAndAdvance = async (page: Page, step: string, next: string) => {
  await page.locator('.case__save').click();
  await page.locator('.case__event', { hasText: `填写「${step}」表` }).waitFor();
  await page.locator('.case__advance').click();
  await stageIs(page, next);
};

it('walks a need from assessment to evaluation with a resource allocated on the way', async () => {
  const page = await phonePage(running.browser);
  await signInAs(page, running.stack.appUrl, 'coordinator');
  // The seeded figures: one case being planned, one waiting for assessment; 20 of 50 份 allocated.
  await page.locator('.me__dashboard').click();
  expect(await dashboardRow(page, 'cases', '计划')).toEqual(['计划', '1']);
  expect(await dashboardRow(page, 'cases', '已结案')).toEqual(['已结案', '0']);
  expect(await dashboardRow(page, 'resources', '物资')).toEqual(['物资', '1', '50', '1', '20']);
  expect(await dashboardRow(page, 'resources', '资金')).toEqual(['资金', '1', '¥1000.00', '0', '¥0.00']);
  expect(await dashboardRow(page, 'projects', '公益黄手环')).toEqual(['公益黄手环', '老年服务类', '0', '0', '1', '1']);
  await chartDrawn(page, 'cases');

  await page.goto(`${running.stack.appUrl}/#/pages/me/index`);
  await page.locator('.me__resources').click();

  // A field that is wrong says why, in Chinese, under it: the button is never just greyed out, and nothing is sent.
  await page.locator('.offers__provider-name input').fill('和');
  await page.locator('.offers__register').click();
  expect(await page.locator('.field-error--name').textContent()).toBe('至少 2 个字');
  await page.locator('.offers__provider-name input').fill('和乐爱心餐厅');
  await page.locator('.field-error--name').waitFor({ state: 'detached' });
  await page.locator('.offers__register').click();
  await page.locator('.offers__provider', { hasText: '和乐爱心餐厅' }).locator('text=已认证').waitFor();
  await page.locator('.offers__title input').fill('爱心午餐');
  await page.locator('.offers__add').click();
  expect(await page.locator('.field-error--quantity').textContent()).toBe('必填');
  await page.locator('.offers__quantity input').fill('90');
  await page.locator('.offers__unit input').fill('份');
  await page.locator('.offers__add').click();
  await page.locator('.offers__item', { hasText: '爱心午餐' }).locator('text=剩余 90 份').waitFor();

  await page.locator('.offers__cases').click();
  await page.locator('.cases__title input').fill('独居老人助餐');
  await page.locator('.cases__description textarea').fill('走访发现三位独居老人午餐无人照料');
  await page.locator('.cases__open').click();
  await stageIs(page, '需求评估');

  // Moving on before the step's form is saved is refused, with the reason.
  await page.locator('.case__advance').click();
  await page.locator('text=请先填写「需求评估」表').waitFor();
  await page.locator('.case__save').click();
  expect(await page.locator('.field-error--notes').textContent()).toBe('至少 2 个字');
  await screenshot(page, 'h5-coordinator-field-error');
  await page.locator('.case__notes textarea').fill('老人行动不便，午餐靠邻居接济');
  await saveAndAdvance(page, '需求评估', '预估');

  await page.locator('.case__resource input').fill('午餐盒饭');
  await page.locator('.case__quantity input').fill('90');
  await page.locator('.case__add-resource').click();
  await saveAndAdvance(page, '预估', '计划');

  await page.locator('.case__goals textarea').fill('每天按时吃上午餐\n每周一次上门探访');
  await page.locator('.case__save').click();
  await page.locator('.case__offer', { hasText: '和乐爱心餐厅·爱心午餐（余 90 份）' }).waitFor();
  await page.locator('.case__amount input').fill('30');
  await page.locator('.case__allocate').click();
  await page.locator('.case__allocation', { hasText: '爱心午餐' }).locator('text=30 份').waitFor();
  await page.locator('.case__advance').click();
  await stageIs(page, '介入');

  await page.locator('.case__log textarea').fill('爱心餐厅开始每日送餐');
  await page.locator('.case__add-log').click();
  await page.locator('.case__event', { hasText: '介入日志：爱心餐厅开始每日送餐' }).waitFor();
  await page.locator('.case__advance').click();
  await stageIs(page, '结果评估');

  await page.locator('.case__summary textarea').fill('三位老人每天按时吃上午餐');
  await page.locator('.case__save').click();
  await page.locator('.case__event', { hasText: '填写「结果评估」表' }).waitFor();
  await page.locator('.case__advance', { hasText: '结案' }).click();
  await stageIs(page, '已结案');
  await screenshot(page, 'case-closed');

  await page.goto(`${running.stack.appUrl}/#/resources/offers/index`);
  const offer = page.locator('.offers__item', { hasText: '爱心午餐' });
  await offer.locator('text=剩余 60 份').waitFor();
  await offer.click();
  await offer.locator('text=→ 独居老人助餐：30 份').waitFor();

  await page.goto(`${running.stack.appUrl}/#/dashboard/home/index`);
  expect(await dashboardRow(page, 'cases', '已结案')).toEqual(['已结案', '1']);
  expect(await dashboardRow(page, 'cases', '计划')).toEqual(['计划', '1']);
  expect(await dashboardRow(page, 'resources', '物资')).toEqual(['物资', '2', '140', '2', '50']);
  await chartDrawn(page, 'cases');
  await screenshot(page, 'dashboard');
});
