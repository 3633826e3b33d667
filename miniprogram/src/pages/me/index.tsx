import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ROLE_LABELS } from '@hele/shared';
import { signOut, useCurrentUser } from '@/auth/session';
import PrivacyConsent from '@/components/privacy-consent/react';
import { Button, Cell, CellGroup, Tag } from '@/ui';
import { goToSignIn } from '@/utils/navigation';
import './index.scss';

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
        <>
          <CellGroup className='me__links'>
            <Cell title='我的报名' clickable onClick={() => Taro.navigateTo({ url: '/account/registrations/index' })} />
          </CellGroup>
          <Button block className='me__action' onClick={signOut}>
            退出登录
          </Button>
        </>
      ) : (
        <Button block type='primary' className='me__action' onClick={goToSignIn}>
          登录
        </Button>
      )}
    </View>
  );
}
