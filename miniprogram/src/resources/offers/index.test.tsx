import { fireEvent, render, screen } from '@testing-library/react';
import OffersPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const directory = {
  providers: [
    {
      id: 'p1',
      name: '和乐社区卫生服务站',
      kind: 'social_org',
      offers: [{ id: 'o1', kind: 'people', title: '义诊医生', quantity: 4, unit: '人', remaining: 3, availability: '每周六上午' }],
    },
    { id: 'p2', name: '鹿城区图书馆', kind: 'government', offers: [] },
  ],
};

describe('资源云平台 for a member', () => {
  it('leads with the verified providers and what they offer; registering as a provider is the second step', async () => {
    signedInAs('陈党员', ['member']);
    answerRequests(({ url }) => {
      if (url.endsWith('/resource-directory')) return { statusCode: 200, data: directory };
      if (url.endsWith('/me/resources')) return { statusCode: 200, data: { providers: [], offers: [] } };
      return { statusCode: 404, data: {} };
    });
    render(<OffersPage />);
    expect(await screen.findByText('和乐社区卫生服务站')).toBeTruthy();
    expect(screen.getByText('义诊医生')).toBeTruthy();
    expect(screen.getByText('可用 3 人 · 每周六上午')).toBeTruthy();
    expect(screen.getByText('暂未发布资源')).toBeTruthy();
    expect(screen.queryByText('暂无资源方')).toBeNull();
    // The registration form opens on request.
    expect(screen.queryByPlaceholderText('名称，如：和乐社区卫生服务站')).toBeNull();
    fireEvent.click(screen.getByText('登记为资源方'));
    expect(await screen.findByText('登记')).toBeTruthy();
  });
});
