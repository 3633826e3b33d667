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

  it('asks an incomplete profile once, skippably, and links 编辑资料 and 隐私保护指引', async () => {
    Taro.setStorageSync('hele.session', { token: 't', user: { id: 'u_new', nickname: '微信用户', roles: ['member'] } });
    const { unmount } = render(<MePage />);
    expect(screen.getByText('完善个人资料')).toBeTruthy();
    fireEvent.click(screen.getByText('去完善'));
    fireEvent.click(screen.getByText('编辑资料'));
    fireEvent.click(screen.getByText('隐私保护指引'));
    await waitFor(() => expect(calls.navigateTo).toEqual(['/account/profile/index', '/account/profile/index', '/account/privacy/index']));
    fireEvent.click(screen.getByText('跳过'));
    expect(screen.queryByText('完善个人资料')).toBeNull();
    unmount();
    // Skipped once: not asked again on this phone.
    render(<MePage />);
    expect(screen.queryByText('完善个人资料')).toBeNull();
  });

  it('asks nothing of a complete profile, and shows its avatar', () => {
    Taro.setStorageSync('hele.session', {
      token: 't',
      user: { id: 'u_2', nickname: '小陈', realName: '陈静', roles: ['member'], avatarUrl: 'https://files.test/a.png' },
    });
    const { container } = render(<MePage />);
    expect(screen.queryByText('完善个人资料')).toBeNull();
    expect(container.querySelector('.me__avatar')?.getAttribute('src')).toBe('https://files.test/a.png');
  });
});
