import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Activity } from '@hele/shared';
import Taro from '@tarojs/taro';
import ActivityDetailPage from './index';
import { answerRequests, calls, setRouteParams } from '../../../test/taro-double';
import { activity, answerWrites, apiError, listPage, onActivityPageAs } from '../../../test/fixtures';

/** The server's confirmed registration of the signed-in member (u_me) to a1, made at `at`; `more` is what a check-in adds. */
const confirmedRegistration = (at: string, more: Record<string, unknown> = {}) => ({
  id: 'r1',
  activityId: 'a1',
  userId: 'u_me',
  status: 'confirmed',
  registeredAt: at,
  updatedAt: at,
  ...more,
});

/** Shows `shown` as a1 and answers a registration (the page's only POST here) with `refusal`. */
const refusingRegistration = (refusal: ReturnType<typeof apiError>, shown = activity()) =>
  answerRequests(({ method }) => (method === 'POST' ? refusal : { statusCode: 200, data: { activity: shown } }));

/** 越剧班's first lesson, taught by `lecturerIds`, which took place: it ended an hour ago. */
const pastLesson = (lecturerIds: string[]) =>
  activity({
    kind: 'class',
    title: '越剧班 第一课',
    lecturerIds,
    startsAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    endsAt: new Date(Date.now() - 3600_000).toISOString(),
  });

/**
 * A member of branch `branchId` signed in, on the page of branch b1's meeting a1, which starts in ten minutes
 * (`more` adds to it); `now` is when the test began.
 */
const nextBranchMeetingFor = (nickname: string, branchId: string, more: Partial<Activity> = {}) => {
  Taro.setStorageSync('hele.session', { token: 't', user: { id: 'u_me', nickname, roles: ['member'], branchId } });
  setRouteParams({ id: 'a1' });
  const now = Date.now();
  const meeting = activity({
    branchId: 'b1',
    startsAt: new Date(now + 10 * 60_000).toISOString(),
    endsAt: new Date(now + 100 * 60_000).toISOString(),
    ...more,
  });
  return { now, meeting };
};

