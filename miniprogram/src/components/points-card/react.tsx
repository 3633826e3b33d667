/** The points card for either build: the native component on weapp, the same card in React on H5. */
import { View, Text } from '@tarojs/components';
import { hoursOf } from '@hele/shared';
import './react.scss';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'points-card': Record<string, unknown>;
    }
  }
}

export default function PointsCard({ balance, stars, minutes }: { balance: number; stars: number; minutes: number }) {
  if (process.env.TARO_ENV === 'weapp') return <points-card balance={balance} stars={stars} minutes={minutes} />;
  return (
    <View className='points-card'>
      <Text className='points-card__label'>我的积分</Text>
      <Text className='points-card__balance'>{balance}</Text>
      <View className='points-card__stars'>
        {Array.from({ length: 5 }, (_, i) => (
          <Text key={i} className={`points-card__star ${i < stars ? 'points-card__star--on' : ''}`}>
            ★
          </Text>
        ))}
        <Text className='points-card__level'>{stars > 0 ? `${stars} 星志愿者` : '未定级'}</Text>
      </View>
      <Text className='points-card__hours'>累计服务 {hoursOf(minutes)} 小时</Text>
    </View>
  );
}
