import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import LibraryPage from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const material = {
  id: 'm1',
  title: '越剧唱腔入门',
  kind: 'video',
  category: '公益班',
  tags: ['戏曲'],
  audience: 'public',
  url: 'https://example.org/a.mp4',
  createdBy: 'u_c',
  createdAt: '2026-11-28T00:00:00.000Z',
  progress: 40,
};

/** A member opens the library: empty until a search finds `material`. Answers the queries the page sends. */
const openEmptyLibrary = async () => {
  signedInAs('陈党员', ['member']);
  const queries: string[] = [];
  answerRequests(({ url }) => {
    queries.push(decodeURIComponent(url.split('?')[1] ?? ''));
    return { statusCode: 200, data: { items: url.includes('q=') ? [material] : [], nextCursor: null } };
  });
  render(<LibraryPage />);
  await screen.findByText('资料库还是空的');
  return queries;
};

describe('在线学习资料库', () => {
  it('searches with what the member typed and shows their progress', async () => {
    const queries = await openEmptyLibrary();
    fireEvent.input(screen.getAllByPlaceholderText('搜索标题或标签，如：越剧、急救').at(-1)!, { target: { value: '唱腔' } });
    fireEvent.click(screen.getByText('搜索'));
    await screen.findByText('越剧唱腔入门');
    expect(screen.getByText('已学 40%')).toBeTruthy();
    await waitFor(() => expect(queries.some((query) => query.includes('q=唱腔'))).toBe(true));
    expect(screen.queryByText('添加资料')).toBeNull();
  });

  it('searches on the keyboard’s search key (Enter) too', async () => {
    const queries = await openEmptyLibrary();
    const field = screen.getAllByPlaceholderText('搜索标题或标签，如：越剧、急救').at(-1)!;
    fireEvent.input(field, { target: { value: '越剧' } });
    fireEvent(field, new CustomEvent('confirm', { detail: { value: '越剧' }, bubbles: true }));
    await screen.findByText('越剧唱腔入门');
    expect(queries.some((query) => query.includes('q=越剧'))).toBe(true);
  });

  it('opened from a class series, lists its materials and adds to it', async () => {
    signedInAs('周老师', ['member', 'lecturer']);
    setRouteParams({ seriesId: 's1' });
    const queries: string[] = [];
    const sent: unknown[] = [];
    answerRequests(({ url, method, data }) => {
      if (method === 'POST') {
        sent.push(JSON.parse(data!));
        return { statusCode: 201, data: { material: { ...material, seriesId: 's1' } } };
      }
      queries.push(url.split('?')[1] ?? '');
      return { statusCode: 200, data: { items: [], nextCursor: null } };
    });
    const { container } = render(<LibraryPage />);
    await screen.findByText('本班还没有资料');
    expect(queries[0]).toContain('seriesId=s1');
    fireEvent.input(screen.getAllByPlaceholderText('标题').at(-1)!, { target: { value: '第一课 唱腔讲义' } });
    fireEvent(
      container.querySelector('.library__content')!,
      new CustomEvent('input', { detail: { value: '越剧的四大唱腔' }, bubbles: true }),
    );
    fireEvent.click(screen.getByText('添加'));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          title: '第一课 唱腔讲义',
          kind: 'article',
          category: '公益班',
          tags: [],
          audience: 'public',
          body: '越剧的四大唱腔',
          seriesId: 's1',
        },
      ]),
    );
  });
});
