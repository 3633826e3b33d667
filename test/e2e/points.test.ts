/**
 * A volunteer sees the balance, redeems a class seat and sees the voucher; the coordinator
 * fulfils it. Real local stack, real browser.
 */
import { confirmModal, signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();

it('a volunteer redeems a class seat and shows the voucher; the coordinator fulfils it', async () => {
  const volunteer = await phonePage(running.browser);
  await signInAs(volunteer, running.stack.appUrl, 'volunteer');
  await volunteer.goto(`${running.stack.appUrl}/#/pages/points/index`);
  // The demo's earlier service is approved hours with their points: the balance, the hours and the level agree.
  await volunteer.locator('.points-card__balance', { hasText: '120' }).waitFor();
  await volunteer.locator('.points-card__hours', { hasText: '累计服务 12 小时' }).waitFor();
  await volunteer.locator('.points__reason', { hasText: '服务时长 6 小时：松台街道敬老院陪伴服务' }).waitFor();

  await volunteer.locator('.points__shop').click();
  await volunteer.locator('.rewards__item[data-id="demo-reward-yueju-seat"]').click();
  await volunteer.locator('.reward__title', { hasText: '越剧班名额' }).waitFor();
  await volunteer.locator('.reward__redeem').click();
  await confirmModal(volunteer, '兑换');

  await volunteer.locator('.voucher__status', { hasText: '待使用' }).waitFor();
  await volunteer.locator('.qr-code__run').first().waitFor();
  await screenshot(volunteer, 'voucher');
  const voucher = (await volunteer.locator('.voucher__text').first().textContent())!.trim();

  // The seat came with a registration for the class.
  await volunteer.goto(`${running.stack.appUrl}/#/activity/detail/index?id=demo-class-yueju`);
  await volunteer.locator('.activity-detail__mine', { hasText: '已报名' }).waitFor();
  await volunteer.goto(`${running.stack.appUrl}/#/pages/points/index`);
  await volunteer.locator('.points-card__balance', { hasText: '90' }).waitFor();
  // One seat each: the reward's page now says so, before any tap.
  await volunteer.goto(`${running.stack.appUrl}/#/shop/reward/index?id=demo-reward-yueju-seat`);
  await volunteer.locator('.reward__mine', { hasText: '你已兑换 1 份' }).waitFor();
  await volunteer.locator('.reward__redeem', { hasText: '已达兑换上限' }).waitFor();

  const coordinator = await phonePage(running.browser);
  await signInAs(coordinator, running.stack.appUrl, 'coordinator');
  await coordinator.goto(`${running.stack.appUrl}/#/shop/fulfil/index`);
  await coordinator.locator('.fulfil__input textarea').fill(voucher);
  await coordinator.locator('.fulfil__submit').click();
  await coordinator.locator('.fulfil__title', { hasText: '已核销：越剧班名额' }).waitFor();

  await volunteer.goto(`${running.stack.appUrl}/#/shop/redemptions/index`);
  await volunteer.locator('.voucher__status', { hasText: '已使用' }).waitFor();
});

it('a volunteer declares hours; the coordinator approves them and the volunteer’s balance grows', async () => {
  const volunteer = await phonePage(running.browser);
  await signInAs(volunteer, running.stack.appUrl, 'volunteer');
  await volunteer.goto(`${running.stack.appUrl}/#/pages/points/index`);
  const balance = async () => Number((await volunteer.locator('.points-card__balance').textContent())!.trim());
  await volunteer.locator('.points__reason').first().waitFor();
  const before = await balance();

  await volunteer.goto(`${running.stack.appUrl}/#/pages/me/index`);
  await volunteer.locator('.me__volunteer').click();
  await volunteer.locator('.volunteer-center__declare').click();
  await volunteer.locator('.hours__hours input').fill('2');
  await volunteer.locator('.hours__note textarea').fill('在社区敬老院陪伴老人聊天');
  await volunteer.locator('.hours__submit').click();
  await volunteer.locator('.hours__record', { hasText: '在社区敬老院陪伴老人聊天' }).locator('text=待审核').waitFor();

  const coordinator = await phonePage(running.browser);
  await signInAs(coordinator, running.stack.appUrl, 'coordinator');
  await coordinator.goto(`${running.stack.appUrl}/#/volunteer/center/index`);
  await coordinator.locator('.volunteer-center__review').click();
  const record = coordinator.locator('.review__record', { hasText: '在社区敬老院陪伴老人聊天' });
  await record.locator('text=张志愿 · 2 小时（20 积分）').waitFor();
  await screenshot(coordinator, 'hours-review');
  await record.locator('.review__approve').click();
  await record.waitFor({ state: 'detached' });

  await volunteer.goto(`${running.stack.appUrl}/#/pages/points/index`);
  await volunteer.locator('.points-card__balance', { hasText: String(before + 20) }).waitFor();
  await volunteer.locator('.points__reason', { hasText: '服务时长 2 小时' }).waitFor();
  await volunteer.goto(`${running.stack.appUrl}/#/volunteer/certificate/index`);
  await volunteer.locator('.certificate-lines__what', { hasText: '在社区敬老院陪伴老人聊天' }).waitFor();
  // Every page counts the same hours: 12 seeded and the 2 just approved.
  await volunteer.getByText('经审核累计服务 14 小时', { exact: false }).waitFor();
  await volunteer.goto(`${running.stack.appUrl}/#/volunteer/center/index`);
  await volunteer.locator('.volunteer-center__hours', { hasText: '累计服务 14 小时' }).waitFor();
  await volunteer.goto(`${running.stack.appUrl}/#/account/messages/index`);
  await volunteer.locator('.messages__item--hours_decided', { hasText: '获得 20 积分' }).first().waitFor();
});
