import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import BoardPage from './index';
import { answerOwnMark, onActivityPageAs } from '../../../test/fixtures';

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
