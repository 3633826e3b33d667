import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCurrentUser } from '@/auth/session';
import './index.scss';

/** The center's three lines of work (DOMAIN.md), each one tap away. */
const SERVICES = [
  { title: '组织生活会', text: '一支部一方案，报名参会、请假、签到', tab: '/pages/activities/index' },
  { title: '志愿服务', text: '服务时长记录，服务攒积分、积分兑换回馈', tab: '/pages/points/index' },
  { title: '我的', text: '账号、角色与消息', tab: '/pages/me/index' },
] as const;

export default function HomePage() {
  const user = useCurrentUser();
  return (
    <View className='page home'>
      <View className='home__banner'>
        <Text className='home__title'>和乐 · 党群服务中心</Text>
        <Text className='home__subtitle'>党建 + 社工：组织生活、志愿服务、资源整合</Text>
        <Text className='home__greeting'>{user ? `${user.nickname}，你好` : '欢迎，登录后参加活动'}</Text>
      </View>
      {SERVICES.map((service) => (
        <View key={service.title} className='card home__entry' onClick={() => Taro.switchTab({ url: service.tab })}>
          <Text className='home__entry-title'>{service.title}</Text>
          <Text className='muted'>{service.text}</Text>
        </View>
      ))}
    </View>
  );
}
