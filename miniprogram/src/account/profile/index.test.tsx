import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ProfilePage, { CLOSING_TEXT } from './index';
import { answerModals, answerRequests, calls, chooseImages } from '../../../test/taro-double';
import { refusedField, signedInAs } from '../../../test/fixtures';

const me = { id: 'u_me', nickname: '微信用户', roles: ['member'] };

interface Sent {
  method: string;
  path: string;
  body?: unknown;
}

/** Answers GET /me with `profile`, and each change with the profile it makes; records what was sent. */
const server = (profile: Record<string, unknown> = me) => {
  const sent: Sent[] = [];
  let current = { ...profile };
  answerRequests(({ url, method, data }) => {
    const path = url.replace('http://api.test', '');
    const body = data ? JSON.parse(data) : undefined;
    sent.push({ method, path, ...(body ? { body } : {}) });
    if (path === '/me' && method === 'GET') return { statusCode: 200, data: { user: current } };
    if (path === '/me' && method === 'PATCH') {
      if (body.realName === '陈') {
        return refusedField('realName', '请填写真实姓名', 'bad');
      }
      current = { ...current, ...body, ...(body.avatarKey ? { avatarUrl: 'https://files.test/avatar.png' } : {}) };
      return { statusCode: 200, data: { user: current } };
    }
    if (path === '/me/avatar-uploads') {
      return {
        statusCode: 201,
        data: {
          upload: {
            url: 'https://files.test/bucket',
            fields: { key: 'k' },
            key: 'avatars/u_me/01ARZ3NDEKTSV4RRFFQ69G5FAV.png',
            maxBytes: 2097152,
            expiresAt: '2026-12-01T00:05:00.000Z',
          },
        },
      };
    }
    if (path === '/me/phone') {
      current = { ...current, phone: body.code.replace('dev-phone:', '') };
      // A number a branch imported in its roster: the person joins it.
      if (current.phone === '13900000000') {
        current = { ...current, branchId: 'b1', realName: '陈党员' };
        return { statusCode: 200, data: { user: current, joined: { branchId: 'b1', branchName: '和乐社区第一党支部' } } };
      }
      return { statusCode: 200, data: { user: current } };
    }
    if (path === '/me/export') {
      return {
        statusCode: 200,
        data: {
          exportedAt: '2026-12-01T00:00:00.000Z',
          user: { ...current, createdAt: '2026-11-01T00:00:00.000Z' },
          registrations: [{ activityId: 'a1' }],
          points: { balance: 20, approvedMinutes: 0, entries: [] },
          ...Object.fromEntries(
            [
              'redemptions',
              'serviceRecords',
              'examAttempts',
              'trainings',
              'leaveRequests',
              'reminders',
              'messages',
              'posts',
              'comments',
              'measures',
              'libraryProgress',
              'resources',
              'roles',
              'notIncluded',
            ].map((name) => [name, []]),
          ),
          volunteer: null,
          branchRoster: null,
        },
      };
    }
    if (path === '/me' && method === 'DELETE') return { statusCode: 200, data: { deleted: true } };
    return { statusCode: 404, data: { error: { code: 'ROUTE_NOT_FOUND', message: 'no' } } };
  });
  return sent;
};

const changes = (sent: Sent[]) => sent.filter((request) => request.method !== 'GET');

/** The text field with this placeholder: Taro's host element, which takes the events (it may hold an inner input with the same placeholder). */
const field = async (placeholder: string) =>
  (await screen.findAllByPlaceholderText(placeholder)).find((element) => element.tagName === 'TARO-INPUT-CORE') as HTMLInputElement;

/** jsdom's Blob has no text(): its FileReader reads it. */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

/** A new member (微信用户) opens 编辑资料, `server` answering; returns what the page sends. */
const openAsNewMember = () => {
  signedInAs('微信用户', ['member']);
  const sent = server();
  render(<ProfilePage />);
  return sent;
};

