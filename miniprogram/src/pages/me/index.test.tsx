import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MePage from './index';
import { calls } from '../../../test/taro-double';

describe('我的 page', () => {
  it('shows 未登录 and a 登录 button that opens the sign-in page when signed out', async () => {
    render(<MePage />);
    expect(screen.getByText('未登录')).toBeTruthy();
    fireEvent.click(screen.getByText('登录'));
    await waitFor(() => expect(calls.navigateTo).toEqual(['/account/login/index']));
  });

  it('shows the signed-in name and the Chinese labels of the roles', () => {
    Taro.setStorageSync('hele.session', {
      token: 't',
      user: { id: 'u_1', nickname: '王书记', roles: ['member', 'secretary'] },
    });
    render(<MePage />);
    expect(screen.getByText('王书记')).toBeTruthy();
    expect(screen.getByText('党员/群众')).toBeTruthy();
    expect(screen.getByText('支部书记')).toBeTruthy();
    expect(screen.getByText('退出登录')).toBeTruthy();
  });
});
