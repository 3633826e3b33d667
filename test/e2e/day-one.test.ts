/**
 * Day one of an empty center (`DEMO_DATA=0 npm start`), walked in the H5 app as its people would:
 * the admin creates the first branch and names its secretary, the secretary invites, a new person opens
 * the link, completes their profile and asks to join, the secretary approves, a coordinator plans the
 * branch's meeting, the member checks in with the code at the door, exports their data and closes their
 * account; the branch's roster, its count and the meeting's attendance stay consistent. Every step is
 * taken in the app; the API is only read at the end, to check what the pages said.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { api } from '../../bench/http';
import { pickInPicker, signInAs, signInWithName } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';
import { countsOn } from './meeting';

const running = useStackAndBrowser({ demoData: false });

const BRANCH = '和乐社区第一党支部';
const MEETING = '第一次支部党员大会';

/** The center's wall clock (Asia/Shanghai) at `date`: its day, and the minutes since midnight, as the meeting form's pickers show them. */
const centerClock = (date: Date) => {
  const iso = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return { day: iso.slice(0, 10), minutes: Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16)) };
};
const hhmm = (minutes: number) => [Math.floor(minutes / 60), minutes % 60].map((part) => String(part).padStart(2, '0'));

/** A photo for an avatar, drawn in the browser: a face-coloured disc on blue, 96 × 96 PNG. */
const avatarPhoto = async (page: Page) => {
  const dataUrl = await page.evaluate<string>(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 96;
    const draw = canvas.getContext('2d');
    draw.fillStyle = '#5b8fd6';
    draw.fillRect(0, 0, 96, 96);
    draw.fillStyle = '#f3d2b3';
    draw.beginPath();
    draw.arc(48, 40, 22, 0, 2 * Math.PI);
    draw.fill();
    draw.fillRect(18, 70, 60, 26);
    return canvas.toDataURL('image/png');
  })()`);
  return { name: 'xiaoming.png', mimeType: 'image/png', buffer: Buffer.from(dataUrl.split(',')[1]!, 'base64') };
};

/** A screenshot of the whole page, not only what the phone's screen holds (the page scrolls inside the app). */
const fullLength = async (page: Page, name: string) => {
  const height = await page.evaluate<number>(`(() => {
    const shown = [...document.querySelectorAll('.taro_page')].find((el) => getComputedStyle(el).display !== 'none');
    return shown ? shown.scrollHeight + (window.innerHeight - shown.clientHeight) : window.innerHeight;
  })()`);
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height)) });
  await screenshot(page, name);
  await page.setViewportSize(viewport);
};

/** 用户隐私保护提示, answered 同意 the first time a person sees it. */
const agreeToPrivacy = (page: Page) => page.locator('.privacy-fallback .nut-button', { hasText: '同意' }).click();

/** A toast's text, waited for until it has gone (so the next screenshot is of the page alone). */
const toast = async (page: Page, text: string) => {
  // The toast's wrapper has no box of its own (what it holds is fixed on the screen): its title has.
  const shown = page.locator('.taro__toast p', { hasText: text });
  await shown.waitFor();
  await shown.waitFor({ state: 'hidden', timeout: 10_000 });
};

/** Each person's page, and whether a step failed: then each page is kept as a screenshot of what they saw. */
const pages: Record<string, Page> = {};
let failed = false;
afterEach(async () => {
  if (!failed) return;
  for (const [who, page] of Object.entries(pages)) await screenshot(page, `day-one-failed-${who}`).catch(() => undefined);
});

it('walks day one from an empty center: branch, secretary, invitation, approval, meeting, check-in, export, closing', async () => {
  try {
    await dayOne();
  } catch (error) {
    failed = true;
    throw error;
  }
}, 420_000);

const dayOne = async () => {
  const { appUrl } = running.stack;
  const step = (page: Page, name: string) => screenshot(page, `day-one-${name}`);
  const person = async (who: string) => {
    pages[who] = await phonePage(running.browser);
    return pages[who];
  };

  // The admin: the center is empty; 我的 › 支部管理 creates the first branch.
  const admin = await person('admin');
  await signInAs(admin, appUrl, 'admin');
  await agreeToPrivacy(admin);
  await admin.locator('.me__directory').click();
  await admin.locator('.directory', { hasText: '还没有支部' }).waitFor();
  await admin.locator('.directory__name input').fill(BRANCH);
  await admin.locator('.directory__community input').fill('和乐社区');
  await admin.locator('.directory__create').click();
  await toast(admin, `已创建「${BRANCH}」`);
  await admin.locator('.directory__row', { hasText: BRANCH }).locator('text=未设书记 · 0 人').waitFor();
  await step(admin, '01-branch-created');

  // The future secretary signs in, fills in who they are and hands the admin their 用户编号.
  const secretary = await person('secretary');
  await secretary.goto(`${appUrl}/#/account/login/index`);
  await signInWithName(secretary, 'shuji1');
  await secretary.locator('.me__name', { hasText: 'shuji1' }).waitFor();
  await agreeToPrivacy(secretary);
  await secretary.locator('.me__complete-go').click();
  await secretary.locator('.profile__nickname input').fill('张书记');
  await secretary.locator('.profile__real-name input').fill('张建国');
  await secretary.locator('.profile__save').click();
  await toast(secretary, '已保存');
  await secretary.goBack();
  await secretary.locator('.me__name', { hasText: '张书记' }).waitFor();
  const secretaryId = /u_[\w-]+/.exec((await secretary.locator('.me__user-id').textContent()) ?? '')![0];

  // The admin names them secretary on the branch's page.
  await admin.locator('.directory__row', { hasText: BRANCH }).click();
  await admin.locator('.branch-detail__secretary', { hasText: '书记：未设置 · 党员 0 人' }).waitFor();
  await admin.locator('.branch-detail__secretary-id input').fill(secretaryId);
  await admin.locator('.branch-detail__set-secretary').click();
  await toast(admin, '张书记 已任书记');
  await admin.locator('.branch-detail__secretary', { hasText: '书记：张书记 · 党员 1 人' }).waitFor();
  await admin.locator('.branch-detail__member', { hasText: '张建国（张书记）' }).waitFor();
  await fullLength(admin, 'day-one-02-secretary-named');

  // The secretary opens the app again: 我的 now has 我的支部, where they make the invitation.
  await secretary.reload();
  await secretary.locator('.me__role', { hasText: '支部书记' }).waitFor();
  await secretary.locator('.me__my-branch').click();
  await secretary.locator('.branch-detail__name', { hasText: BRANCH }).waitFor();
  await secretary.locator('.branch-detail__new-invite').click();
  await secretary.locator('.branch-detail__qr img[src^="data:image/png"]').waitFor();
  const link = (await secretary.locator('.branch-detail__link').textContent())!.trim();
  expect(link).toMatch(new RegExp(`^${appUrl}/join\\?code=[A-Za-z0-9]+$`));
  await secretary.locator('.branch-detail__copy-link').click();
  await toast(secretary, '邀请链接已复制');
  await fullLength(secretary, 'day-one-03-invitation');

  // A new person opens the link from the branch's group chat, signs in, and comes back to the invitation.
  const member = await person('member');
  await member.goto(link);
  await member.locator('.join__title', { hasText: '你收到了支部的入支部邀请' }).waitFor();
  await member.locator('.join__sign-in').click();
  await signInWithName(member, 'xiaoming1');
  await member.locator('.join__title', { hasText: `「${BRANCH}」邀请你加入` }).waitFor();
  await member.locator('.join__profile-hint').waitFor();
  await step(member, '04-invitation-opened');

  // 完善资料: a photo as avatar, a nickname, the real name the secretary knows.
  await member.locator('.join__profile-hint .nut-button').click();
  await agreeToPrivacy(member);
  const [chooser] = await Promise.all([member.waitForEvent('filechooser'), member.locator('.profile__avatar-button').click()]);
  await chooser.setFiles(await avatarPhoto(member));
  await toast(member, '头像已更新');
  await member.locator('.profile__head img[src*="avatars"]').waitFor();
  await member.locator('.profile__nickname input').fill('小明');
  await member.locator('.profile__real-name input').fill('李小明');
  await member.locator('.profile__save').click();
  await toast(member, '已保存');
  await step(member, '05-profile');
  await member.goBack();
  await member.locator('.join__profile-hint').waitFor({ state: 'detached' });
  await member.locator('.join__accept', { hasText: '申请加入' }).click();
  await member.locator('.join__done', { hasText: '已提交申请，等待支部书记审批' }).waitFor();
  await step(member, '06-asked-to-join');

  // The secretary approves on 我的支部.
  await secretary.reload();
  const asking = secretary.locator('.branch-detail__member', { hasText: '李小明（小明）' });
  await asking.locator('text=待审批').waitFor();
  await secretary.locator('.section-title', { hasText: '待处理（1）' }).waitFor();
  await fullLength(secretary, 'day-one-07-request-to-approve');
  await asking.locator('.branch-detail__approve').click();
  await toast(secretary, '已同意');
  await secretary.locator('.section-title', { hasText: '待处理（0）' }).waitFor();
  await secretary.locator('.branch-detail__secretary', { hasText: '党员 2 人' }).waitFor();
  await secretary.locator('.branch-detail__member', { hasText: '李小明（小明）' }).locator('text=党员').waitFor();
  await fullLength(secretary, 'day-one-08-member-approved');

  // A coordinator plans the branch's meeting for later today, for its members only.
  const coordinator = await person('coordinator');
  await signInAs(coordinator, appUrl, 'coordinator');
  await agreeToPrivacy(coordinator);
  await coordinator.goto(`${appUrl}/#/pages/activities/index`);
  await coordinator.locator('.activities__create').click();
  await coordinator.locator('.edit-activity__title input').fill(MEETING);
  await coordinator.locator('.edit-activity__textarea textarea').first().fill('重温入党誓词\n新党员介绍自己\n讨论本年度支部工作计划');
  // Ten minutes from now (check-in opens half an hour before the start), on that day; too near midnight for that,
  // at five past midnight (its check-in is open already). The center's clock is China's: CI may run at any hour of it.
  const inTen = new Date(Date.now() + 10 * 60_000);
  let { day, minutes: starts } = centerClock(inTen);
  if (starts > 23 * 60 + 50) ({ day, minutes: starts } = centerClock(new Date(inTen.getTime() + (24 * 60 + 5 - starts) * 60_000)));
  const ends = Math.min(starts + 90, 23 * 60 + 59);
  const [year, month, date] = day.split('-');
  await coordinator.locator('.edit-activity__row', { hasText: '日期' }).click();
  await pickInPicker(coordinator, [`${year}年`, `${month}月`, `${date}日`]);
  await coordinator.locator('.edit-activity__row', { hasText: '日期' }).locator(`text=${day}`).waitFor();
  await coordinator.locator('.edit-activity__row', { hasText: '开始' }).click();
  await pickInPicker(coordinator, hhmm(starts));
  await coordinator.locator('.edit-activity__row', { hasText: '结束' }).click();
  await pickInPicker(coordinator, hhmm(ends));
  await coordinator
    .locator('.edit-activity__row', { hasText: '开始' })
    .locator(`text=${hhmm(starts).join(':')}`)
    .waitFor();
  await coordinator
    .locator('.edit-activity__row', { hasText: '结束' })
    .locator(`text=${hhmm(ends).join(':')}`)
    .waitFor();
  await coordinator.locator('.edit-activity__row', { hasText: '所属支部' }).click();
  await pickInPicker(coordinator, [BRANCH]);
  await coordinator.locator('.edit-activity__branch', { hasText: BRANCH }).waitFor();
  await coordinator.locator('.edit-activity__branch-only-switch').click();
  await coordinator.locator('.edit-activity__branch-hint', { hasText: '只有本支部党员可以报名；本支部 2 名党员都是应到人员' }).waitFor();
  await fullLength(coordinator, 'day-one-09-meeting-form');
  await coordinator.locator('.edit-activity__submit').click();
  await toast(coordinator, '已发布');
  await coordinator.locator('.activity-detail__title', { hasText: MEETING }).waitFor();
  const meetingId = new URL(coordinator.url().replace('#/', '')).searchParams.get('id')!;

  // At the door the coordinator shows the check-in code.
  await coordinator.locator('.activity-detail__check-in-screen').click();
  await coordinator.locator('.check-in__code').waitFor();
  expect(await countsOn(coordinator)).toEqual({ 应到: 2, 已报名: 0, 实到: 0, 请假: 0, 未签到: 2 });

  // The member opens the app: 我的支部 is there; the meeting is in 活动; the code checks them in.
  await member.goto(`${appUrl}/#/pages/me/index`);
  await member.reload();
  await member.locator('.me__my-branch').waitFor();
  await member.goto(`${appUrl}/#/pages/activities/index`);
  await member.locator('.activity-card', { hasText: MEETING }).click();
  await member.locator('.activity-detail__title', { hasText: MEETING }).waitFor();
  const code = (await coordinator.locator('.check-in__code').textContent())!.trim();
  await member.locator('.activity-detail__code-input input').fill(code);
  await member.locator('.activity-detail__check-in').click();
  await toast(member, '签到成功');
  await member.locator('.activity-detail__mine', { hasText: '已签到' }).waitFor();
  await step(member, '10-checked-in');
  await coordinator
    .locator('.attendance-counts__item--checkedIn .attendance-counts__value', { hasText: /^1$/ })
    .waitFor({ timeout: 15_000 });
  expect(await countsOn(coordinator)).toEqual({ 应到: 2, 已报名: 1, 实到: 1, 请假: 0, 未签到: 1 });
  await step(coordinator, '11-check-in-screen');

  // 我的 › 编辑资料 › 导出我的数据: a JSON file with their name and the meeting they attended.
  await member.goto(`${appUrl}/#/pages/me/index`);
  await member.locator('.me__edit-profile').click();
  const [download] = await Promise.all([member.waitForEvent('download'), member.locator('.profile__export').click()]);
  expect(download.suggestedFilename()).toMatch(/^和乐-我的数据-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  expect(exported.user).toMatchObject({ nickname: '小明', realName: '李小明' });
  expect(exported.registrations).toEqual([
    expect.objectContaining({
      activityId: meetingId,
      status: 'confirmed',
      checkedInAt: expect.any(String),
      activity: expect.objectContaining({ title: MEETING }),
    }),
  ]);

  // 注销账号: said what it does, confirmed, signed out.
  await member.locator('.profile__close').click();
  await member.locator('.taro-modal__content', { hasText: '注销无法恢复' }).waitFor();
  // The dialog fades in.
  await member.waitForFunction(`getComputedStyle(document.querySelector('.taro__modal')).opacity === '1'`);
  await step(member, '12-closing');
  await member.locator('.taro-modal__foot >> text=确认注销').click();
  await toast(member, '账号已注销');
  await member.locator('.me__name', { hasText: '未登录' }).waitFor();

  // The branch has its secretary alone again; the meeting still counts the check-in, under 已注销用户.
  await secretary.reload();
  await secretary.locator('.branch-detail__secretary', { hasText: '书记：张书记 · 党员 1 人' }).waitFor();
  // The header and the member list load apart: wait for the list before reading it.
  await secretary.locator('.branch-detail__member', { hasText: '张建国（张书记）' }).waitFor();
  expect(await secretary.locator('.branch-detail__member').allTextContents()).toEqual([expect.stringContaining('张建国（张书记）')]);
  await fullLength(secretary, 'day-one-13-roster-after-closing');
  await admin.goto(`${appUrl}/#/branch/directory/index`);
  await admin.reload();
  await admin.locator('.directory__row', { hasText: BRANCH }).locator('text=书记 张书记 · 1 人').waitFor();

  await coordinator.goto(`${appUrl}/#/activity/attendance/index?id=${meetingId}`);
  await coordinator.reload();
  const closed = coordinator.locator('.attendance__row', { hasText: '已注销用户' });
  await closed.locator('text=已签到').waitFor();
  // Not checked in yet: the coordinator may check the secretary in for him.
  await coordinator.locator('.attendance__row', { hasText: '张书记' }).locator('.attendance__assist').waitFor();
  expect(await coordinator.locator('.attendance__row', { hasText: '小明' }).count()).toBe(0);
  expect(await countsOn(coordinator)).toEqual({ 应到: 2, 已报名: 1, 实到: 1, 请假: 0, 未签到: 1 });
  await step(coordinator, '14-attendance-after-closing');

  // What the pages said is what the API holds.
  const client = api(running.stack.apiUrl);
  const { token } = await client.signIn('coordinator');
  const branches = (await client.request('GET', '/branches?limit=100', token)).body.items;
  expect(branches).toEqual([expect.objectContaining({ name: BRANCH, memberCount: 1, secretaryName: '张书记' })]);
  const members = (await client.request('GET', `/branches/${branches[0].id}/members`, token)).body.items;
  expect(members).toEqual([expect.objectContaining({ userId: secretaryId, status: 'active' })]);
  const attendance = (await client.request('GET', `/activities/${meetingId}/attendance`, token)).body;
  expect(attendance.summary).toMatchObject({ expected: 2, registered: 1, checkedIn: 1 });
  expect(attendance.items.map((row: { nickname: string }) => row.nickname).sort()).toEqual(['已注销用户', '张书记'].sort());
};
