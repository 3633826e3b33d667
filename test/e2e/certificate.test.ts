/**
 * A volunteer with approved hours issues the 志愿服务证明; its QR link, opened signed out in a fresh
 * browser, confirms the name and the hours (and nothing personal); once a coordinator revokes the
 * certificate, the same link finds nothing. Real local stack, real browser.
 */
import { centerDate } from '@hele/shared';
import { api } from '../../bench/http';
import { signInAs } from '../support/app';
import { phonePage, screenshot, useStackAndBrowser } from '../support/browser';

const running = useStackAndBrowser();

it('a certificate’s QR opened signed out shows the verification, and nothing once revoked', async () => {
  // 张志愿 (real name 张志远 in the demo data) has two hours of service approved.
  const client = api(running.stack.apiUrl);
  const volunteerApi = await client.signIn('volunteer');
  const coordinatorApi = await client.signIn('coordinator');
  const servedOn = centerDate(new Date(Date.now() - 24 * 3600_000));
  const declared = await client.request('POST', '/me/service-records', volunteerApi.token, {
    servedOn,
    minutes: 120,
    note: '社区敬老院陪伴老人读报',
  });
  expect(declared.status).toBe(201);
  const approved = await client.request('POST', `/service-records/${declared.body.record.id}/decision`, coordinatorApi.token, {
    decision: 'approve',
  });
  expect(approved.status).toBe(200);

  const volunteer = await phonePage(running.browser);
  await signInAs(volunteer, running.stack.appUrl, 'volunteer');
  await volunteer.goto(`${running.stack.appUrl}/#/volunteer/certificate/index`);
  await volunteer.locator('.certificate-lines__what', { hasText: '社区敬老院陪伴老人读报' }).waitFor();
  await volunteer.locator('.certificate__issue').click();
  await volunteer.locator('.certificate-paper__serial').waitFor();
  await volunteer.locator('.qr-code__run').first().waitFor();
  await screenshot(volunteer, 'certificate-issued');
  const link = (await volunteer.locator('.qr-code').getAttribute('data-text'))!;
  expect(link).toMatch(new RegExp(`^${running.stack.appUrl}/#/volunteer/verify/index\\?serial=[0-9A-Z]{24}$`));
  const serial = link.slice(link.indexOf('serial=') + 'serial='.length);

  // Someone who scans the paper: a fresh browser context, never signed in.
  const stranger = await phonePage(running.browser);
  await stranger.goto(link);
  await stranger.locator('.verify__verdict-title', { hasText: '证书有效' }).waitFor();
  await stranger.locator('.certificate-paper__name', { hasText: '张志远' }).waitFor();
  await stranger.locator('.certificate-lines__what', { hasText: '社区敬老院陪伴老人读报' }).waitFor();
  const hours = await stranger.locator('.certificate-paper__hours').textContent();
  expect(Number(hours)).toBeGreaterThanOrEqual(2);
  const shown = (await stranger.locator('.page').textContent())!;
  expect(shown).not.toContain('张志愿'); // the nickname is the account's, not the certificate's
  expect(shown).not.toMatch(/1\d{2}[*\d]{4}\d{4}/); // no phone, whole or masked
  expect(await stranger.evaluate("window.localStorage.getItem('hele.session')")).toBeNull();
  await screenshot(stranger, 'certificate-verified');

  // The coordinator revokes it with a reason.
  const coordinator = await phonePage(running.browser);
  await signInAs(coordinator, running.stack.appUrl, 'coordinator');
  await coordinator.goto(`${running.stack.appUrl}/#/volunteer/certificates/index`);
  const item = coordinator.locator(`.certificates__item[data-serial="${serial}"]`);
  await item.locator('.certificates__revoke').click();
  await item.locator('.certificates__reason input').fill('服务记录有误，需重新核定');
  await item.locator('.certificates__confirm-revoke').click();
  await item.locator('text=撤销：服务记录有误，需重新核定').waitFor();

  await stranger.reload();
  await stranger.locator('.verify__verdict-title', { hasText: '未找到该证明' }).waitFor();
  expect(await stranger.locator('.certificate-paper').count()).toBe(0);
  expect((await stranger.locator('.page').textContent())!).not.toContain('张志远');
  await screenshot(stranger, 'certificate-revoked');
});
