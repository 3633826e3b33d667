import { render, screen } from '@testing-library/react';
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
});
