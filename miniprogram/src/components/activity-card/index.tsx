/** One activity in a list: kind, title, time, venue, seats, and the viewer's own status. */
import { View, Text } from '@tarojs/components';
import { feedState, formatRange, KIND_LABELS, participationLabel, type Activity, type ParticipationState } from '@hele/shared';
import { LinkCard } from '@/components/card';
import { Tag } from '@/ui';
import './index.scss';

/** The seats as they matter now: none are offered once the activity is over. */
export const seatsText = (activity: Pick<Activity, 'status' | 'seatsLeft' | 'waitlistCount' | 'endsAt'>, now = Date.now()): string => {
  if (activity.status === 'cancelled') return '活动已取消';
  if (Date.parse(activity.endsAt) < now) return '活动已结束';
  if (activity.seatsLeft > 0) return `剩余 ${activity.seatsLeft} 个名额`;
  return activity.waitlistCount > 0 ? `已满 · ${activity.waitlistCount} 人候补` : '已满';
};

/** The viewer's state at the activity, as the server computed it (shared/rules/participation). */
export const myStatusText = (activity: Activity): string | undefined =>
  activity.myState ? participationLabel(activity.myState, activity.myRegistration?.position) : undefined;

/** How each state's tag looks, the same on every page: what went well green, what waits amber, what went wrong red. */
export const STATE_TAGS: Record<ParticipationState, 'success' | 'warning' | 'danger' | 'info' | 'default'> = {
  registered: 'success',
  checked_in: 'success',
  waitlisted: 'warning',
  leave_pending: 'warning',
  on_leave: 'info',
  leave_refused: 'danger',
  absent: 'danger',
  not_seated: 'default',
  cancelled: 'default',
};

/**
 * 直播中: a published activity under way. Its feed takes posts for a while after the end too
 * (shared/rules/feed), but by then the card says 活动已结束 and the page offers the feed as its 现场报道.
 */
export const isLive = (activity: Activity, now = new Date()) =>
  activity.status === 'published' && feedState(activity, now) === 'live' && now.getTime() <= Date.parse(activity.endsAt);

export default function ActivityCard({ activity }: { activity: Activity }) {
  const mine = myStatusText(activity);
  return (
    <LinkCard className={`activity-card activity-card--${activity.kind}`} id={activity.id} url={`/activity/detail/index?id=${activity.id}`}>
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
        {mine && activity.myState && (
          <Tag type={STATE_TAGS[activity.myState]} className={`activity-card__mine activity-card__mine--${activity.myState}`}>
            {mine}
          </Tag>
        )}
      </View>
      <Text className='activity-card__title'>{activity.title}</Text>
      <Text className='muted'>{formatRange(activity.startsAt, activity.endsAt)}</Text>
      <Text className='muted'>{activity.venue}</Text>
      <Text className={`activity-card__seats ${activity.seatsLeft === 0 ? 'activity-card__seats--full' : ''}`}>{seatsText(activity)}</Text>
    </LinkCard>
  );
}