describe('编辑资料', () => {
  it('shows the profile and saves only what changed, political status picked in Chinese', async () => {
    const sent = openAsNewMember();
    const nickname = await field('点击填写昵称，可使用微信昵称');
    await waitFor(() => expect(nickname.value).toBe('微信用户'));
    fireEvent.input(nickname, { target: { value: '小陈' } });
    fireEvent.input(await field('申请志愿者、开具服务证明时需要'), { target: { value: '陈静' } });
    expect(screen.getByText('政治面貌：未填写')).toBeTruthy();
    // The picker's options in order: 党员, 预备党员, 共青团员, 群众, 未填写.
    fireEvent(screen.getByText('政治面貌：未填写').closest('taro-picker-core')!, new CustomEvent('change', { detail: { value: 2 } }));
    await screen.findByText('政治面貌：共青团员');
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(calls.toasts).toEqual(['已保存']));
    expect(changes(sent)).toEqual([
      { method: 'PATCH', path: '/me', body: { nickname: '小陈', realName: '陈静', politicalStatus: 'league_member' } },
    ]);
    expect(Taro.getStorageSync('hele.session').user).toMatchObject({ nickname: '小陈', realName: '陈静' });
  });

  it('shows the server’s word beside the field it refused', async () => {
    openAsNewMember();
    fireEvent.input(await field('申请志愿者、开具服务证明时需要'), { target: { value: '陈' } });
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('请填写真实姓名');
    expect(calls.toasts).toEqual(['填写的内容有误：请填写真实姓名']);
  });

  it('uploads a picked avatar to the bucket, then names it in the profile', async () => {
    signedInAs('微信用户', ['member']);
    const sent = server();
    chooseImages([{ path: 'blob:avatar', size: 1200, originalFileObj: { type: 'image/png' } }]);
    render(<ProfilePage />);
    fireEvent.click(await screen.findByText('更换头像'));
    await waitFor(() => expect(calls.toasts).toEqual(['头像已更新']));
    expect(calls.uploads).toEqual([{ url: 'https://files.test/bucket', filePath: 'blob:avatar' }]);
    expect(changes(sent)).toEqual([
      { method: 'POST', path: '/me/avatar-uploads', body: { contentType: 'image/png', size: 1200 } },
      { method: 'PATCH', path: '/me', body: { avatarKey: 'avatars/u_me/01ARZ3NDEKTSV4RRFFQ69G5FAV.png' } },
    ]);
  });

  it('binds a phone with the local stand-in and copies 我的编号', async () => {
    const sent = openAsNewMember();
    fireEvent.input(await field('本地环境：输入手机号代替微信授权'), { target: { value: '13800000000' } });
    fireEvent.click(screen.getByText('绑定'));
    await screen.findByText('13800000000');
    expect(changes(sent)).toEqual([{ method: 'POST', path: '/me/phone', body: { code: 'dev-phone:13800000000' } }]);
    fireEvent.click(screen.getByText('u_me'));
    await waitFor(() => expect(calls.clipboard).toEqual(['u_me']));
  });

  it('says so when the confirmed number was on a branch’s imported roster: the person has joined it', async () => {
    openAsNewMember();
    fireEvent.input(await field('本地环境：输入手机号代替微信授权'), { target: { value: '13900000000' } });
    fireEvent.click(screen.getByText('绑定'));
    await waitFor(() =>
      expect(calls.modals).toEqual([
        expect.objectContaining({ title: '已加入支部', content: '「和乐社区第一党支部」的名册中有你的手机号，你已成为该支部党员。' }),
      ]),
    );
    expect(await screen.findByDisplayValue('陈党员')).toBeTruthy();
    expect(calls.toasts).toEqual([]);
  });

  it('saves the export as a JSON file', async () => {
    signedInAs('微信用户', ['member']);
    server();
    const files: Blob[] = [];
    const names: string[] = [];
    const { createObjectURL } = URL;
    URL.createObjectURL = (blob: Blob) => {
      files.push(blob);
      return 'blob:export';
    };
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(<ProfilePage />);
    fireEvent.click(await screen.findByText('导出我的数据'));
    await waitFor(() => expect(names).toHaveLength(1));
    expect(names[0]).toMatch(/^和乐-我的数据-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await textOf(files[0]!))).toMatchObject({ user: { id: 'u_me' }, points: { balance: 20 } });
    click.mockRestore();
    URL.createObjectURL = createObjectURL;
  });

  it('closes the account only after the dialog says what happens, then signs out', async () => {
    const sent = openAsNewMember();
    answerModals(false);
    fireEvent.click(await screen.findByText('注销账号'));
    await waitFor(() => expect(calls.modals).toHaveLength(1));
    expect(calls.modals[0]).toMatchObject({ title: '注销账号', content: CLOSING_TEXT, confirmText: '确认注销', cancelText: '再想想' });
    for (const words of ['匿名保留', '报名全部取消', '积分余额作废', '无法恢复']) expect(CLOSING_TEXT).toContain(words);
    expect(changes(sent)).toEqual([]);

    answerModals(true);
    fireEvent.click(screen.getByText('注销账号'));
    await waitFor(() => expect(calls.switchTab).toEqual(['/pages/me/index']));
    expect(changes(sent)).toEqual([{ method: 'DELETE', path: '/me' }]);
    expect(Taro.getStorageSync('hele.session')).toBe('');
    expect(calls.toasts).toContain('账号已注销');
  });
});
