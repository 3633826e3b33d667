import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ROLE_LABELS } from '@hele/shared';
import { signOut, signInWithWeChat, useCurrentUser } from '@/auth/session';
import PrivacyConsent from '@/components/privacy-consent/react';
import { Button, Tag } from '@/ui';
import { showError } from '@/utils/feedback';
import './index.scss';

export const goToSignIn = async () => {
  if (process.env.TARO_ENV === 'weapp') {
    await signInWithWeChat().catch(showError);
    return;
  }
  await Taro.navigateTo({ url: '/account/login/index' });
};

export default function MePage() {
  const user = useCurrentUser();
  return (
    <View className='page me'>
      <PrivacyConsent />
      <View className='card me__profile'>
        <View className='me__avatar'>{user ? user.nickname.slice(0, 1) : '?'}</View>
        <View className='me__who'>
          <Text className='me__name'>{user ? user.nickname : '未登录'}</Text>
          <View className='me__roles'>
            {user?.roles.map((role) => (
              <Tag key={role} type='primary' className='me__role'>
                {ROLE_LABELS[role]}
              </Tag>
            ))}
          </View>
        </View>
      </View>
      {user ? (
        <Button block className='me__action' onClick={signOut}>
          退出登录
        </Button>
      ) : (
        <Button block type='primary' className='me__action' onClick={goToSignIn}>
          登录
        </Button>
      )}
    </View>
  );
}
