import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import DashboardPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const figures = {
  projects: [{ id: 'p1', name: '公益黄手环', category: 'elderly', checkIns: 14, serviceMinutes: 600, cases: 2, allocations: 3 }],
  categories: ['environment', 'culture', 'elderly', 'youth', 'disability', 'community'].map((category) =>
    category === 'elderly'
      ? { category, projects: 1, checkIns: 14, serviceMinutes: 600, cases: 2, allocations: 3 }
      : { category, projects: 0, checkIns: 0, serviceMinutes: 0, cases: 0, allocations: 0 },
  ),
  cases: [
    { stage: 'assessment', count: 2 },
    { stage: 'estimation', count: 0 },
    { stage: 'planning', count: 1 },
    { stage: 'intervention', count: 0 },
    { stage: 'evaluation', count: 0 },
    { stage: 'closed', count: 3 },
  ],
  resources: [
    { kind: 'people', offers: 1, offered: 5, allocations: 1, allocated: 2 },
    { kind: 'goods', offers: 2, offered: 115, allocations: 1, allocated: 30 },
    { kind: 'information', offers: 0, offered: 0, allocations: 0, allocated: 0 },
    { kind: 'funds', offers: 1, offered: 50000, allocations: 1, allocated: 20000 },
  ],
  destinations: [
    { destination: 'grassroots', activities: 1, serviceMinutes: 120, serviceRecords: 2 },
    { destination: 'village', activities: 0, serviceMinutes: 0, serviceRecords: 0 },
    { destination: 'school', activities: 2, serviceMinutes: 270, serviceRecords: 3 },
    { destination: 'prison', activities: 1, serviceMinutes: 60, serviceRecords: 1 },
  ],
  months: [
    {
      month: '2026-10',
      registrations: 12,
      checkIns: 9,
      pointsEarned: 120,
      pointsRedeemed: 30,
      pointsAdjusted: 0,
      serviceMinutes: 720,
      serviceRecords: 4,
    },
    {
      month: '2026-11',
      registrations: 6,
      checkIns: 5,
      pointsEarned: 45,
      pointsRedeemed: 60,
      pointsAdjusted: -5,
      serviceMinutes: 270,
      serviceRecords: 2,
    },
  ],
};

describe('数据看板', () => {
  it('shows each table with funds in 元 and hours from minutes, and exports a table as CSV', async () => {
    signedInAs('王社工', ['coordinator']);
    const urls: string[] = [];
    answerRequests(({ url }) => {
      urls.push(decodeURIComponent(url));
      return url.includes('/export')
        ? { statusCode: 200, data: '\uFEFF阶段,个案数\r\n需求评估,2\r\n' }
        : { statusCode: 200, data: figures };
    });
    URL.createObjectURL = jest.fn(() => 'blob:csv');
    const { container } = render(<DashboardPage />);
    await screen.findByText('月度参与、积分与服务时长');
    const rowOf = (table: string, first: string) =>
      Array.from(container.querySelectorAll(`.dashboard__table--${table} .dashboard__row`))
        .map((row) => Array.from(row.querySelectorAll('.dashboard__cell')).map((cell) => cell.textContent))
        .find((cells) => cells[0] === first);
    expect(rowOf('months', '2026-10')).toEqual(['2026-10', '12', '9', '120', '30', '0', '12', '4']);
    expect(rowOf('months', '2026-11')).toEqual(['2026-11', '6', '5', '45', '60', '-5', '4.5', '2']);
    expect(rowOf('projects', '公益黄手环')).toEqual(['公益黄手环', '老年服务类', '14', '10', '2', '3']);
    expect(rowOf('categories', '老年服务类')).toEqual(['老年服务类', '1', '14', '10', '2', '3']);
    expect(rowOf('cases', '已结案')).toEqual(['已结案', '3']);
    expect(rowOf('resources', '资金')).toEqual(['资金', '1', '¥500.00', '1', '¥200.00']);
    expect(rowOf('resources', '物资')).toEqual(['物资', '2', '115', '1', '30']);
    expect(rowOf('destinations', '进学校')).toEqual(['进学校', '2', '4.5', '3']);
    expect(rowOf('destinations', '进高墙')).toEqual(['进高墙', '1', '1', '1']);

    fireEvent.click(container.querySelector('.dashboard__table--cases .dashboard__export')!);
    await waitFor(() => expect(urls.some((url) => url.includes('/dashboard/export?table=cases'))).toBe(true));
  });

  it('says why a chart is empty instead of drawing bare axes', async () => {
    signedInAs('王社工', ['coordinator']);
    const idle = { ...figures, months: figures.months.map((row) => ({ ...row, serviceMinutes: 0 })) };
    answerRequests(() => ({ statusCode: 200, data: idle }));
    const { container } = render(<DashboardPage />);
    expect(await screen.findByText(/所选月份还没有审核通过的服务时长/)).toBeTruthy();
    expect(container.querySelector('#service-hours canvas')).toBeNull();
  });
});
