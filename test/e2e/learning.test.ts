/**
 * 公益班: a new member enrols in the seeded 越剧班 (every session still open), sees the sessions
 * held for them and their progress, opens one of the class's materials and sees how far they
 * got; the seeded member sees the sessions they attended; the lecturer keeps the roster and
 * leaves notes after a session, which members read. Real local stack, real browser.
 */
import { randomUUID } from 'node:crypto';
import { playVideoMuted, signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();
const SERIES = '越剧班（晨间班）';

it('lets a member enrol in a class series, open its material and see their progress', async () => {
  const page = await phonePage(running.browser);
  await page.goto(`${running.stack.appUrl}/#/account/login/index`);
  await page.locator('.login__input input').fill(`learner${randomUUID().slice(0, 6)}`);
  await page.locator('.login__custom .nut-button').click();
  await page.locator('.me__name').waitFor();

  await page.locator('.me__classes').click();
  await page.locator('.classes__item', { hasText: SERIES }).click();
  // Three sessions were held: the five to come are open.
  await page.locator('.series__enrol', { hasText: '报名全部课次（5 课）' }).click();
  await page.locator('.series__withdraw').waitFor();
  const states = await page.locator('.classes__state').allTextContents();
  expect(states).toEqual(['未报名', '未报名', '未报名', '已报名', '已报名', '已报名', '已报名', '已报名']);
  await page.locator('.classes__progress-text', { hasText: '已上 0/8 课（0%） · 结业需 6 课' }).waitFor();

  // The class's video: played through, it counts as learned, and the list shows it.
  await page.locator('.series-materials__item', { hasText: '越剧唱腔入门' }).click();
  await playVideoMuted(page);
  await page.locator('.material__learned', { hasText: '已学完' }).waitFor({ timeout: 30_000 });
  await page.goBack();
  await page.locator('.series-materials__item', { hasText: '已学 100%' }).waitFor();
  await screenshot(page, 'learning-series');

  await page.goBack();
  await page.locator('.classes__tab--mine').click();
  await page.locator('.classes__item', { hasText: SERIES }).locator('.classes__progress-text', { hasText: '已上 0/8 课' }).waitFor();
});

it('shows the seeded member the sessions they attended, and members the lecturer’s notes', async () => {
  const lecturer = await phonePage(running.browser);
  await signInAs(lecturer, running.stack.appUrl, 'lecturer');
  await lecturer.locator('.me__teaching').click();
  await lecturer.locator('.classes__item', { hasText: SERIES }).click();
  const row = lecturer.locator('.roster__row', { hasText: '陈党员' });
  await row.waitFor();
  expect(await row.locator('.classes__cell').allTextContents()).toEqual(['✓', '✓', '缺', '报', '报', '报', '报', '报']);
  const third = lecturer.locator('.roster__session').nth(2);
  await third.locator('textarea').fill('本课学唱《梁祝·十八相送》，下周请带折扇。');
  await third.locator('.roster__save').click();
  await lecturer.locator('text=已保存').waitFor();
  await screenshot(lecturer, 'learning-roster');

  const member = await phonePage(running.browser);
  await signInAs(member, running.stack.appUrl, 'member');
  await member.locator('.me__my-classes').click();
  await member.locator('.classes__item', { hasText: SERIES }).locator('.classes__progress-text', { hasText: '已上 2/8 课（25%）' }).click();
  await member.locator('.classes__notes', { hasText: '下周请带折扇' }).waitFor();
});

it('lets a lecturer upload a handout to their class straight to the bucket, which members then open', async () => {
  const lecturer = await phonePage(running.browser);
  await signInAs(lecturer, running.stack.appUrl, 'lecturer');
  await lecturer.locator('.me__teaching').click();
  await lecturer.locator('.classes__item', { hasText: SERIES }).click();
  await lecturer.locator('.series-materials__add').click();
  await lecturer.locator('.library__add input').first().fill('第四课 唱词讲义');
  await lecturer.locator('.library__kind--document').click();
  const handout = Buffer.from('%PDF-1.4\n% 越剧唱词讲义\n%%EOF\n');
  const [chooser] = await Promise.all([lecturer.waitForEvent('filechooser'), lecturer.locator('.library__file .nut-button').click()]);
  await chooser.setFiles({ name: 'changci.pdf', mimeType: 'application/pdf', buffer: handout });
  await lecturer.locator('.library__file', { hasText: '已上传' }).waitFor();
  await lecturer.locator('.library__submit').click();
  await lecturer.locator('.library__item', { hasText: '第四课 唱词讲义' }).waitFor();

  // A member finds it among the class's materials and opens the document through its signed link.
  const member = await phonePage(running.browser);
  await signInAs(member, running.stack.appUrl, 'member');
  await member.locator('.me__my-classes').click();
  await member.locator('.classes__item', { hasText: SERIES }).click();
  await member.locator('.series-materials__item', { hasText: '第四课 唱词讲义' }).click();
  await member.locator('.material__file', { hasText: 'changci.pdf' }).waitFor();
  const [opened] = await Promise.all([member.waitForEvent('popup'), member.locator('.material__open').click()]);
  const downloaded = await member.request.get(opened.url());
  expect(Buffer.from(await downloaded.body()).equals(handout)).toBe(true);
  await member.locator('.material__title').waitFor();
  // A document counts once opened, as its page says.
  await member.locator('.material__rule', { hasText: '打开文档即记为已学' }).waitFor();
  await member.locator('.material__learned', { hasText: '已学完' }).waitFor();
});
