/** One activity in a list: kind, title, time, venue, seats, and the viewer's own status. */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { feedState, formatRange, KIND_LABELS, REGISTRATION_STATUS_LABELS, type Activity } from '@hele/shared';
import { Tag } from '@/ui';
import './index.scss';

export const seatsText = (activity: Activity): string => {
  if (activity.status === 'cancelled') return '活动已取消';
  if (activity.seatsLeft > 0) return `剩余 ${activity.seatsLeft} 个名额`;
  return activity.waitlistCount > 0 ? `已满 · ${activity.waitlistCount} 人候补` : '已满';
};

export const myStatusText = (activity: Activity): string | undefined => {
  const mine = activity.myRegistration;
  if (!mine) return undefined;
  if (mine.checkedInAt) return '已签到';
  if (mine.status === 'waitlisted' && mine.position) return `候补第 ${mine.position} 位`;
  return REGISTRATION_STATUS_LABELS[mine.status];
};

/** The feed of a published activity is 直播中 from its start until a while after its end. */
export const isLive = (activity: Activity, now = new Date()) => activity.status === 'published' && feedState(activity, now) === 'live';

export default function ActivityCard({ activity }: { activity: Activity }) {
  const mine = myStatusText(activity);
  return (
    <View
      className={`card activity-card activity-card--${activity.kind}`}
      data-id={activity.id}
      onClick={() => Taro.navigateTo({ url: `/activity/detail/index?id=${activity.id}` })}
    >
      <View className='activity-card__head'>
        <Tag type='primary' className='activity-card__kind'>
          {KIND_LABELS[activity.kind]}
        </Tag>
        {activity.status === 'draft' && <Tag className='activity-card__draft'>草稿</Tag>}
        {isLive(activity) && (
          <Tag type='danger' className='activity-card__live'>
            直播中
          </Tag>
        )}
        {mine && (
          <Tag type='success' className='activity-card__mine'>
            {mine}
          </Tag>
        )}
      </View>
      <Text className='activity-card__title'>{activity.title}</Text>
      <Text className='muted'>{formatRange(activity.startsAt, activity.endsAt)}</Text>
      <Text className='muted'>{activity.venue}</Text>
      <Text className={`activity-card__seats ${activity.seatsLeft === 0 ? 'activity-card__seats--full' : ''}`}>{seatsText(activity)}</Text>
    </View>
  );
}
