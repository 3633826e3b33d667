import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PointsPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const points = (expiring: unknown) => ({
  balance: 140,
  entries: [{ id: 'e1', type: 'EARN', amount: 140, balanceAfter: 140, reason: '服务时长 14 小时', createdAt: '2025-01-05T02:00:00.000Z' }],
  nextCursor: null,
  approvedMinutes: 840,
  stars: 0,
  expiring,
});

describe('积分 tab', () => {
  it('says which points expire soonest, and when', async () => {
    signedInAs('陈党员', ['member']);
    answerRequests(() => ({ statusCode: 200, data: points({ points: 60, expiresOn: '2026-12-16' }) }));
    render(<PointsPage />);
    expect(await screen.findByText('60 积分将于 2026-12-16 过期（先获得的先过期）')).toBeTruthy();
  });

  it('says nothing of expiry when nothing expires', async () => {
    signedInAs('陈党员', ['member']);
    answerRequests(() => ({ statusCode: 200, data: points(null) }));
    render(<PointsPage />);
    await screen.findByText('服务时长 14 小时');
    expect(screen.queryByText(/过期/)).toBeNull();
  });

  it('shows 党员积分 apart: the year, this month against the caps, the branch’s ranking and the party ledger', async () => {
    Taro.setStorageSync('hele.session', { token: 't', user: { id: 'u_me', nickname: '陈党员', roles: ['member'], branchId: 'b1' } });
    answerRequests(({ url }) => {
      if (url.includes('/me/party-points'))
        return {
          statusCode: 200,
          data: {
            partyMember: true,
            balance: 12,
            entries: [
              {
                id: 'p1',
                type: 'EARN',
                amount: 5,
                balanceAfter: 5,
                reason: '参加组织生活：主题党日',
                createdAt: '2026-12-01T02:00:00.000Z',
              },
            ],
            nextCursor: null,
            year: { year: 2026, total: 12 },
            month: [
              { kind: 'meeting', earned: 12, points: 5, cap: 12 },
              { kind: 'material', earned: 0, points: 2, cap: 20 },
              { kind: 'quiz', earned: 0, points: 3, cap: 15 },
            ],
          },
        };
      if (url.includes('/party-points'))
        return {
          statusCode: 200,
          data: { branchId: 'b1', year: 2026, items: [{ userId: 'u_other', name: '王书记', total: 20, rank: 1 }] },
        };
      return { statusCode: 200, data: points(null) };
    });
    render(<PointsPage />);
    fireEvent.click(await screen.findByText('党员积分'));
    expect(await screen.findByText('参加组织生活：主题党日')).toBeTruthy();
    expect(screen.getByText('12/12')).toBeTruthy();
    expect(screen.getByText('参加组织生活（每次 5 分）')).toBeTruthy();
    expect(await screen.findByText('1. 王书记')).toBeTruthy();
    expect(screen.queryByText('服务时长 14 小时')).toBeNull();
  });
});
