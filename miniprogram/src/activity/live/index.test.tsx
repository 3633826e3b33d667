import { act, fireEvent, render, screen } from '@testing-library/react';
import PublicLivePage from './index';
import { answerRequests, calls, setRouteParams } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const post = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  id,
  text,
  images: [],
  byline: '工作人员',
  keyMoment: false,
  pinned: false,
  createdAt: '2026-12-06T06:00:00.000Z',
  ...extra,
});
const feed = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  activity: {
    id: 'A1',
    title: '主题党日',
    venue: '和乐党群服务中心',
    startsAt: '2026-12-06T05:50:00.000Z',
    endsAt: '2026-12-06T08:00:00.000Z',
  },
  state: 'live',
  pinned: null,
  keyMoments: [],
  items,
  nextCursor: null,
  publisher: '和乐党群服务中心',
  ...extra,
});

describe('公开直播', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the approved posts with their bylines, asking without a token even when signed in', async () => {
    signedInAs('陈党员', ['member']);
    setRouteParams({ id: 'A1' });
    const asked: Array<{ url: string; header: Record<string, string> }> = [];
    answerRequests(({ url, header }) => {
      asked.push({ url, header });
      return {
        statusCode: 200,
        data: feed([post('P2', '分组讨论', { byline: '和乐党群服务中心' }), post('P1', '重温入党誓词', { keyMoment: true })], {
          keyMoments: [post('P1', '重温入党誓词', { keyMoment: true })],
        }),
      };
    });
    render(<PublicLivePage />);
    await screen.findByText('分组讨论');
    expect(screen.getByText('主题党日')).toBeTruthy();
    expect(screen.getAllByText('工作人员')).toHaveLength(1);
    expect(screen.getByText('关键时刻', { selector: '.section-title' })).toBeTruthy();
    expect(asked[0]!.url).toBe('http://api.test/public/activities/A1/feed');
    expect(asked[0]!.header.authorization).toBeUndefined();
    // The link and the iframe code are copied from the page.
    fireEvent.click(screen.getByText('复制嵌入代码'));
    await act(async () => undefined);
    expect(calls.clipboard.at(-1)).toMatch(/^<iframe src=".+#\/activity\/live\/index\?id=A1&embed=1"/);
  });

  it('asks again every few seconds while the meeting runs, and a new post appears', async () => {
    jest.useFakeTimers();
    setRouteParams({ id: 'A1' });
    let items = [post('P1', '会议开始')];
    answerRequests(() => ({ statusCode: 200, data: feed(items) }));
    render(<PublicLivePage />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(10);
    });
    expect(screen.getByText('会议开始')).toBeTruthy();
    items = [post('P2', '表决通过'), ...items];
    await act(async () => {
      await jest.advanceTimersByTimeAsync(5_100);
    });
    expect(screen.getByText('表决通过')).toBeTruthy();
  });

  it('says a feed not made public cannot be watched, and shows no share box when embedded', async () => {
    setRouteParams({ id: 'A2', embed: '1' });
    answerRequests(() => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'Feed not found' } } }));
    render(<PublicLivePage />);
    await screen.findByText('该直播未公开或不存在');
    expect(screen.queryByText('复制链接')).toBeNull();
    expect(document.documentElement.classList.contains('hele-embed')).toBe(true);
  });
});
