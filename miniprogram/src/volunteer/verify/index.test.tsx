import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import VerifyCertificatePage from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';
import { expectShown } from '../../../test/screen';

const SERIAL = 'ABCDEFGHJKMNPQRSTVWXYZ01';
const certificate = {
  serial: SERIAL,
  realName: '张志远',
  totalMinutes: 150,
  stars: 0,
  lines: [
    { activity: '敬老院陪伴', servedOn: '2026-11-19', minutes: 120, source: 'declared', approver: '李社工' },
    { activity: '公益黄手环', servedOn: '2026-11-28', minutes: 30, source: 'check_in', approver: '李社工' },
  ],
  issuer: '和乐党群服务中心',
  issuedAt: '2026-12-01T02:00:00.000Z',
  status: 'valid',
};

describe('证明核验', () => {
  it('confirms a valid certificate to someone signed out, asking without any token', async () => {
    setRouteParams({ serial: SERIAL });
    const asked: Array<{ url: string; header: Record<string, string> }> = [];
    answerRequests(({ url, header }) => {
      asked.push({ url, header });
      return { statusCode: 200, data: { certificate } };
    });
    render(<VerifyCertificatePage />);
    await screen.findByText('✓ 证书有效');
    expectShown('张志远', '2.5', '公益黄手环', '证明编号：ABCD-EFGH-JKMN-PQRS-TVWX-YZ01');
    expect(asked.map(({ url }) => url)).toEqual([`http://api.test/certificates/${SERIAL}`]);
    expect(asked[0]!.header.authorization).toBeUndefined();
  });

  it('sends no token even when signed in (the page is the same for everyone)', async () => {
    signedInAs('陈党员', ['member']);
    setRouteParams({ serial: SERIAL });
    const headers: Array<Record<string, string>> = [];
    answerRequests(({ header }) => {
      headers.push(header);
      return { statusCode: 200, data: { certificate } };
    });
    render(<VerifyCertificatePage />);
    await screen.findByText('✓ 证书有效');
    expect(headers[0]!.authorization).toBeUndefined();
  });

  it('finds nothing for a revoked or forged serial, and checks a typed one', async () => {
    setRouteParams({ serial: SERIAL });
    answerRequests(({ url }) =>
      url.endsWith('/certificates/0000000000000000000000AA')
        ? { statusCode: 200, data: { certificate: { ...certificate, serial: '0000000000000000000000AA', realName: '李华' } } }
        : { statusCode: 404, data: { error: { code: 'CERTIFICATE_NOT_FOUND', message: 'Certificate not found' } } },
    );
    render(<VerifyCertificatePage />);
    await screen.findByText('✗ 未找到该证明');
    expect(screen.queryByText('张志远')).toBeNull();
    fireEvent.input(screen.getAllByPlaceholderText('输入证明上的编号，如 ABCD-EFGH-…').at(-1)!, {
      target: { value: '0000-0000-0000-0000-0000-00aa' },
    });
    fireEvent.click(screen.getByText('核验'));
    await screen.findByText('✓ 证书有效');
    expect(screen.getByText('李华')).toBeTruthy();
  });

  it('does not ask the server about what cannot be a serial', async () => {
    setRouteParams({ serial: 'not-a-serial' });
    const asked: string[] = [];
    answerRequests(({ url }) => {
      asked.push(url);
      return { statusCode: 404, data: { error: { code: 'CERTIFICATE_NOT_FOUND', message: 'x' } } };
    });
    render(<VerifyCertificatePage />);
    await screen.findByText('✗ 未找到该证明');
    await waitFor(() => expect(asked).toEqual([]));
  });
});
