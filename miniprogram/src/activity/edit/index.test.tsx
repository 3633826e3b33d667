import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import EditActivityPage, { agendaItems, agendaText, toRequest } from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import type { Activity } from '@hele/shared';
import { activity, answerWrites, listPage, onActivityPageAs, signedInAs } from '../../../test/fixtures';

const holder = (userId: string, nickname: string) => ({
  role: 'lecturer',
  userId,
  nickname,
  grantedBy: 'u_admin',
  grantedByName: '管理员',
  grantedAt: '2026-01-01T00:00:00.000Z',
});
const lecturers = { items: [holder('u_zhou', '周老师'), holder('u_wu', '吴老师')], nextCursor: null };

/**
 * A coordinator on 发布活动 (no id): the directory lists `branches`, there are no projects or lecturers, and the
 * new activity is answered as `created`. Returns the bodies the page sends to create it.
 */
const onNewActivityPage = (branches: unknown[], created: Activity) => {
  signedInAs('李社工', ['member', 'coordinator']);
  setRouteParams({});
  return answerWrites<Record<string, unknown>>(
    'POST /activities',
    () => ({ statusCode: 201, data: { activity: created } }),
    ({ url }) => {
      if (url.includes('/branches')) return listPage(branches);
      if (url.includes('/projects')) return { statusCode: 200, data: { items: [] } };
      if (url.includes('/holders')) return listPage([]);
      return { statusCode: 404, data: {} };
    },
  );
};

/** The picker whose label says `label`, once the page shows it, and its choices. */
const pickerOf = async (container: HTMLElement, label: string) => {
  const picker = await waitFor(() => {
    const found = Array.from(container.querySelectorAll('taro-picker-core')).find((node) => node.textContent?.includes(label));
    expect(found).toBeTruthy();
    return found!;
  });
  return { picker, choices: (picker as unknown as { range: string[] }).range };
};

