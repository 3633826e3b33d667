import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import {
  formatDate,
  MEETING_TYPE_LABELS,
  COMPLIANCE_REMINDER_DAYS,
  startOfCenterDay,
  type ActionItem,
  type Activity,
  type BranchCompliance,
} from '@hele/shared';
import { api } from '@/api';
import { LinkCard } from '@/components/card';
import { useCurrentUser } from '@/auth/session';
import { isLive } from '@/components/activity-card';
import { Button, Tag } from '@/ui';
import { largeTextClass, useLargeText } from '@/utils/large-text';
import { goToSignIn } from '@/utils/navigation';
import { askForNotices } from '@/utils/notices';
import './index.scss';

/** The center's three lines of work (docs/DOMAIN.md), each one tap away. */
const SERVICES = [
  { title: '组织生活会', text: '一支部一方案，报名参会、请假、签到', tab: '/pages/activities/index' },
  { title: '志愿服务', text: '服务时长记录，服务攒积分、积分兑换回馈', tab: '/pages/points/index' },
  { title: '我的', text: '账号、角色与消息', tab: '/pages/me/index' },
] as const;

/** Today's activities whose feed is live (直播中), for the home page. */
const useLiveNow = (signedIn: boolean) => {
  const [live, setLive] = useState<Activity[]>([]);
  useDidShow(() => {
    if (!signedIn) return;
    api.activities.list({ query: { from: startOfCenterDay(new Date(Date.now() - 24 * 3600_000)), limit: 50 } }).then(
      ({ items }) => setLive(items.filter((activity) => isLive(activity))),
      () => setLive([]),
    );
  });
  return live;
};

/** A secretary's branch measures past their due date: the first page, and whether there are more. */
const useOverdue = (secretary: boolean) => {
  const [overdue, setOverdue] = useState<{ items: ActionItem[]; more: boolean }>({ items: [], more: false });
  useDidShow(() => {
    if (secretary)
      api.meetings.overdueActions().then(
        ({ items, nextCursor }) => setOverdue({ items, more: nextCursor !== null }),
        () => setOverdue({ items: [], more: false }),
      );
  });
  return overdue;
};

/** A secretary's 三会一课 (their own branch): what runs now, held or still to hold, and what the year missed. */
const useCompliance = (branchId: string | undefined) => {
  const [compliance, setCompliance] = useState<BranchCompliance>();
  useDidShow(() => {
    if (branchId)
      api.meetings.branchCompliance({ params: { id: branchId } }).then(
        (reply) => setCompliance(reply.compliance),
        () => setCompliance(undefined),
      );
  });
  return compliance;
};

/** 本月三会一课: each kind's current period, the ones still to hold first (soonest to close first). */
function DueList({ compliance }: { compliance: BranchCompliance }) {
  const items = [...compliance.current].sort((a, b) => Number(a.state === 'held') - Number(b.state === 'held') || a.daysLeft - b.daysLeft);
  const due = items.filter((item) => item.state === 'due').length;
  return (
    <View className='card home__compliance'>
      <Text className='home__entry-title'>{due > 0 ? `本月三会一课：待开 ${due} 项` : '本月三会一课：均已召开'}</Text>
      {items.map((item) => (
        <View key={item.type} className={`home__due home__due--${item.state}`} data-type={item.type}>
          <Text className='home__due-name'>
            {MEETING_TYPE_LABELS[item.type]}
            <Text className='muted'>（{item.label}）</Text>
          </Text>
          <Text className='home__due-state'>
            {item.state === 'held'
              ? `已开 ${item.meetings} 次`
              : `待开 · ${formatDate(item.to)}前${item.daysLeft < COMPLIANCE_REMINDER_DAYS ? `（还剩 ${item.daysLeft + 1} 天）` : ''}`}
          </Text>
        </View>
      ))}
      {compliance.totals.overdue > 0 && <Text className='home__due-overdue'>今年已有 {compliance.totals.overdue} 期未按时召开</Text>}
      <Text className='muted home__due-hint'>
        会议有人签到即计为已召开；截止前 {COMPLIANCE_REMINDER_DAYS} 天仍未召开的，会在「我的 › 消息」提醒你
      </Text>
      {process.env.TARO_ENV === 'weapp' && (
        <Button size='small' className='home__due-subscribe' onClick={() => askForNotices(['compliance_due'])}>
          微信提醒我
        </Button>
      )}
    </View>
  );
}

export default function HomePage() {
  const user = useCurrentUser();
  const large = useLargeText();
  const live = useLiveNow(!!user);
  const overdue = useOverdue(!!user?.roles.includes('secretary'));
  const compliance = useCompliance(user?.roles.includes('secretary') ? user.branchId : undefined);
  return (
    <View className={`page home ${largeTextClass(large)}`}>
      <View className='home__banner'>
        <Text className='home__title'>和乐 · 党群服务中心</Text>
        <Text className='home__subtitle'>党建 + 社工：组织生活、志愿服务、资源整合</Text>
        {user ? (
          <Text className='home__greeting'>{`${user.nickname}，你好`}</Text>
        ) : (
          <Text className='home__greeting home__sign-in' onClick={() => goToSignIn()}>
            欢迎，登录后参加活动 ›
          </Text>
        )}
      </View>
      {compliance && compliance.current.length > 0 && <DueList compliance={compliance} />}
      {overdue.items.length > 0 && (
        <View className='card home__overdue'>
          <Text className='home__entry-title'>
            {overdue.more ? `逾期措施超过 ${overdue.items.length} 项` : `逾期措施 ${overdue.items.length} 项`}
          </Text>
          {overdue.items.map((action) => (
            <Text
              key={action.id}
              className='home__overdue-item'
              onClick={() => Taro.navigateTo({ url: `/activity/board/index?id=${action.activityId}&action=${action.id}` })}
            >
              {action.text}（{action.ownerName}，{action.dueOn} 到期）
            </Text>
          ))}
        </View>
      )}
      {live.map((activity) => (
        <LinkCard key={activity.id} className='home__live' id={activity.id} url={`/activity/feed/index?id=${activity.id}`}>
          <Tag type='danger' className='home__live-tag'>
            直播中
          </Tag>
          <Text className='home__live-title'>{activity.title}</Text>
          <Text className='muted'>点击观看现场动态</Text>
        </LinkCard>
      ))}
      <View className='card home__entry home__classes' onClick={() => Taro.navigateTo({ url: '/learning/classes/index' })}>
        <Text className='home__entry-title'>公益班</Text>
        <Text className='muted'>越剧、书法、手工……志愿讲师授课，按课报名或整班报名，出勤达标可获结业证书</Text>
      </View>
      <View className='card home__entry home__library' onClick={() => Taro.navigateTo({ url: '/learning/library/index' })}>
        <Text className='home__entry-title'>在线学习资料库</Text>
        <Text className='muted'>公益班、志愿者学院与理论学习资料，随时随地学习</Text>
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
