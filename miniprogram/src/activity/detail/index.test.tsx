import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ActivityDetailPage from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import { activity, signedInAs } from '../../../test/fixtures';

describe('活动详情', () => {
  it('shows the activity and registers with an Idempotency-Key', async () => {
    signedInAs('陈党员', ['member']);
    setRouteParams({ id: 'a1' });
    let registered = false;
    const headers: Record<string, string>[] = [];
    answerRequests(({ url, method, header }) => {
      if (method === 'POST' && url.endsWith('/activities/a1/registrations')) {
        registered = true;
        headers.push(header);
        return {
          statusCode: 201,
          data: {
            registration: {
              id: 'r1',
              activityId: 'a1',
              userId: 'u_me',
              status: 'confirmed',
              registeredAt: '2026-11-28T00:00:00.000Z',
              updatedAt: '2026-11-28T00:00:00.000Z',
            },
          },
        };
      }
      return {
        statusCode: 200,
        data: {
          activity: registered
            ? activity({ confirmedCount: 30, seatsLeft: 0, myRegistration: { id: 'r1', status: 'confirmed' } })
            : activity(),
        },
      };
    });
    render(<ActivityDetailPage />);
    await screen.findByText('两学一做专题组织生活会');
    expect(screen.getByText('1. 重温入党誓词（10 分钟）')).toBeTruthy();
    fireEvent.click(screen.getByText('立即报名'));
    await screen.findByText('已报名');
    expect(headers[0]!['idempotency-key']).toMatch(/.{10,}/);
    expect(screen.getByText('取消报名')).toBeTruthy();
  });

  it('offers the waitlist when the activity is full, and management to coordinators', async () => {
    signedInAs('李社工', ['member', 'coordinator']);
    setRouteParams({ id: 'a1' });
    answerRequests(() => ({ statusCode: 200, data: { activity: activity({ seatsLeft: 0, confirmedCount: 30 }) } }));
    render(<ActivityDetailPage />);
    await screen.findByText('名额已满，加入候补');
    expect(screen.getByText('报名名单')).toBeTruthy();
    expect(screen.getByText('取消活动')).toBeTruthy();
  });

  it('explains a refused registration in Chinese', async () => {
    signedInAs('陈党员', ['member']);
    setRouteParams({ id: 'a1' });
    answerRequests(({ method }) =>
      method === 'POST'
        ? { statusCode: 409, data: { error: { code: 'REGISTRATION_CLOSED', message: 'Registration has closed' } } }
        : { statusCode: 200, data: { activity: activity() } },
    );
    const { calls } = await import('../../../test/taro-double');
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('立即报名'));
    await waitFor(() => expect(calls.toasts).toContain('报名已截止'));
  });

  it('lets a volunteer who checked in at a service activity sign out with the code, and says how long counted', async () => {
    signedInAs('张志愿', ['member', 'volunteer']);
    setRouteParams({ id: 'a1' });
    const now = Date.now();
    const serving = activity({
      kind: 'service',
      title: '公益黄手环',
      startsAt: new Date(now - 60 * 60_000).toISOString(),
      endsAt: new Date(now + 10 * 60_000).toISOString(),
      myRegistration: { id: 'r1', status: 'confirmed', checkedInAt: new Date(now - 55 * 60_000).toISOString() },
    });
    const sent: unknown[] = [];
    answerRequests(({ url, method, data }) => {
      if (method === 'POST' && url.endsWith('/activities/a1/sign-outs')) {
        sent.push(JSON.parse(data!));
        // The first try is early: the app asks, the member confirms, the app sends it again.
        if (sent.length === 1)
          return {
            statusCode: 409,
            data: { error: { code: 'SIGN_OUT_EARLY', message: 'early', details: [{ path: 'early', message: '30 / 42' }] } },
          };
        return {
          statusCode: 201,
          data: {
            registration: {
              id: 'r1',
              activityId: 'a1',
              userId: 'u_me',
              status: 'confirmed',
              registeredAt: serving.createdAt,
              updatedAt: serving.createdAt,
            },
            record: null,
            minutes: 55,
            counted: true,
          },
        };
      }
      return { statusCode: 200, data: { activity: serving } };
    });
    render(<ActivityDetailPage />);
    const input = await screen.findByPlaceholderText('输入现场 6 位签退码');
    fireEvent.input(input, { target: { value: '123456' } });
    fireEvent.click(screen.getByText('签退'));
    await waitFor(() => expect(sent).toEqual([{ code: '123456' }, { code: '123456', early: true }]));
  });

  it("lets a branch meeting's own member check in with the code without registering first", async () => {
    Taro.setStorageSync('hele.session', { token: 't', user: { id: 'u_me', nickname: '小明', roles: ['member'], branchId: 'b1' } });
    setRouteParams({ id: 'a1' });
    const now = Date.now();
    const meeting = activity({
      branchId: 'b1',
      branchOnly: true,
      startsAt: new Date(now + 10 * 60_000).toISOString(),
      endsAt: new Date(now + 100 * 60_000).toISOString(),
    });
    const sent: unknown[] = [];
    answerRequests(({ url, method, data }) => {
      if (method === 'POST' && url.endsWith('/activities/a1/check-ins')) {
        sent.push(JSON.parse(data!));
        return {
          statusCode: 201,
          data: {
            registration: {
              id: 'r1',
              activityId: 'a1',
              userId: 'u_me',
              status: 'confirmed',
              registeredAt: meeting.createdAt,
              updatedAt: meeting.createdAt,
              checkedInAt: new Date(now).toISOString(),
            },
          },
        };
      }
      const checkedIn = { id: 'r1', status: 'confirmed' as const, checkedInAt: new Date(now).toISOString() };
      return { statusCode: 200, data: { activity: sent.length ? { ...meeting, myRegistration: checkedIn } : meeting } };
    });
    render(<ActivityDetailPage />);
    fireEvent.input(await screen.findByPlaceholderText('输入现场 6 位签到码'), { target: { value: '654321' } });
    fireEvent.click(screen.getByText('签到'));
    await waitFor(() => expect(sent).toEqual([{ code: '654321' }]));
    // There: nothing left to cancel or be reminded of.
    await screen.findByText('已签到');
    expect(screen.queryByText('取消报名')).toBeNull();
    expect(screen.queryByText('开始前提醒我')).toBeNull();
  });

  it('offers no check-in to someone outside the branch who has not registered', async () => {
    Taro.setStorageSync('hele.session', { token: 't', user: { id: 'u_me', nickname: '小红', roles: ['member'], branchId: 'b2' } });
    setRouteParams({ id: 'a1' });
    const now = Date.now();
    const meeting = activity({
      branchId: 'b1',
      startsAt: new Date(now + 10 * 60_000).toISOString(),
      endsAt: new Date(now + 100 * 60_000).toISOString(),
    });
    answerRequests(() => ({ statusCode: 200, data: { activity: meeting } }));
    render(<ActivityDetailPage />);
    await screen.findByText('立即报名');
    expect(screen.queryByPlaceholderText('输入现场 6 位签到码')).toBeNull();
  });

  it('lets the lecturer of a class that took place declare the teaching', async () => {
    signedInAs('周老师', ['member', 'lecturer']);
    setRouteParams({ id: 'a1' });
    const declared: unknown[] = [];
    const lesson = activity({
      kind: 'class',
      title: '越剧班 第一课',
      lecturerIds: ['u_me'],
      startsAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    answerRequests(({ url, method, data }) => {
      if (method === 'POST' && url.endsWith('/me/teaching')) {
        declared.push(JSON.parse(data!));
        const record = {
          id: 'te-a1-u_me',
          userId: 'u_me',
          nickname: '周老师',
          activityId: 'a1',
          source: 'teaching',
          servedOn: lesson.startsAt,
          minutes: 60,
          note: '公益班授课',
          status: 'pending',
          createdAt: lesson.createdAt,
        };
        return { statusCode: 201, data: { record } };
      }
      return { statusCode: 200, data: { activity: lesson } };
    });
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('申报授课服务时长'));
    await waitFor(() => expect(declared).toEqual([{ activityId: 'a1' }]));
  });

  it('offers no teaching declaration to a lecturer the class does not name', async () => {
    signedInAs('周老师', ['member', 'lecturer']);
    setRouteParams({ id: 'a1' });
    const lesson = activity({
      kind: 'class',
      title: '越剧班 第一课',
      lecturerIds: ['u_other'],
      startsAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    answerRequests(() => ({ statusCode: 200, data: { activity: lesson } }));
    render(<ActivityDetailPage />);
    await screen.findByText('越剧班 第一课');
    expect(screen.queryByText('申报授课服务时长')).toBeNull();
  });

  it('tells a member which training a service activity requires, and why registration was refused', async () => {
    signedInAs('陈党员', ['member']);
    setRouteParams({ id: 'a1' });
    answerRequests(({ method }) =>
      method === 'POST'
        ? {
            statusCode: 409,
            data: {
              error: {
                code: 'TRAINING_REQUIRED',
                message: 'Complete the first_aid training first',
                details: [{ path: 'requiredTraining', message: '应急抢救' }],
              },
            },
          }
        : { statusCode: 200, data: { activity: activity({ kind: 'service', title: '公益黄手环', requiredTraining: 'first_aid' }) } },
    );
    const { calls } = await import('../../../test/taro-double');
    render(<ActivityDetailPage />);
    await screen.findByText('报名要求：已完成志愿者学院「应急抢救」培训');
    fireEvent.click(screen.getByText('立即报名'));
    await waitFor(() => expect(calls.toasts.some((toast) => toast.startsWith('报名前需先完成'))).toBe(true));
  });
});