describe('编辑活动', () => {
  it('names the lecturers of a class, who alone may declare its teaching', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
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
    onActivityPageAs('李社工', ['member', 'coordinator']);
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

  it('plans a meeting for a branch chosen from the directory, 仅限本支部, and says what that means', async () => {
    const sent = onNewActivityPage(
      [
        { id: 'c1', name: '和乐社区党委', kind: 'committee', memberCount: 2, createdAt: '2026-01-01T00:00:00.000Z' },
        { id: 'b1', name: '和乐社区第一党支部', kind: 'branch', parentId: 'c1', memberCount: 40, createdAt: '2026-01-01T00:00:00.000Z' },
      ],
      activity({ id: 'new' }),
    );
    const { container } = render(<EditActivityPage />);
    const { picker, choices } = await pickerOf(container, '所属支部');
    // The choices: none, then each branch (a 党委 says it is one).
    expect(choices).toEqual(['不属于支部', '和乐社区党委（党委）', '和乐社区第一党支部']);
    expect(screen.queryByText('仅限本支部党员')).toBeNull();
    fireEvent(picker, new CustomEvent('change', { detail: { value: 2 } }));
    await waitFor(() => expect(container.querySelector('.edit-activity__branch')?.textContent).toBe('和乐社区第一党支部'));
    expect(screen.getByText(/其他支部的党员和群众也可以报名；本支部 40 名党员都是应到人员，无需报名即可签到/)).toBeTruthy();
    expect(screen.getByText(/名额少于支部人数（40）/)).toBeTruthy();
    fireEvent(container.querySelector('.edit-activity__branch-only-switch')!, new CustomEvent('change', { detail: { value: true } }));
    expect(await screen.findByText(/只有本支部党员可以报名；/)).toBeTruthy();
    // 三会一课: the kind of required meeting, offered once the meeting has a branch.
    const { picker: typePicker, choices: types } = await pickerOf(container, '三会一课类型');
    expect(types).toEqual(['不计入三会一课', '支部党员大会', '支部委员会', '党小组会', '党课', '主题党日', '组织生活会']);
    fireEvent(typePicker, new CustomEvent('change', { detail: { value: 1 } }));
    expect(await screen.findByText('有人签到后，计入本支部当期的「支部党员大会」')).toBeTruthy();

    fireEvent.input(container.querySelector('.edit-activity__title input')!, { target: { value: '支部党员大会' } });
    fireEvent.click(screen.getByText('发布'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ kind: 'meeting', title: '支部党员大会', branchId: 'b1', branchOnly: true, meetingType: 'congress' });
  });

  it('moves a saved branch meeting to another branch but not out of the branches', async () => {
    onActivityPageAs('李社工', ['member', 'coordinator']);
    const other = { id: 'b2', name: '和乐社区第二党支部', kind: 'branch', memberCount: 12, createdAt: '2026-01-01T00:00:00.000Z' };
    const own = { id: 'b1', name: '和乐社区第一党支部', kind: 'branch', memberCount: 20, createdAt: '2026-01-01T00:00:00.000Z' };
    answerRequests(({ url }) => {
      // Its branch is not on the listed page: fetched by itself.
      if (url.endsWith('/branches/b1')) return { statusCode: 200, data: { branch: own } };
      if (url.includes('/branches')) return { statusCode: 200, data: { items: [other], nextCursor: null } };
      if (url.includes('/projects')) return { statusCode: 200, data: { items: [] } };
      if (url.includes('/holders')) return { statusCode: 200, data: { items: [], nextCursor: null } };
      return { statusCode: 200, data: { activity: activity({ branchId: 'b1', branchOnly: true, capacity: 30 }) } };
    });
    const { container } = render(<EditActivityPage />);
    await waitFor(() => expect(container.querySelector('.edit-activity__branch')?.textContent).toBe('和乐社区第一党支部'));
    expect((await pickerOf(container, '所属支部')).choices).toEqual(['和乐社区第二党支部', '和乐社区第一党支部']);
    expect(screen.queryByText(/名额少于支部人数/)).toBeNull();
  });

  it('sends 仅限本支部 only with a meeting’s branch', () => {
    const form = {
      kind: 'meeting',
      title: '支部党员大会',
      theme: '',
      venue: '会议室',
      date: '2026-12-01',
      startTime: '14:00',
      endTime: '16:00',
      capacity: '40',
      discussionFormat: '',
      training: '',
      agenda: '',
      description: '',
      projectId: '',
      meetingType: 'lecture',
      destination: '',
      publish: true,
    } as const;
    expect(toRequest({ ...form, branchId: 'b1', branchOnly: true })).toMatchObject({ branchId: 'b1', branchOnly: true });
    expect(toRequest({ ...form, branchId: 'b1', branchOnly: false })).toMatchObject({ meetingType: 'lecture' });
    expect(toRequest({ ...form, branchId: '', branchOnly: true })).not.toHaveProperty('branchOnly');
    expect(toRequest({ ...form, branchId: '', branchOnly: true })).not.toHaveProperty('meetingType');
    expect(toRequest({ ...form, kind: 'class', branchId: 'b1', branchOnly: true })).not.toHaveProperty('branchOnly');
  });

  it('keeps each agenda item’s length through an edit, and reads one typed after a title', () => {
    const agenda = [{ title: '重温入党誓词', minutes: 10 }, { title: '分组讨论' }, { title: '交流（一）', minutes: 30 }];
    expect(agendaText(agenda)).toBe('重温入党誓词（10 分钟）\n分组讨论\n交流（一）（30 分钟）');
    expect(agendaItems(agendaText(agenda))).toEqual(agenda);
    expect(agendaItems(' 集体学习 (45分钟) \n\n总结')).toEqual([{ title: '集体学习', minutes: 45 }, { title: '总结' }]);
  });

  it('plans a service activity only once it says where the service goes (进基层 / 进村居 / 进学校 / 进高墙)', async () => {
    const sent = onNewActivityPage([], activity({ id: 'new', kind: 'service', destination: 'prison' }));
    const { container } = render(<EditActivityPage />);
    const { picker: kindPicker, choices: kinds } = await pickerOf(container, '类型');
    fireEvent(kindPicker, new CustomEvent('change', { detail: { value: kinds.findIndex((label) => label.includes('志愿服务')) } }));
    const { picker, choices } = await pickerOf(container, '服务去向');
    expect(choices).toEqual(['进基层', '进村居', '进学校', '进高墙']);
    fireEvent.input(container.querySelector('.edit-activity__title input')!, { target: { value: '富心计划帮教' } });
    fireEvent.click(screen.getByText('发布'));
    expect(await screen.findByText('服务去向：请选择服务去向')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent(picker, new CustomEvent('change', { detail: { value: 3 } }));
    await waitFor(() => expect(container.querySelector('.edit-activity__destination')?.textContent).toBe('进高墙'));
    fireEvent.click(screen.getByText('发布'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ kind: 'service', title: '富心计划帮教', destination: 'prison' });
  });
});
