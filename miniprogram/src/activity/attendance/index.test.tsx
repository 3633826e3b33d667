import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AttendancePage from './index';
import { answerRequests, calls } from '../../../test/taro-double';
import { activity, onActivityPageAs } from '../../../test/fixtures';
import { expectNotShown, expectShown } from '../../../test/screen';

const HOUR = 3600_000;
/** The meeting: under way (check-in open) unless it ended an hour and more ago. */
const meeting = (ended = false) => {
  const start = Date.now() + (ended ? -4 * HOUR : -HOUR / 2);
  return activity({ title: '支部党员大会', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString() });
};
/** The sheet for /attendance, the activity for the activity itself. */
const reply = (url: string, data: unknown, ended = false) =>
  url.endsWith('/activities/a1') ? { statusCode: 200, data: { activity: meeting(ended) } } : { statusCode: 200, data };

const sheet = (checkedIn: boolean) => ({
  activityId: 'a1',
  summary: { expected: 3, registered: checkedIn ? 1 : 0, checkedIn: checkedIn ? 1 : 0, onLeave: 0, absent: 0, notYet: checkedIn ? 2 : 3 },
  items: [
    {
      userId: 'u1',
      nickname: '陈党员',
      state: checkedIn ? 'checked_in' : 'not_yet',
      registered: checkedIn,
      onRoster: true,
      ...(checkedIn ? { checkedInAt: '2026-11-28T06:05:00.000Z', assistedBy: '李社工' } : {}),
    },
    { userId: 'u2', nickname: '王书记', state: 'not_yet', registered: false, onRoster: true },
    { userId: 'u3', nickname: '张志愿', state: 'not_yet', registered: false, onRoster: true },
  ],
});

describe('签到名单', () => {
  it('finds a person by name and checks them in for them; the counts are the server’s', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
    const sent: Array<{ url: string; data?: string }> = [];
    let done = false;
    answerRequests(({ url, method, data }) => {
      if (method === 'POST') {
        sent.push({ url, data });
        done = true;
        return {
          statusCode: 201,
          data: {
            registration: {
              id: 'r1',
              activityId: 'a1',
              userId: 'u1',
              status: 'confirmed',
              registeredAt: '2026-11-28T06:05:00.000Z',
              updatedAt: '2026-11-28T06:05:00.000Z',
              checkedInAt: '2026-11-28T06:05:00.000Z',
            },
          },
        };
      }
      return reply(url, sheet(done));
    });
    const { container } = render(<AttendancePage />);
    await screen.findByText('陈党员');
    const count = (name: string) => container.querySelector(`.attendance-counts__item--${name} .attendance-counts__value`)?.textContent;
    expect([count('expected'), count('registered'), count('checkedIn'), count('notYet')]).toEqual(['3', '0', '0', '3']);

    fireEvent.input(screen.getAllByPlaceholderText('搜索姓名（报名人员和支部党员）').at(-1)!, { target: { value: '陈' } });
    await waitFor(() => expect(screen.queryByText('王书记')).toBeNull());
    fireEvent.click(screen.getByText('代签到'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.url).toContain('/activities/a1/assisted-check-ins');
    expect(JSON.parse(sent[0]!.data!)).toEqual({ userId: 'u1' });
    await waitFor(() => expect(count('checkedIn')).toBe('1'));
    expect(screen.getByText(/代签：李社工/)).toBeTruthy();
    expect(calls.toasts).toContain('已为「陈党员」代签到');
  });

  it('offers to record someone not on the sheet as a walk-in, by name', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
    const sent: Array<{ url: string; data?: string; header?: Record<string, string> }> = [];
    answerRequests(({ url, method, data, header }) => {
      if (method === 'POST') {
        sent.push({ url, data, header });
        return {
          statusCode: 201,
          data: {
            registration: {
              id: 'r2',
              activityId: 'a1',
              userId: 'walkin-1',
              nickname: '刘奶奶',
              status: 'confirmed',
              registeredAt: '2026-11-28T06:05:00.000Z',
              updatedAt: '2026-11-28T06:05:00.000Z',
            },
          },
        };
      }
      return reply(url, sheet(false));
    });
    render(<AttendancePage />);
    await screen.findByText('陈党员');
    fireEvent.input(screen.getAllByPlaceholderText('搜索姓名（报名人员和支部党员）').at(-1)!, { target: { value: '刘奶奶' } });
    fireEvent.click(await screen.findByText('作为现场人员登记'));
    fireEvent.click(screen.getByText('登记签到'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.url).toContain('/activities/a1/walk-ins');
    expect(JSON.parse(sent[0]!.data!)).toEqual({ name: '刘奶奶' });
    expect(sent[0]!.header?.['idempotency-key']).toBeTruthy();
    await waitFor(() => expect(calls.toasts).toContain('已登记「刘奶奶」并签到'));
  });

  it('offers neither 代签 nor 现场登记 once check-in has closed, and says why', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
    answerRequests(({ url }) => reply(url, sheet(false), true));
    render(<AttendancePage />);
    await screen.findByText('陈党员');
    expectShown('支部党员大会', '签到已结束，名单仅供查看和导出');
    expectNotShown('代签到', '现场登记');
  });
});
