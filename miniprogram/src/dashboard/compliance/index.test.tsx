import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DEFAULT_MEETING_FREQUENCIES, type MeetingType } from '@hele/shared';
import CompliancePage from './index';
import { answerRequests } from '../../../test/taro-double';
import { answerWrites, complianceOf, signedInAs } from '../../../test/fixtures';

const TODAY = '2026-12-06';
const branch = (branchId: string, branchName: string, held: Array<{ type: MeetingType; day: string }>) =>
  complianceOf({ branchId, branchName }, held, TODAY, '2026-10-01');

const board = {
  year: 2026,
  today: TODAY,
  frequencies: DEFAULT_MEETING_FREQUENCIES,
  items: [
    branch('b2', '和乐社区第二党支部', []),
    branch('b1', '和乐社区第一党支部', [
      { type: 'committee', day: '2026-10-09' },
      { type: 'committee', day: '2026-11-12' },
      { type: 'committee', day: '2026-12-03' },
      { type: 'lecture', day: '2026-11-20' },
    ]),
  ],
};

describe('三会一课 (the director’s page)', () => {
  it('shows every branch’s periods held of those begun, opens a branch’s periods, and saves the frequencies', async () => {
    signedInAs('李社工', ['coordinator']);
    const sent = answerWrites(
      'PUT /compliance/frequencies',
      (frequencies) => ({ statusCode: 200, data: { frequencies } }),
      () => ({ statusCode: 200, data: board }),
    );
    const { container } = render(<CompliancePage />);
    expect(await screen.findByText('三会一课 · 2026 年')).toBeTruthy();
    expect(container.querySelector('.compliance__summary')?.textContent).toBe('2 个党支部 · 逾期 10 期 · 本期待开 10 期');
    const cells = (id: string) =>
      Array.from(container.querySelectorAll(`.compliance__branch[data-branch="${id}"] .compliance__cell`)).map((cell) => cell.textContent);
    // 支部, 支部党员大会, 支部委员会, 党小组会, 党课, 主题党日, 组织生活会, 完成率
    expect(cells('b1')).toEqual(['和乐社区第一党支部', '0/1', '3/3', '0/3', '1/1', '0/3', '0/1', '50%']);
    expect(cells('b2')).toEqual(['和乐社区第二党支部', '0/1', '0/3', '0/3', '0/1', '0/3', '0/1', '0%']);
    expect(
      container.querySelector('.compliance__branch[data-branch="b2"] .compliance__cell--committee.compliance__cell--overdue'),
    ).toBeTruthy();

    fireEvent.click(container.querySelector('.compliance__branch[data-branch="b1"]')!);
    expect(await screen.findByText('和乐社区第一党支部 · 已开 4 期，逾期 4 期，待开 4 期')).toBeTruthy();
    const group = Array.from(container.querySelectorAll('.compliance__type')).find((node) => node.textContent?.startsWith('党小组会'))!;
    expect(Array.from(group.querySelectorAll('.compliance__period')).map((period) => period.textContent)).toEqual([
      '10月 逾期',
      '11月 逾期',
      '12月 待开',
    ]);

    const picker = container.querySelector('.compliance__frequency--group')!.closest('taro-picker-core')!;
    fireEvent(picker, new CustomEvent('change', { detail: { value: 4 } }));
    await waitFor(() => expect(container.querySelector('.compliance__frequency--group')?.textContent).toBe('党小组会：不要求'));
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(sent).toEqual([{ ...DEFAULT_MEETING_FREQUENCIES, group: 'none' }]));
  });

  it('shows the table but no settings to a secretary', async () => {
    signedInAs('王书记', ['secretary']);
    answerRequests(() => ({ statusCode: 200, data: { ...board, items: [] } }));
    render(<CompliancePage />);
    expect(await screen.findByText('还没有党支部')).toBeTruthy();
    expect(screen.queryByText('会议频次设置')).toBeNull();
  });
});
