import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import PrivacyGuidePage from './index';
import { calls } from '../../../test/taro-double';

describe('隐私保护指引', () => {
  it('lists what is collected and why, and how to export and close', async () => {
    render(<PrivacyGuidePage />);
    for (const what of [
      '微信身份标识（openid）',
      '昵称与头像',
      '真实姓名',
      '政治面貌',
      '手机号（可选）',
      '活动记录',
      '志愿服务时长与积分',
      '照片、动态与讨论',
    ]) {
      expect(screen.getByText(what)).toBeTruthy();
    }
    expect(screen.getByText('导出我的数据')).toBeTruthy();
    expect(screen.getByText('注销账号')).toBeTruthy();
    fireEvent.click(screen.getByText('前往编辑资料'));
    await waitFor(() => expect(calls.navigateTo).toEqual(['/account/profile/index']));
  });
});
