import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Post } from '@hele/shared';
import LiveFeedPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { answerOwnMark, answerWrites, listPage, onActivityPageAs, post } from '../../../test/fixtures';

const feedPage = (overrides: Record<string, unknown> = {}) => ({
  state: 'live',
  pinned: post('01J0000000000000000000000A', '会议总结：形成 5 条措施', { pinned: true, keyMoment: true }),
  keyMoments: [],
  items: [
    post('01J0000000000000000000000C', '<script>window.hacked = true</script>'),
    post('01J0000000000000000000000B', '重温入党誓词', { likeCount: 2, edited: true }),
  ],
  nextCursor: null,
  latestRev: '01J0000000000000000000000C',
  mayPost: false,
  ...overrides,
});

/** The feed's reads: `page` for the feed itself, nothing new for the page's polling of changes. */
const feedReads = (url: string, page = feedPage()) => ({
  statusCode: 200,
  data: url.includes('/changes') ? { items: [], latestRev: null } : page,
});

describe('现场动态', () => {
  it('shows the pinned post on top, marks edits and key moments, and shows markup as text', async () => {
    onActivityPageAs('陈党员', ['member']);
    answerRequests(({ url }) => feedReads(url));
    const { container } = render(<LiveFeedPage />);
    await screen.findAllByText('会议总结：形成 5 条措施');
    const posts = Array.from(container.querySelectorAll('.feed__post')).map((node) => node.getAttribute('data-id'));
    expect(posts[0]).toBe('01J0000000000000000000000A');
    expect(screen.getByText('置顶')).toBeTruthy();
    expect(screen.getByText('已编辑')).toBeTruthy();
    expect(screen.getAllByText('关键时刻').length).toBeGreaterThan(0);
    expect(screen.getByText('<script>window.hacked = true</script>')).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
    expect((window as unknown as { hacked?: boolean }).hacked).toBeUndefined();
    expect(screen.queryByText('发布')).toBeNull();
  });

  it('tells the author their post waits for the photo check, or why it was refused', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
    const image = {
      key: 'feed/a1/u_c/01J00000000000000000000000.jpg',
      url: 'http://127.0.0.1:4569/photo.jpg',
      thumbnailUrl: 'http://127.0.0.1:4569/photo.jpg.thumb.jpg',
    };
    const items = [
      post('01J0000000000000000000000E', '现场照片', { images: [image], review: 'pending' }),
      post('01J0000000000000000000000F', '另一张照片', {
        images: [{ ...image, key: image.key.replace('0.jpg', '1.jpg') }],
        review: 'rejected',
        reviewNote: '内容未通过安全检查（色情）',
      }),
    ];
    answerRequests(({ url }) => feedReads(url, feedPage({ pinned: null, items })));
    const { container } = render(<LiveFeedPage />);
    await screen.findByText('审核中');
    expect(screen.getByText('图片审核通过后，其他人才能看到这条动态')).toBeTruthy();
    expect(screen.getByText('未通过审核')).toBeTruthy();
    expect(screen.getByText('内容未通过安全检查（色情），其他人看不到这条动态')).toBeTruthy();
    expect(container.querySelectorAll('.feed__photos').length).toBe(2);
  });

  it('gives coordinators a moderation view: posts to look at, and the muted list with a way to lift it', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
    const items = [
      post('01J0000000000000000000000E', '待审核的照片', { review: 'pending' }),
      post('01J0000000000000000000000B', '重温入党誓词'),
    ];
    const unmuted = answerWrites(
      'POST /mutes',
      () => ({ statusCode: 200, data: { activityId: 'a1', reporters: [], muted: [] } }),
      // The server's state: a reload after lifting the mute (the page polls) no longer lists it.
      ({ url }, unmuted) =>
        feedReads(url, feedPage({ items, reporters: [], muted: unmuted.length ? [] : [{ id: 'u_n', nickname: '刷屏的人' }] })),
    );
    const { container } = render(<LiveFeedPage />);
    fireEvent.click(await screen.findByText('管理'));
    expect(screen.getByText('审核中 1 条 · 未通过 0 条')).toBeTruthy();
    fireEvent(container.querySelector('.feed__only-flagged')!, new CustomEvent('change', { detail: { value: true }, bubbles: true }));
    // The lists reload after each change: on a busy machine that takes longer than waitFor's default second.
    await waitFor(() => expect(screen.queryByText('重温入党誓词')).toBeNull(), { timeout: 5000 });
    expect(screen.getByText('待审核的照片')).toBeTruthy();
    fireEvent.click(screen.getByText('解除禁言'));
    await waitFor(() => expect(screen.queryByText('刷屏的人')).toBeNull(), { timeout: 5000 });
    expect(unmuted).toEqual([{ userId: 'u_n', muted: false }]);
  });

  it('likes a post and shows the server’s count', async () => {
    onActivityPageAs('陈党员', ['member']);
    const likes = answerOwnMark(
      '/likes/me',
      { statusCode: 200, data: { postId: '01J0000000000000000000000B', likeCount: 3, liked: true } },
      ({ url }) => feedReads(url),
    );
    render(<LiveFeedPage />);
    fireEvent.click(await screen.findByText('♡ 2'));
    await screen.findByText('♥ 3');
    expect(likes).toEqual(['PUT']);
  });

  it('gives coordinators the composer and posts what they write', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
    const sent = answerWrites(
      'POST /activities/a1/posts',
      () => ({ statusCode: 201, data: { post: post('01J0000000000000000000000D', '分组讨论开始') } }),
      ({ url }) => feedReads(url, feedPage({ mayPost: true })),
    );
    const { container } = render(<LiveFeedPage />);
    await screen.findByText('发布');
    // Taro's textarea reports what was typed in the event's detail.
    fireEvent(
      container.querySelector('.feed__composer .feed__input')!,
      new CustomEvent('input', { detail: { value: '分组讨论开始' }, bubbles: true }),
    );
    fireEvent.click(screen.getByText('发布'));
    await screen.findByText('分组讨论开始');
    await waitFor(() => expect(sent).toEqual([{ text: '分组讨论开始' }]));
  });

  it('lets a coordinator name reporters from the registrants', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
    const saved = answerWrites(
      'PUT /reporters',
      () => ({ statusCode: 200, data: { activityId: 'a1', reporters: ['u_m'], muted: [] } }),
      ({ url }) => {
        if (url.includes('/registrations')) {
          const at = '2026-11-28T00:00:00.000Z';
          return listPage([
            { id: 'r1', activityId: 'a1', userId: 'u_m', nickname: '陈党员', status: 'confirmed', registeredAt: at, updatedAt: at },
          ]);
        }
        return feedReads(url, feedPage({ mayPost: true, reporters: [] }));
      },
    );
    render(<LiveFeedPage />);
    fireEvent.click(await screen.findByText('报道员（0）'));
    fireEvent.click(await screen.findByText('陈党员'));
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('报道员（1）');
    expect(saved).toEqual([{ userIds: ['u_m'] }]);
  });

  it('offers no report of a feed nobody has posted on yet, and one of a feed with posts', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
    answerRequests(({ url }) =>
      feedReads(url, feedPage({ state: 'upcoming', pinned: null, items: [], latestRev: null, publicFeed: false })),
    );
    const { unmount } = render(<LiveFeedPage />);
    fireEvent.click(await screen.findByText('生成报道', { selector: '.feed__make-report' }));
    await screen.findByText('还没有动态。直播开始、标记了关键时刻后，再用它们生成报道。');
    expect(screen.queryByText('下载 Word')).toBeNull();
    unmount();

    answerRequests(({ url }) => feedReads(url, feedPage({ publicFeed: false })));
    render(<LiveFeedPage />);
    fireEvent.click(await screen.findByText('生成报道', { selector: '.feed__make-report' }));
    await screen.findByText('下载 Word');
  });
});
