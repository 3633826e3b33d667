import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LoginPage from './index';
import { answerRequests, calls, setOpenPages } from '../../../test/taro-double';

describe('登录 page', () => {
  it('lists the seeded dev names with their roles', () => {
    render(<LoginPage />);
    expect(screen.getByText('开发登录')).toBeTruthy();
    for (const name of [
      '管理员（dev:admin）',
      '李社工（dev:coordinator）',
      '王书记（dev:secretary）',
      '张志愿（dev:volunteer）',
      '陈党员（dev:member）',
    ]) {
      expect(screen.getByText(name)).toBeTruthy();
    }
  });

  it('offers no dev sign-in in the build uploaded to WeChat', () => {
    process.env.TARO_APP_RELEASE = '1';
    try {
      render(<LoginPage />);
      expect(screen.queryByText('开发登录')).toBeNull();
      expect(screen.queryByText('陈党员（dev:member）')).toBeNull();
    } finally {
      process.env.TARO_APP_RELEASE = '';
    }
  });

  it('signs in with the picked name through /auth/login, keeps the session, and returns to 我的', async () => {
    const sent: string[] = [];
    answerRequests(({ url, data }) => {
      sent.push(`${url} ${data}`);
      return { statusCode: 200, data: { token: 'tok', user: { id: 'u_2', nickname: '陈党员', roles: ['member'] } } };
    });
    render(<LoginPage />);
    fireEvent.click(screen.getByText('陈党员（dev:member）'));
    await waitFor(() => expect(calls.switchTab).toEqual(['/pages/me/index']));
    expect(sent).toEqual(['http://api.test/auth/login {"code":"dev:member"}']);
    expect(Taro.getStorageSync('hele.session')).toMatchObject({ token: 'tok', user: { nickname: '陈党员' } });
  });

  it("returns to the page that asked for sign-in (a branch's join link) instead of 我的", async () => {
    setOpenPages(2);
    answerRequests(() => ({ statusCode: 200, data: { token: 'tok', user: { id: 'u_3', nickname: 'xiaoming1', roles: ['member'] } } }));
    render(<LoginPage />);
    fireEvent.input(screen.getByPlaceholderText('其他名字（小写字母、数字），登录为新成员'), { target: { value: 'xiaoming1' } });
    fireEvent.click(screen.getByText('登录'));
    await waitFor(() => expect(calls.back).toEqual([1]));
    expect(calls.switchTab).toEqual([]);
  });

  it('tells the user in Chinese when sign-in fails', async () => {
    answerRequests(() => ({ statusCode: 400, data: { error: { code: 'VALIDATION_FAILED', message: 'bad' } } }));
    render(<LoginPage />);
    fireEvent.click(screen.getByText('陈党员（dev:member）'));
    await waitFor(() => expect(calls.toasts).toEqual(['填写的内容有误']));
    expect(calls.switchTab).toEqual([]);
  });
});
