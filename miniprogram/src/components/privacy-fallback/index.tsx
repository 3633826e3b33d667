/**
 * H5 stand-in for the native privacy component: the browser has no WeChat privacy guide, so the
 * page asks once and remembers the answer.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '@/ui';
import './index.scss';

const AGREED_KEY = 'hele.privacyAgreed';

export default function PrivacyFallback() {
  const [visible, setVisible] = useState(() => !Taro.getStorageSync(AGREED_KEY));
  if (!visible) return null;
  const answer = (agreed: boolean) => {
    if (agreed) Taro.setStorageSync(AGREED_KEY, true);
    setVisible(false);
  };
  return (
    <View className='privacy-fallback' role='dialog' aria-label='用户隐私保护提示'>
      <Text className='privacy-fallback__title'>用户隐私保护提示</Text>
      <Text className='privacy-fallback__text'>
        使用本服务前，请阅读并同意
        <Text className='privacy-fallback__link' onClick={() => Taro.navigateTo({ url: '/account/privacy/index' })}>
          《隐私保护指引》
        </Text>
        。我们只在你使用相关功能时收集必要信息。
      </Text>
      <View className='privacy-fallback__actions'>
        <Button size='small' onClick={() => answer(false)}>
          拒绝
        </Button>
        <Button size='small' type='primary' onClick={() => answer(true)}>
          同意
        </Button>
      </View>
    </View>
  );
}
