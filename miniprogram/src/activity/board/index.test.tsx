import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import BoardPage from './index';
import { activity, answerOwnMark, answerWrites, onActivityPageAs, post } from '../../../test/fixtures';
import { calls } from '../../../test/taro-double';

const idea = (id: string, text: string, voteCount: number, votedByMe = false) => ({
  id,
  activityId: 'a1',
  text,
  kind: 'idea',
  authorId: 'u_x',
  authorName: '王党员',
  voteCount,
  votedByMe,
  createdAt: '2026-11-28T06:00:00.000Z',
});

describe('会议讨论与措施', () => {
  it('shows ideas by votes, votes, and marks a late measure', async () => {
    onActivityPageAs('陈党员', ['member']);
    const votes = answerOwnMark('/votes/me', { statusCode: 200, data: { ideaId: 'i2', voteCount: 4, voted: true } }, ({ url }) => {
      if (url.endsWith('/activities/a1')) return { statusCode: 200, data: { activity: activity() } };
      if (url.endsWith('/actions')) {
        const late = {
          id: 'x1',
          activityId: 'a1',
          activityTitle: '组织生活会',
          text: '走访困难党员',
          ownerId: 'u_me',
          ownerName: '陈党员',
          dueOn: '2026-01-01',
          status: 'open',
          createdAt: '2026-01-01T00:00:00.000Z',
        };
        return { statusCode: 200, data: { items: [late] } };
      }
      return { statusCode: 200, data: { items: [idea('i1', '把组织生活会开到社区里', 5, true), idea('i2', '邀请老党员讲党课', 3)] } };
    });
    const { container } = render(<BoardPage />);
    await screen.findByText('把组织生活会开到社区里');
    fireEvent.click(screen.getByText('投票 · 3'));
    await screen.findByText('已投票 · 4');
    expect(votes).toEqual(['PUT']);
    expect(screen.getByText(/已逾期/)).toBeTruthy();
    expect(container.querySelector('.board__action--late')).not.toBeNull();
    // The owner may finish it; members get no facilitator tools.
    expect(screen.getByText('标记完成')).toBeTruthy();
    expect(screen.queryByText('记录措施')).toBeNull();
    await waitFor(() => expect(screen.queryByText('分组')).toBeNull());
  });
});

/**
 * A branch meeting of b1 with no ideas or measures yet; its live feed as `feed` says, two people expected. Returns
 * the posts sent and the URLs read.
 */
const branchMeeting = (feed: { state: 'upcoming' | 'live' | 'ended'; mayPost: boolean }) => {
  const read: string[] = [];
  const posts = answerWrites(
    'POST /posts',
    ({ text }: { text: string }) => ({ statusCode: 201, data: { post: post('p1', text) } }),
    ({ url }) => {
      read.push(url);
      if (url.endsWith('/activities/a1')) return { statusCode: 200, data: { activity: activity({ branchId: 'b1' }) } };
      if (url.endsWith('/minutes'))
        return { statusCode: 200, data: { minutes: { activityId: 'a1', text: '会议纪要'.repeat(600), edited: true } } };
      if (url.includes('/attendance')) {
        const row = (userId: string, nickname: string, walkIn = false) => ({
          userId,
          nickname,
          state: 'not_yet',
          registered: !walkIn,
          onRoster: !walkIn,
          ...(walkIn ? { walkIn } : {}),
        });
        const summary = { expected: 2, registered: 2, checkedIn: 0, onLeave: 0, absent: 0, notYet: 2 };
        return { statusCode: 200, data: { activityId: 'a1', summary, items: [row('u_a', '王党员'), row('w_1', '李大爷', true)] } };
      }
      if (url.includes('/posts'))
        return { statusCode: 200, data: { items: [], nextCursor: null, pinned: null, keyMoments: [], latestRev: null, ...feed } };
      return { statusCode: 200, data: { items: [] } };
    },
  );
  return { posts, read };
};

describe('会议讨论与措施, for whoever runs the meeting', () => {
  it("gives another branch's secretary no facilitator tools", async () => {
    onActivityPageAs('赵书记', ['member', 'secretary'], 'b2');
    branchMeeting({ state: 'live', mayPost: false });
    render(<BoardPage />);
    await screen.findByText('还没有措施');
    expect(screen.queryByText('记录措施')).toBeNull();
    expect(screen.queryByText('保存纪要')).toBeNull();
  });

  it("lets the branch's own secretary record a measure for someone expected, and offers the feed only while it takes their posts", async () => {
    onActivityPageAs('王书记', ['member', 'secretary'], 'b1');
    const { read } = branchMeeting({ state: 'live', mayPost: false });
    render(<BoardPage />);
    await screen.findByText('记录措施');
    // The form mounts once the board has loaded, after the page showed: it loads its owners (the attendance sheet) then.
    await waitFor(() => expect(read.some((url) => url.includes('/activities/a1/attendance'))).toBe(true));
    expect(screen.getByText('保存纪要')).toBeTruthy();
    expect(screen.queryByText('发布到现场动态')).toBeNull();
  });

  it('asks before posting minutes longer than a post, and says it posted', async () => {
    onActivityPageAs('社工小李', ['member', 'coordinator']);
    const { posts } = branchMeeting({ state: 'live', mayPost: true });
    render(<BoardPage />);
    fireEvent.click(await screen.findByText('发布到现场动态'));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(calls.modals[0]?.content).toContain('前 2000 字');
    expect((posts[0] as { text: string }).text).toHaveLength(2000);
    await waitFor(() => expect(calls.toasts).toContain('已发布到动态'));
  });
});