describe('活动详情', () => {
  it('shows the activity and registers with an Idempotency-Key', async () => {
    onActivityPageAs('陈党员', ['member']);
    let registered = false;
    const headers: Record<string, string>[] = [];
    answerRequests(({ url, method, header }) => {
      if (method === 'POST' && url.endsWith('/activities/a1/registrations')) {
        registered = true;
        headers.push(header);
        return {
          statusCode: 201,
          data: {
            registration: confirmedRegistration('2026-11-28T00:00:00.000Z'),
          },
        };
      }
      return {
        statusCode: 200,
        data: {
          activity: registered
            ? activity({ confirmedCount: 30, seatsLeft: 0, myRegistration: { id: 'r1', status: 'confirmed' }, myState: 'registered' })
            : activity(),
        },
      };
    });
    render(<ActivityDetailPage />);
    await screen.findByText('两学一做专题组织生活会');
    expect(screen.getByText('1. 重温入党誓词（10 分钟）')).toBeTruthy();
    fireEvent.click(screen.getByText('立即报名'));
    await screen.findByText('已报名');
    expect(calls.toasts).toContain('报名成功');
    expect(headers[0]!['idempotency-key']).toMatch(/.{10,}/);
    expect(screen.getByText('取消报名')).toBeTruthy();
  });

  it('says a waitlist place is one: 已加入候补, never 报名成功, and shows its position from the reloaded activity', async () => {
    onActivityPageAs('陈党员', ['member']);
    let waiting = false;
    const full = { confirmedCount: 30, seatsLeft: 0, waitlistCount: 2 };
    answerRequests(({ method }) => {
      if (method === 'POST') {
        waiting = true;
        // A new place is answered without its position (docs/hot-activity.md); the activity's read has it.
        const registration = { id: 'r1', activityId: 'a1', userId: 'u_me', status: 'waitlisted' };
        const at = new Date().toISOString();
        return { statusCode: 201, data: { registration: { ...registration, registeredAt: at, updatedAt: at } } };
      }
      const mine = { myRegistration: { id: 'r1', status: 'waitlisted' as const, position: 3 }, myState: 'waitlisted' as const };
      return { statusCode: 200, data: { activity: activity({ ...full, waitlistCount: 3, ...(waiting ? mine : {}) }) } };
    });
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('名额已满，加入候补'));
    await screen.findByText('候补第 3 位');
    expect(calls.toasts).toEqual(['已加入候补']);
    expect(screen.getByText('退出候补')).toBeTruthy();
  });

  it('asks before cancelling with buttons that name it (取消报名 / 再想想), and does nothing on 再想想', async () => {
    onActivityPageAs('陈党员', ['member']);
    const deletes: string[] = [];
    answerRequests(({ method, url }) => {
      if (method === 'DELETE') deletes.push(url);
      return {
        statusCode: 200,
        data: { activity: activity({ myRegistration: { id: 'r1', status: 'confirmed' }, myState: 'registered' }) },
      };
    });
    const { answerModals } = await import('../../../test/taro-double');
    answerModals(false);
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('取消报名'));
    await waitFor(() => expect(calls.modals).toHaveLength(1));
    expect(calls.modals[0]).toMatchObject({ title: '确认取消报名？', confirmText: '取消报名', cancelText: '再想想' });
    expect(deletes).toEqual([]);
  });

  it('shows a leave request as it stands at once, and offers no second one', async () => {
    onActivityPageAs('陈党员', ['member']);
    answerRequests(() => ({
      statusCode: 200,
      data: {
        activity: activity({
          myRegistration: { id: 'r1', status: 'confirmed' },
          myLeave: { status: 'pending', reason: '出差在外地', requestedAt: '2026-11-30T00:00:00.000Z' },
          myState: 'leave_pending',
        }),
      },
    }));
    render(<ActivityDetailPage />);
    await screen.findByText('请假待批');
    expect(screen.getByText('请假原因：出差在外地')).toBeTruthy();
    expect(screen.queryByText('请假')).toBeNull();
    expect(screen.getByText('取消报名')).toBeTruthy();
  });

  it('offers neither 取消报名 nor 请假 after check-in or after the end', async () => {
    onActivityPageAs('陈党员', ['member']);
    const checkedIn = activity({
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      cancellationDeadline: new Date(Date.now() + 3600_000).toISOString(),
      myRegistration: { id: 'r1', status: 'confirmed', checkedInAt: new Date().toISOString() },
      myState: 'checked_in',
    });
    const over = activity({
      startsAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() - 3600_000).toISOString(),
      myRegistration: { id: 'r1', status: 'confirmed' },
      myState: 'absent',
    });
    for (const shown of [checkedIn, over]) {
      answerRequests(() => ({ statusCode: 200, data: { activity: shown } }));
      const { unmount } = render(<ActivityDetailPage />);
      await screen.findByText(shown.myState === 'checked_in' ? '已签到' : '缺席');
      expect(screen.queryByText('取消报名')).toBeNull();
      expect(screen.queryByText('请假')).toBeNull();
      expect(screen.queryByText('开始前提醒我')).toBeNull();
      // Seats are offered only while the activity is to come.
      if (shown === over) expect(screen.getByText('名额：30 人 · 活动已结束')).toBeTruthy();
      unmount();
    }
  });

  it('says what the live feed is now: to come, on, or what it recorded', async () => {
    onActivityPageAs('陈党员', ['member']);
    const now = Date.now();
    const cases: Array<[Partial<Activity>, string]> = [
      [{}, '活动开始后在此直播'],
      [{ startsAt: new Date(now - 3600_000).toISOString(), endsAt: new Date(now + 3600_000).toISOString() }, '直播中 · 点击观看'],
      [{ startsAt: new Date(now - 3 * 3600_000).toISOString(), endsAt: new Date(now - 3600_000).toISOString() }, '查看活动现场报道'],
    ];
    for (const [times, line] of cases) {
      answerRequests(() => ({ statusCode: 200, data: { activity: activity(times) } }));
      const { unmount } = render(<ActivityDetailPage />);
      await screen.findByText(line);
      unmount();
    }
  });

  it('shows a shared activity before sign-in (title, time, place, seats) with 登录后报名, which comes back here', async () => {
    setRouteParams({ id: 'a1' });
    const requests: string[] = [];
    answerRequests(({ url, header }) => {
      requests.push(`${url.replace(/^https?:\/\/[^/]+/, '')} ${header.authorization ?? 'no token'}`);
      const { id, kind, status, title, description, venue, startsAt, endsAt, capacity, seatsLeft, waitlistCount, registrationClosesAt } =
        activity({ seatsLeft: 4 });
      const summary = {
        id,
        kind,
        status,
        title,
        description,
        venue,
        startsAt,
        endsAt,
        capacity,
        seatsLeft,
        waitlistCount,
        registrationClosesAt,
      };
      return { statusCode: 200, data: { activity: summary } };
    });
    render(<ActivityDetailPage />);
    await screen.findByText('两学一做专题组织生活会');
    expect(screen.getByText('地点：和乐党群服务中心')).toBeTruthy();
    expect(screen.getByText('名额：30 人 · 剩余 4 个名额')).toBeTruthy();
    expect(requests).toEqual(['/public/activities/a1 no token']);
    fireEvent.click(screen.getByText('登录后报名'));
    await waitFor(() =>
      expect(calls.navigateTo).toEqual([`/account/login/index?back=${encodeURIComponent('/activity/detail/index?id=a1')}`]),
    );
  });

  it('asks the coordinator why an activity is cancelled, and sends the reason', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
    const sent = answerWrites(
      'POST /cancel',
      () => ({ statusCode: 200, data: { activity: activity({ status: 'cancelled' }), cancelledRegistrations: 12 } }),
      () => ({ statusCode: 200, data: { activity: activity() } }),
    );
    const { container } = render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('取消活动'));
    // Taro's textarea reports what was typed in the event's detail.
    fireEvent(
      container.querySelector('.activity-detail__cancel-reason')!,
      new CustomEvent('input', { detail: { value: '场地临时维修' }, bubbles: true }),
    );
    fireEvent.click(screen.getByText('确认取消活动'));
    await waitFor(() => expect(sent).toEqual([{ reason: '场地临时维修' }]));
    await waitFor(() => expect(calls.toasts).toContain('活动已取消，已通知 12 人'));
  });

  it('offers the waitlist when the activity is full, and management to coordinators', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
    answerRequests(() => ({ statusCode: 200, data: { activity: activity({ seatsLeft: 0, confirmedCount: 30 }) } }));
    render(<ActivityDetailPage />);
    await screen.findByText('名额已满，加入候补');
    expect(screen.getByText('报名名单')).toBeTruthy();
    expect(screen.getByText('取消活动')).toBeTruthy();
  });

  it('explains a refused registration in Chinese', async () => {
    onActivityPageAs('陈党员', ['member']);
    refusingRegistration(apiError(409, 'REGISTRATION_CLOSED', 'Registration has closed'));
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('立即报名'));
    await waitFor(() => expect(calls.toasts).toContain('报名已截止'));
  });

  it('lets a volunteer who checked in at a service activity sign out with the code, and says how long counted', async () => {
    onActivityPageAs('张志愿', ['member', 'volunteer']);
    const now = Date.now();
    const serving = activity({
      kind: 'service',
      title: '公益黄手环',
      startsAt: new Date(now - 60 * 60_000).toISOString(),
      endsAt: new Date(now + 10 * 60_000).toISOString(),
      myRegistration: { id: 'r1', status: 'confirmed', checkedInAt: new Date(now - 55 * 60_000).toISOString() },
    });
    const sent = answerWrites(
      'POST /activities/a1/sign-outs',
      (_, sent) =>
        // The first try is early: the app asks, the member confirms, the app sends it again.
        sent.length === 1
          ? apiError(409, 'SIGN_OUT_EARLY', 'early', [{ path: 'early', message: '30 / 42' }])
          : {
              statusCode: 201,
              data: { registration: confirmedRegistration(serving.createdAt), record: null, minutes: 55, counted: true },
            },
      () => ({ statusCode: 200, data: { activity: serving } }),
    );
    render(<ActivityDetailPage />);
    const input = await screen.findByPlaceholderText('输入现场 6 位签退码');
    fireEvent.input(input, { target: { value: '123456' } });
    fireEvent.click(screen.getByText('签退'));
    await waitFor(() => expect(sent).toEqual([{ code: '123456' }, { code: '123456', early: true }]));
  });

  it("lets a branch meeting's own member check in with the code without registering first", async () => {
    const { now, meeting } = nextBranchMeetingFor('小明', 'b1', { branchOnly: true });
    const checkedIn = { id: 'r1', status: 'confirmed' as const, checkedInAt: new Date(now).toISOString() };
    const sent = answerWrites(
      'POST /activities/a1/check-ins',
      () => ({ statusCode: 201, data: { registration: confirmedRegistration(meeting.createdAt, { checkedInAt: checkedIn.checkedInAt }) } }),
      (_, sent) => ({
        statusCode: 200,
        data: { activity: sent.length ? { ...meeting, myRegistration: checkedIn, myState: 'checked_in' as const } : meeting },
      }),
    );
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
    const { meeting } = nextBranchMeetingFor('小红', 'b2');
    answerRequests(() => ({ statusCode: 200, data: { activity: meeting } }));
    render(<ActivityDetailPage />);
    await screen.findByText('立即报名');
    expect(screen.queryByPlaceholderText('输入现场 6 位签到码')).toBeNull();
  });

  it("leads the branch's own secretary to the meeting's attendance, and no one else of the branch", async () => {
    const { meeting } = nextBranchMeetingFor('王书记', 'b1');
    Taro.setStorageSync('hele.session', {
      token: 't',
      user: { id: 'u_me', nickname: '王书记', roles: ['member', 'secretary'], branchId: 'b1' },
    });
    answerRequests(() => ({ statusCode: 200, data: { activity: meeting } }));
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('签到名单'));
    expect(calls.navigateTo).toEqual(['/activity/attendance/index?id=a1']);
    cleanup();
    nextBranchMeetingFor('陈党员', 'b1');
    render(<ActivityDetailPage />);
    await screen.findByText(meeting.title);
    expect(screen.queryByText('签到名单')).toBeNull();
  });

  it('offers no registration for a branch-only meeting to someone of another branch, and says why', async () => {
    const { meeting } = nextBranchMeetingFor('小红', 'b2', { branchOnly: true });
    answerRequests(() => ({ statusCode: 200, data: { activity: meeting } }));
    render(<ActivityDetailPage />);
    await screen.findByText('仅限本支部党员参加');
    expect(screen.queryByText('立即报名')).toBeNull();
  });

  it('lets the lecturer of a class that took place declare the teaching', async () => {
    onActivityPageAs('周老师', ['member', 'lecturer']);
    const lesson = pastLesson(['u_me']);
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
    const declared = answerWrites(
      'POST /me/teaching',
      () => ({ statusCode: 201, data: { record } }),
      ({ url }, sent) =>
        url.includes('/me/service-records') ? listPage(sent.length ? [record] : []) : { statusCode: 200, data: { activity: lesson } },
    );
    render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('申报授课服务时长'));
    await waitFor(() => expect(declared).toEqual([{ activityId: 'a1' }]));
    // Declared: no second declaration is offered, now or when the page opens again.
    await screen.findByText(/已申报授课服务时长/);
    expect(screen.queryByText('申报授课服务时长')).toBeNull();
    cleanup();
    render(<ActivityDetailPage />);
    await screen.findByText(/已申报授课服务时长/);
  });

  it('offers no teaching declaration to a lecturer the class does not name', async () => {
    onActivityPageAs('周老师', ['member', 'lecturer']);
    const lesson = pastLesson(['u_other']);
    answerRequests(() => ({ statusCode: 200, data: { activity: lesson } }));
    render(<ActivityDetailPage />);
    await screen.findByText('越剧班 第一课');
    expect(screen.queryByText('申报授课服务时长')).toBeNull();
  });

  it('tells a member which training a service activity requires, and why registration was refused', async () => {
    onActivityPageAs('陈党员', ['member']);
    refusingRegistration(
      apiError(409, 'TRAINING_REQUIRED', 'Complete the first_aid training first', [{ path: 'requiredTraining', message: '应急抢救' }]),
      activity({ kind: 'service', title: '公益黄手环', requiredTraining: 'first_aid' }),
    );
    render(<ActivityDetailPage />);
    await screen.findByText('报名要求：已完成志愿者学院「应急抢救」培训');
    fireEvent.click(screen.getByText('立即报名'));
    await waitFor(() => expect(calls.toasts.some((toast) => toast.startsWith('报名前需先完成'))).toBe(true));
  });

  describe('加入日历', () => {
    const HOUR = 3600_000;
    const upcoming = (overrides: Partial<Parameters<typeof activity>[0]> = {}) =>
      activity({
        startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
        endsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
        myRegistration: { id: 'r1', status: 'confirmed' },
        ...overrides,
      });
    const ICS = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:activity-a1@hele-center\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

    /** The browser's downloads (an <a download> clicked with a blob link): file names and contents. */
    const downloads = () => {
      const files: Array<{ name: string; blob: Blob }> = [];
      let pending: Blob | undefined;
      URL.createObjectURL = (blob: Blob) => {
        pending = blob;
        return 'blob:ics';
      };
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        files.push({ name: this.download, blob: pending! });
      });
      return files;
    };
    const { createObjectURL } = URL;
    afterEach(() => {
      jest.restoreAllMocks();
      URL.createObjectURL = createObjectURL;
    });

    const textOf = (blob: Blob) =>
      new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blob);
      });

    it('downloads the activity’s .ics for a registered member, and offers 更新日历 once it moves', async () => {
      onActivityPageAs('陈党员', ['member']);
      const files = downloads();
      const asked: string[] = [];
      let current = upcoming();
      answerRequests(({ url }) => {
        if (url.endsWith('/activities/a1/calendar')) {
          asked.push(url);
          return { statusCode: 200, data: ICS };
        }
        return { statusCode: 200, data: { activity: current } };
      });
      const first = render(<ActivityDetailPage />);
      fireEvent.click(await screen.findByText('加入日历'));
      await waitFor(() => expect(files).toHaveLength(1));
      expect(files[0]!.name).toBe('两学一做专题组织生活会.ics');
      expect(await textOf(files[0]!.blob)).toBe(ICS);
      expect(asked).toHaveLength(1);
      await screen.findByText('已加入日历 · 再次加入');
      first.unmount();

      // The coordinator moved it: the event in the calendar is out of date.
      current = upcoming({ scheduleRevision: 1, venue: '和乐党群服务中心 3 楼' });
      const second = render(<ActivityDetailPage />);
      await screen.findByText(/活动时间或地点已变更/);
      fireEvent.click(screen.getByText('更新日历'));
      await waitFor(() => expect(files).toHaveLength(2));
      await screen.findByText('已加入日历 · 再次加入');
      second.unmount();

      // Cancelled: the registration is gone, the calendar still holds the event.
      current = upcoming({ status: 'cancelled', scheduleRevision: 2, myRegistration: undefined });
      render(<ActivityDetailPage />);
      await screen.findByText('活动已取消，你的日历中还有这个日程。');
      fireEvent.click(screen.getByText('从日历中取消该日程'));
      await waitFor(() => expect(files).toHaveLength(3));
      await waitFor(() => expect(screen.queryByText('从日历中取消该日程')).toBeNull());
    });

    it('is not offered to someone not registered, nor after the activity ended', async () => {
      onActivityPageAs('陈党员', ['member']);
      answerRequests(() => ({ statusCode: 200, data: { activity: upcoming({ myRegistration: undefined }) } }));
      const notRegistered = render(<ActivityDetailPage />);
      await screen.findByText('立即报名');
      expect(screen.queryByText('加入日历')).toBeNull();
      notRegistered.unmount();
      answerRequests(() => ({
        statusCode: 200,
        data: {
          activity: upcoming({
            startsAt: new Date(Date.now() - 3 * HOUR).toISOString(),
            endsAt: new Date(Date.now() - HOUR).toISOString(),
          }),
        },
      }));
      render(<ActivityDetailPage />);
      // Ended: the page shows it (and, since its actions follow its state, no 取消报名 either).
      await screen.findByText(/已结束/);
      expect(screen.queryByText('取消报名')).toBeNull();
      expect(screen.queryByText('加入日历')).toBeNull();
    });
  });
});
