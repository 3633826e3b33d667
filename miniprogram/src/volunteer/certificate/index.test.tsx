import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import CertificatePage from './index';
import { answerRequests, calls } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const SERIAL = 'ABCDEFGHJKMNPQRSTVWXYZ01';
const record = (id: string, minutes: number, servedOn: string, note: string) => ({
  id,
  userId: 'u_me',
  nickname: '张志愿',
  source: 'declared',
  servedOn,
  minutes,
  note,
  status: 'approved',
  points: 10,
  createdAt: '2026-11-20T02:00:00.000Z',
  decidedBy: 'u_c',
  decidedByName: '李社工',
  decidedAt: '2026-11-21T02:00:00.000Z',
});
const current = (records: ReturnType<typeof record>[]) => ({
  certificate: {
    volunteer: { id: 'u_me', nickname: '张志愿', realName: '张志远' },
    totalMinutes: records.reduce((sum, item) => sum + item.minutes, 0),
    stars: 0,
    records,
    issuer: '和乐党群服务中心',
    issuedAt: '2026-12-06T02:00:00.000Z',
  },
});
const issued = (totalMinutes: number, overrides: Record<string, unknown> = {}) => ({
  serial: SERIAL,
  userId: 'u_me',
  realName: '张志远',
  totalMinutes,
  stars: 0,
  lines: [{ activity: '敬老院陪伴', servedOn: '2026-11-19', minutes: totalMinutes, source: 'declared', approver: '李社工' }],
  issuer: '和乐党群服务中心',
  issuedAt: '2026-12-01T02:00:00.000Z',
  status: 'valid',
  verifyUrl: `http://app.test/#/volunteer/verify/index?serial=${SERIAL}`,
  ...overrides,
});

describe('志愿服务证明', () => {
  it('issues a certificate with a serial and the QR of its public page', async () => {
    signedInAs('张志愿', ['member', 'volunteer']);
    const records = [record('r1', 120, '2026-11-19', '敬老院陪伴')];
    let mine: unknown[] = [];
    const posted: string[] = [];
    answerRequests(({ url, method }) => {
      if (url.endsWith('/me/service-certificate')) return { statusCode: 200, data: current(records) };
      if (url.includes('/me/certificates') && method === 'GET') return { statusCode: 200, data: { items: mine, nextCursor: null } };
      if (url.endsWith('/me/certificates') && method === 'POST') {
        posted.push(url);
        mine = [issued(120)];
        return { statusCode: 201, data: { certificate: issued(120) } };
      }
      return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'x' } } };
    });
    const { container } = render(<CertificatePage />);
    await screen.findByText('敬老院陪伴');
    expect(container.querySelector('.qr-code')).toBeNull();
    fireEvent.click(screen.getByText('开具证明'));
    await screen.findByText('证明编号：ABCD-EFGH-JKMN-PQRS-TVWX-YZ01');
    expect(posted).toHaveLength(1);
    expect(container.querySelector('.qr-code')?.getAttribute('data-text')).toBe(
      `http://app.test/#/volunteer/verify/index?serial=${SERIAL}`,
    );
    expect(screen.getByText('导出 Excel（志愿服务记录证明）')).toBeTruthy();
    expect(calls.toasts).toContain('证明已开具');
  });

  it('says when hours approved since make the certificate out of date, and lists a revoked one with its reason', async () => {
    signedInAs('张志愿', ['member', 'volunteer']);
    const records = [record('r1', 120, '2026-11-19', '敬老院陪伴'), record('r2', 60, '2026-12-02', '图书整理')];
    const revoked = issued(60, {
      serial: '0000000000000000000000AA',
      status: 'revoked',
      revokedByName: '李社工',
      revocationReason: '记录有误',
    });
    answerRequests(({ url }) => {
      if (url.endsWith('/me/service-certificate')) return { statusCode: 200, data: current(records) };
      return { statusCode: 200, data: { items: [issued(120), revoked], nextCursor: null } };
    });
    render(<CertificatePage />);
    await screen.findByText(/开具后又有服务时长审核通过（现累计 3 小时）/);
    expect(screen.getByText('重新开具证明')).toBeTruthy();
    expect(screen.getByText('已撤销')).toBeTruthy();
    expect(screen.getByText(/由李社工撤销：记录有误/)).toBeTruthy();
  });

  it('asks for the real name first', async () => {
    signedInAs('张志愿', ['member', 'volunteer']);
    answerRequests(() => ({ statusCode: 409, data: { error: { code: 'REAL_NAME_REQUIRED', message: 'x' } } }));
    render(<CertificatePage />);
    fireEvent.click(await screen.findByText('去编辑资料'));
    await waitFor(() => expect(calls.navigateTo).toEqual(['/account/profile/index']));
  });
});
