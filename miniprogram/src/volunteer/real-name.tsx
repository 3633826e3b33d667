/** Where a real name is needed (the application, the certificate) and the profile has none: the way to 编辑资料. */
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorCode } from '@hele/shared';
import { ApiError } from '@/api';
import Card from '@/components/card';
import { Button } from '@/ui';

export const needsRealName = (error: unknown): boolean => error instanceof ApiError && error.code === ErrorCode.REAL_NAME_REQUIRED;

export const goFillRealName = () => Taro.navigateTo({ url: '/account/profile/index' });

export function RealNameNeeded({ why }: { why: string }) {
  return (
    <Card title='请先填写真实姓名' className='real-name-needed'>
      <Text className='muted'>{why}</Text>
      <Button block type='primary' className='real-name-needed__go' onClick={goFillRealName}>
        去编辑资料
      </Button>
    </Card>
  );
}
