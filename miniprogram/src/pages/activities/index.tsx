import { View } from '@tarojs/components';
import { Empty } from '@/ui';
import './index.scss';

export default function ActivitiesPage() {
  return (
    <View className='page activities'>
      <Empty title='暂无活动' description='组织生活会、公益班、培训和志愿服务活动将在这里发布' />
    </View>
  );
}
