import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import SeriesPage from './index';
import { answerRequests, calls, setRouteParams } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const DAY = 24 * 3600 * 1000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const session = (n: number, days: number, mine?: { status: string; checkedInAt?: string }, myState?: string) => ({
  id: `s1-${n}`,
  kind: 'class',
  status: 'published',
  title: `越剧班（第${n}课）`,
  description: '',
  venue: '3 楼活动室',
  startsAt: iso(days),
  endsAt: iso(days + 0.1),
  capacity: 20,
  confirmedCount: 3,
  waitlistCount: 0,
  seatsLeft: 17,
  registrationClosesAt: iso(days),
  cancellationDeadline: iso(days),
  agenda: [],
  seriesId: 's1',
  sessionNo: n,
  ...(n === 1 ? { sessionNotes: '下次请带折扇' } : {}),
  createdBy: 'u_c',
  createdAt: iso(-30),
  updatedAt: iso(-30),
  ...(mine ? { myRegistration: { id: `r${n}`, ...mine }, myState: myState ?? (mine.checkedInAt ? 'checked_in' : 'registered') } : {}),
});

const detail = (progress?: Record<string, unknown>) => ({
  series: {
    id: 's1',
    title: '越剧班',
    description: '零基础可报',
    venue: '3 楼活动室',
    capacity: 20,
    lecturers: [{ id: 'u_l', nickname: '周老师' }],
    completionPercent: 75,
    sessionIds: ['s1-1', 's1-2'],
    startsAt: iso(-7),
    endsAt: iso(7.1),
    createdBy: 'u_c',
    createdAt: iso(-30),
  },
  sessions: [session(1, -7, progress ? { status: 'confirmed', checkedInAt: iso(-7) } : undefined), session(2, 7)],
  ...(progress ? { progress } : {}),
  teaches: false,
});

describe('公益班 page', () => {
  it('enrols in every open session at once and shows the lecturer’s notes', async () => {
    signedInAs('学员', ['member']);
    setRouteParams({ id: 's1' });
    const requests: string[] = [];
    answerRequests(({ url, method }) => {
      requests.push(`${method} ${url.replace(/^https?:\/\/[^/]+/, '')}`);
      if (url.includes('/enrolment'))
        return { statusCode: 200, data: { items: [{ activityId: 's1-2', sessionNo: 2, outcome: 'confirmed' }] } };
      if (url.includes('/materials')) return { statusCode: 200, data: { items: [], nextCursor: null } };
      return { statusCode: 200, data: detail() };
    });
    render(<SeriesPage />);
    await screen.findByText('报名全部课次（1 课）');
    expect(screen.getByText('课后小结：下次请带折扇')).toBeTruthy();
    expect(screen.getAllByText('未报名')).toHaveLength(2);
    // A session that is over shows no seats left; one to come does.
    expect(screen.getAllByText(/余 \d+ 个名额/)).toHaveLength(1);
    expect(screen.getByText('已结束')).toBeTruthy();
    fireEvent.click(screen.getByText('报名全部课次（1 课）'));
    await waitFor(() => expect(calls.toasts).toEqual(['已报名 1 课']));
    expect(requests).toContain('POST /series/s1/enrolment');
  });

  it('offers the certificate once the series is completed', async () => {
    signedInAs('陈党员', ['member']);
    setRouteParams({ id: 's1' });
    answerRequests(({ url }) =>
      url.includes('/materials')
        ? { statusCode: 200, data: { items: [], nextCursor: null } }
        : { statusCode: 200, data: detail({ attended: 2, held: 2, total: 2, percent: 100, needed: 2, finished: true, completed: true }) },
    );
    render(<SeriesPage />);
    await screen.findByText('已上 2/2 课（100%） · 已结业');
    fireEvent.click(screen.getByText('查看结业证书'));
    expect(calls.navigateTo).toEqual(['/learning/certificate/index?id=s1']);
  });

  it('sets held, missed and booked sessions apart, and shows seats only for what is to come', async () => {
    signedInAs('陈党员', ['member']);
    setRouteParams({ id: 's1' });
    const sessions = [
      session(1, -14, { status: 'confirmed', checkedInAt: iso(-14) }),
      session(2, -7, { status: 'confirmed' }, 'absent'),
      session(3, 7, { status: 'confirmed' }),
    ];
    answerRequests(({ url }) =>
      url.includes('/materials')
        ? { statusCode: 200, data: { items: [], nextCursor: null } }
        : { statusCode: 200, data: { ...detail(), sessions, series: { ...detail().series, sessionIds: sessions.map((s) => s.id) } } },
    );
    const { container } = render(<SeriesPage />);
    await screen.findByText('缺席');
    const looks = Array.from(container.querySelectorAll('.classes__session')).map(
      (card) => card.className.match(/classes__session--(\w+)/)?.[1],
    );
    expect(looks).toEqual(['held', 'missed', 'booked']);
    expect(Array.from(container.querySelectorAll('.classes__state')).map((state) => state.textContent)).toEqual([
      '已签到',
      '缺席',
      '已报名',
    ]);
    expect(Array.from(container.querySelectorAll('.classes__seats')).map((seats) => seats.textContent)).toEqual([
      '已结束',
      '已结束',
      '余 17 个名额',
    ]);
  });
});
