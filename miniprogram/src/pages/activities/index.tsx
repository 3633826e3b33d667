/** 活动 tab: upcoming activities by kind, seats left and the viewer's own status. */
import { View, Text, Picker } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { hasAnyRole, KIND_LABELS, Role, toCenterIso, type Activity, type ActivityKind } from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import ActivityCard from '@/components/activity-card';
import { EmptyView, PagedItems, SignInFirst } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button } from '@/ui';
import { largeTextClass, useLargeText } from '@/utils/large-text';
import './index.scss';

const FILTERS: Array<{ kind?: ActivityKind; label: string }> = [
  { label: '全部' },
  ...(Object.entries(KIND_LABELS) as Array<[ActivityKind, string]>).map(([kind, label]) => ({ kind, label })),
];

export default function ActivitiesPage() {
  const user = useCurrentUser();
  const large = useLargeText();
  const [kind, setKind] = useState<ActivityKind | undefined>();
  // Browse from a day on (default: today, in the center's time zone).
  const [fromDay, setFromDay] = useState<string>();
  const from = fromDay ? `${fromDay}T00:00:00+08:00` : undefined;
  const list = usePagedList<Activity>(
    (cursor) => (user ? api.activities.list({ query: { kind, from, cursor } }) : Promise.resolve({ items: [], nextCursor: null })),
    [kind, from, user?.id],
  );

  if (!user) {
    return (
      <View className={`page activities ${largeTextClass(large)}`}>
        <SignInFirst title='登录后查看活动' description='组织生活会、公益班、培训和志愿服务活动' />
      </View>
    );
  }

  const choose = (next?: ActivityKind) => {
    setKind(next);
  };

  return (
    <View className={`page activities ${largeTextClass(large)}`}>
      <View className='activities__filters'>
        {FILTERS.map((filter) => (
          <Text
            key={filter.label}
            className={`activities__filter ${filter.kind === kind ? 'activities__filter--on' : ''}`}
            onClick={() => choose(filter.kind)}
          >
            {filter.label}
          </Text>
        ))}
      </View>
      <Picker mode='date' value={fromDay ?? toCenterIso(new Date()).slice(0, 10)} onChange={(e) => setFromDay(String(e.detail.value))}>
        <View className='activities__from'>
          <Text className='muted'>{fromDay ? `${fromDay} 起的活动` : '今天起的活动'}</Text>
          <Text className='activities__from-change'>选择日期</Text>
        </View>
      </Picker>
      {hasAnyRole(user.roles, [Role.COORDINATOR]) && (
        <Button block type='primary' className='activities__create' onClick={() => Taro.navigateTo({ url: '/activity/edit/index' })}>
          发布活动
        </Button>
      )}
      <PagedItems
        list={list}
        empty={<EmptyView title='暂无活动' description='新的活动发布后会出现在这里' />}
        row={(activity) => <ActivityCard key={activity.id} activity={activity} />}
      />
    </View>
  );
}
