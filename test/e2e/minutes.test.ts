/**
 * 会议纪要: the branch secretary opens the meeting under way, finds the minutes drafted from its
 * ideas and measures, adds a line, saves, and exports them as a Word document that holds it.
 * Real local stack, real browser.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { signInAs } from '../support/app';
import { phonePage, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();

it('drafts the minutes, saves the secretary’s edit and exports it as Word', async () => {
  const page = await phonePage(running.browser);
  await signInAs(page, running.stack.appUrl, 'secretary');
  await page.goto(`${running.stack.appUrl}/#/activity/board/index?id=demo-meeting-live`);
  const editor = page.locator('.board__minutes-text textarea');
  await page.waitForFunction(`(document.querySelector('.board__minutes-text textarea')?.value ?? '').startsWith('【会议纪要】')`);
  const draft = await editor.inputValue();
  expect(draft).toContain('二、讨论要点（得票最多的意见）');
  await editor.fill(`${draft}\n四、其他：下次会议到社区开`);
  await page.locator('.board__save-minutes').click();
  await page.locator('text=已编辑的纪要').waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.board__minutes-document').click()]);
  expect(download.suggestedFilename()).toBe('会议纪要.docx');
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  expect(await zip.file('word/document.xml')!.async('string')).toContain('四、其他：下次会议到社区开');
});
