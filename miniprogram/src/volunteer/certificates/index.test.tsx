import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import CertificatesPage from './index';
import { answerRequests, calls } from '../../../test/taro-double';
import { answerWrites, listPage, signedInAs } from '../../../test/fixtures';

const SERIAL = 'ABCDEFGHJKMNPQRSTVWXYZ01';
const certificate = (status: 'valid' | 'revoked') => ({
  serial: SERIAL,
  userId: 'u_v',
  realName: '张志远',
  totalMinutes: 120,
  stars: 0,
  lines: [{ activity: '敬老院陪伴', servedOn: '2026-11-19', minutes: 120, source: 'declared', approver: '李社工' }],
  issuer: '和乐党群服务中心',
  issuedAt: '2026-12-01T02:00:00.000Z',
  status,
  verifyUrl: `http://app.test/#/volunteer/verify/index?serial=${SERIAL}`,
  ...(status === 'revoked' ? { revokedByName: '李社工', revocationReason: '服务记录有误' } : {}),
});

describe('志愿服务证明管理', () => {
  it('revokes a certificate with the reason the coordinator gives', async () => {
    signedInAs('李社工', ['member', 'coordinator']);
    let status: 'valid' | 'revoked' = 'valid';
    const bodies = answerWrites(
      `POST /certificates/${SERIAL}/revocation`,
      () => {
        status = 'revoked';
        return { statusCode: 200, data: { certificate: certificate('revoked') } };
      },
      () => listPage([certificate(status)]),
    );
    render(<CertificatesPage />);
    await screen.findByText('张志远');
    expect(screen.getByText('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01')).toBeTruthy();
    fireEvent.click(screen.getByText('撤销'));
    fireEvent.input(screen.getByPlaceholderText('撤销原因，如：服务记录有误'), { target: { value: '服务记录有误' } });
    fireEvent.click(screen.getByText('确认撤销'));
    await screen.findByText('李社工撤销：服务记录有误');
    expect(bodies).toEqual([{ reason: '服务记录有误' }]);
    expect(calls.toasts).toContain('已撤销');
  });

  it('lists by status when a filter is picked', async () => {
    signedInAs('李社工', ['member', 'coordinator']);
    const asked: string[] = [];
    answerRequests(({ url }) => {
      asked.push(url);
      return { statusCode: 200, data: { items: [], nextCursor: null } };
    });
    render(<CertificatesPage />);
    await screen.findByText('还没有开具的证明');
    fireEvent.click(screen.getByText('已撤销'));
    await waitFor(() => expect(asked.some((url) => url.includes('status=revoked'))).toBe(true));
  });
});
