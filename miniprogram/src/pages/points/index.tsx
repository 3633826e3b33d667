import { View } from '@tarojs/components';
import { Empty } from '@/ui';
import './index.scss';

export default function PointsPage() {
  return (
    <View className='page points'>
      <Empty title='暂无积分记录' description='参加志愿服务、经审核的服务时长将换算为积分' />
    </View>
  );
}
