import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import LibraryPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const material = { id: 'm1', title: '越剧唱腔入门', kind: 'video', category: '公益班', tags: ['戏曲'], audience: 'public', url: 'https://example.org/a.mp4', createdBy: 'u_c', createdAt: '2026-11-28T00:00:00.000Z', progress: 40 };

describe('在线学习资料库', () => {
  it('searches with what the member typed and shows their progress', async () => {
    signedInAs('陈党员', ['member']);
    const queries: string[] = [];
    answerRequests(({ url }) => {
      queries.push(decodeURIComponent(url.split('?')[1] ?? ''));
      return { statusCode: 200, data: { items: url.includes('q=') ? [material] : [], nextCursor: null } };
    });
    render(<LibraryPage />);
    await screen.findByText('资料库还是空的');
    fireEvent.input(screen.getAllByPlaceholderText('搜索标题或标签，如：越剧、急救').at(-1)!, { target: { value: '唱腔' } });
    fireEvent.click(screen.getByText('搜索'));
    await screen.findByText('越剧唱腔入门');
    expect(screen.getByText('已学 40%')).toBeTruthy();
    await waitFor(() => expect(queries.some((query) => query.includes('q=唱腔'))).toBe(true));
    expect(screen.queryByText('添加资料')).toBeNull();
  });
});
