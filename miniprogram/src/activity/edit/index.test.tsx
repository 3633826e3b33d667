import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import EditActivityPage from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import { activity, signedInAs } from '../../../test/fixtures';

const holder = (userId: string, nickname: string) => ({
  role: 'lecturer',
  userId,
  nickname,
  grantedBy: 'u_admin',
  grantedByName: '管理员',
  grantedAt: '2026-01-01T00:00:00.000Z',
});
const lecturers = { items: [holder('u_zhou', '周老师'), holder('u_wu', '吴老师')], nextCursor: null };

describe('编辑活动', () => {
  it('names the lecturers of a class, who alone may declare its teaching', async () => {
    signedInAs('李社工', ['member', 'coordinator']);
    setRouteParams({ id: 'a1' });
    const sent: unknown[] = [];
    const lesson = activity({ kind: 'class', title: '书法课', lecturerIds: ['u_wu'] });
    answerRequests(({ url, method, data }) => {
      if (url.includes('/roles/lecturer/holders')) return { statusCode: 200, data: lecturers };
      if (url.includes('/projects')) return { statusCode: 200, data: { items: [] } };
      if (method === 'PATCH') {
        sent.push(JSON.parse(data!));
        return { statusCode: 200, data: { activity: lesson } };
      }
      return { statusCode: 200, data: { activity: lesson } };
    });
    render(<EditActivityPage />);
    fireEvent.click(await screen.findByText('周老师'));
    fireEvent.click(await screen.findByText('吴老师'));
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(sent).toEqual([expect.objectContaining({ lecturerIds: ['u_zhou'] })]));
  });

  it('names no lecturers for a session of a series (its series names them) or another kind', async () => {
    signedInAs('李社工', ['member', 'coordinator']);
    setRouteParams({ id: 'a1' });
    const sent: unknown[] = [];
    const session = activity({ kind: 'class', title: '越剧班（第1课）', seriesId: 's1', sessionNo: 1 });
    answerRequests(({ url, method, data }) => {
      if (url.includes('/roles/lecturer/holders')) return { statusCode: 200, data: lecturers };
      if (url.includes('/projects')) return { statusCode: 200, data: { items: [] } };
      if (method === 'PATCH') sent.push(JSON.parse(data!));
      return { statusCode: 200, data: { activity: session } };
    });
    render(<EditActivityPage />);
    await waitFor(() => expect(screen.getByDisplayValue('越剧班（第1课）')).toBeTruthy());
    expect(screen.queryByText('周老师')).toBeNull();
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).not.toHaveProperty('lecturerIds');
  });
});
