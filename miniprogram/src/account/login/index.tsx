/**
 * Sign-in. WeChat users sign in with one tap (`wx.login`); the local stage also offers
 * 开发登录: the seeded names of docs/API.md, or any other name as a new member. Signed in, the person
 * returns to the page that sent them here.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { DEV_USERS, DevName, ROLE_LABELS } from '@hele/shared';
import { signInAsDev, signInWithWeChat } from '@/auth/session';
import { Button, Cell, CellGroup, Input } from '@/ui';
import { showError } from '@/utils/feedback';
import { useRouteParam } from '@/utils/navigation';
import './index.scss';

/**
 * After signing in, back where the person came from (the shared activity they opened, 首页): the page
 * under this one, or the one named by `back` when nothing is under it (the link opened here first);
 * else 我的.
 */
const goBack = async (back: string | undefined) => {
  if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
  else if (back?.startsWith('/')) await Taro.redirectTo({ url: back });
  else await Taro.switchTab({ url: '/pages/me/index' });
};

export default function LoginPage() {
  const back = useRouteParam('back');
  const [busy, setBusy] = useState(false);
  const [customName, setCustomName] = useState('');

  const run = async (signIn: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    try {
      await signIn();
      await goBack(back);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const customValid = DevName.safeParse(customName).success;

  return (
    <View className='page login'>
      {process.env.TARO_ENV === 'weapp' && (
        <Button block type='primary' loading={busy} onClick={() => run(signInWithWeChat)}>
          微信一键登录
        </Button>
      )}
      {/* The build uploaded to WeChat signs in with WeChat only: its stage refuses dev: codes. */}
      {process.env.TARO_APP_RELEASE !== '1' && (
        <>
          <Text className='section-title login__title'>开发登录</Text>
          <Text className='muted'>本地环境专用：选择一个演示账号登录。</Text>
          <CellGroup className='login__names'>
            {DEV_USERS.map((user) => (
              <Cell
                key={user.name}
                className={`login__name login__name--${user.name}`}
                title={`${user.nickname}（dev:${user.name}）`}
                description={user.roles.map((role) => ROLE_LABELS[role]).join(' · ')}
                clickable
                onClick={() => run(() => signInAsDev(user.name))}
              />
            ))}
          </CellGroup>
          <View className='card login__custom'>
            <Input
              className='login__input'
              placeholder='其他名字（小写字母、数字），登录为新成员'
              value={customName}
              onChange={(value) => setCustomName(value.trim())}
            />
            <Button size='small' type='primary' disabled={!customValid || busy} onClick={() => run(() => signInAsDev(customName))}>
              登录
            </Button>
          </View>
        </>
      )}
    </View>
  );
}
