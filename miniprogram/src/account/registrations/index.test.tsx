import { render, screen } from '@testing-library/react';
import type { MyRegistrationItem } from '@hele/shared';
import MyRegistrationsPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const DAY = 24 * 3600_000;
const line = (
  id: string,
  days: number,
  state: MyRegistrationItem['state'],
  extra: Partial<MyRegistrationItem> = {},
): MyRegistrationItem => {
  const startsAt = new Date(Date.now() + days * DAY).toISOString();
  return {
    id: `r-${id}`,
    activityId: id,
    userId: 'u_me',
    status: state === 'waitlisted' || state === 'not_seated' ? 'waitlisted' : state === 'cancelled' ? 'cancelled' : 'confirmed',
    registeredAt: new Date(Date.now() - 30 * DAY).toISOString(),
    updatedAt: new Date(Date.now() - 30 * DAY).toISOString(),
    activity: {
      id,
      title: `活动${id}`,
      kind: 'meeting',
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(),
      venue: '会议室',
      status: 'published',
    },
    state,
    ...extra,
  };
};

describe('我的报名', () => {
  it('shows each registration’s real state, in the server’s order, under 即将开始 and 已结束', async () => {
    signedInAs('陈党员', ['member']);
    const items = [
      line('a', 1, 'waitlisted', { position: 2 }),
      line('b', 2, 'leave_pending', { leave: 'pending' }),
      line('c', 3, 'on_leave', { leave: 'approved' }),
      line('d', 4, 'leave_refused', { leave: 'refused' }),
      line('e', 5, 'registered'),
      line('f', 6, 'cancelled'),
      line('g', -1, 'checked_in'),
      line('h', -3, 'absent'),
    ];
    answerRequests(() => ({ statusCode: 200, data: { items, nextCursor: null } }));
    const { container } = render(<MyRegistrationsPage />);
    await screen.findByText('活动a');
    const states = Array.from(container.querySelectorAll('.my-registrations__state')).map((tag) => tag.textContent);
    expect(states).toEqual(['候补第 2 位', '请假待批', '已请假', '请假未批准', '已报名', '已取消', '已签到', '缺席']);
    const titles = Array.from(container.querySelectorAll('.my-registrations__title')).map((title) => title.textContent);
    expect(titles).toEqual(['活动a', '活动b', '活动c', '活动d', '活动e', '活动f', '活动g', '活动h']);
    const groups = Array.from(container.querySelectorAll('.my-registrations__group'));
    expect(groups.map((heading) => heading.textContent)).toEqual(['即将开始', '已结束']);
    // 已结束 heads the first activity that is over.
    expect(groups[1]!.nextElementSibling?.textContent).toContain('活动g');
  });
});
