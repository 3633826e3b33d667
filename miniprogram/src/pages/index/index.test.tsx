import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HomePage from './index';
import { answerRequests } from '../../../test/taro-double';
import { complianceOf } from '../../../test/fixtures';

/** The branch's year as the server counts it (shared/rules/compliance), on 26 December. */
const complianceOn = (today: string) =>
  complianceOf(
    { branchId: 'b1', branchName: '和乐社区第一党支部' },
    [
      { type: 'theme_day', day: '2026-12-01' },
      { type: 'committee', day: '2026-11-05' },
    ],
    today,
    '2026-11-01',
  );

describe('首页 of a branch secretary', () => {
  it('lists this month’s 三会一课: what is still to hold first, with the days left, then what was held', async () => {
    Taro.setStorageSync('hele.session', {
      token: 't',
      user: { id: 'u_s', nickname: '王书记', roles: ['member', 'secretary'], branchId: 'b1' },
    });
    const urls: string[] = [];
    answerRequests(({ url }) => {
      urls.push(url);
      if (url.includes('/branches/b1/compliance')) return { statusCode: 200, data: { compliance: complianceOn('2026-12-26') } };
      return { statusCode: 200, data: { items: [], nextCursor: null } };
    });
    const { container } = render(<HomePage />);
    expect(await screen.findByText('本月三会一课：待开 5 项')).toBeTruthy();
    const rows = Array.from(container.querySelectorAll('.home__due')).map((row) => [
      row.getAttribute('data-type'),
      row.querySelector('.home__due-state')?.textContent,
    ]);
    expect(rows).toEqual([
      ['congress', '待开 · 12月31日前（还剩 6 天）'],
      ['committee', '待开 · 12月31日前（还剩 6 天）'],
      ['group', '待开 · 12月31日前（还剩 6 天）'],
      ['lecture', '待开 · 12月31日前（还剩 6 天）'],
      ['life', '待开 · 12月31日前（还剩 6 天）'],
      ['theme_day', '已开 1 次'],
    ]);
    // November: the committee met; the group and the theme day did not.
    expect(screen.getByText('今年已有 2 期未按时召开')).toBeTruthy();
    expect(urls.some((url) => url.includes('/branches/b1/compliance'))).toBe(true);
  });

  it('says there are more overdue measures than the first page it lists', async () => {
    Taro.setStorageSync('hele.session', {
      token: 't',
      user: { id: 'u_s', nickname: '王书记', roles: ['member', 'secretary'], branchId: 'b1' },
    });
    const measure = (i: number) => ({
      id: `x${i}`,
      activityId: 'a1',
      activityTitle: '组织生活会',
      text: `措施${i}`,
      ownerId: 'u_m',
      ownerName: '陈党员',
      dueOn: '2026-01-01',
      status: 'open',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    answerRequests(({ url }) =>
      url.includes('/actions/overdue')
        ? { statusCode: 200, data: { items: Array.from({ length: 20 }, (_, i) => measure(i)), nextCursor: 'next' } }
        : { statusCode: 200, data: { items: [], nextCursor: null } },
    );
    render(<HomePage />);
    expect(await screen.findByText('逾期措施超过 20 项')).toBeTruthy();
  });

  it('shows no due list to a member', async () => {
    Taro.setStorageSync('hele.session', { token: 't', user: { id: 'u_m', nickname: '陈党员', roles: ['member'], branchId: 'b1' } });
    const urls: string[] = [];
    answerRequests(({ url }) => {
      urls.push(url);
      return { statusCode: 200, data: { items: [], nextCursor: null } };
    });
    render(<HomePage />);
    await waitFor(() => expect(urls.length).toBeGreaterThan(0));
    expect(screen.queryByText(/本月三会一课/)).toBeNull();
    expect(urls.some((url) => url.includes('/compliance'))).toBe(false);
  });
});
