/** 我的报名: the caller's registrations, newest first, each opening its activity. */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, KIND_LABELS, REGISTRATION_STATUS_LABELS, type ActivityKind, type MyRegistrationItem } from '@hele/shared';
import { api } from '@/api';
import { EmptyView, ErrorView, ListFoot } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Tag } from '@/ui';
import './index.scss';

const statusText = (item: MyRegistrationItem) =>
  item.status === 'waitlisted' && item.position ? `候补第 ${item.position} 位` : REGISTRATION_STATUS_LABELS[item.status];

export default function MyRegistrationsPage() {
  const list = usePagedList<MyRegistrationItem>((cursor) => api.registrations.mine({ query: { cursor } }));
  return (
    <View className='page my-registrations'>
      {list.error !== undefined && list.items.length === 0 ? (
        <ErrorView error={list.error} onRetry={list.refresh} />
      ) : list.items.length === 0 && !list.loading ? (
        <EmptyView title='还没有报名' description='去「活动」看看近期的组织生活会和公益班' />
      ) : (
        list.items.map((item) => (
          <View
            key={item.id}
            className='card my-registrations__item'
            onClick={() => Taro.navigateTo({ url: `/activity/detail/index?id=${item.activityId}` })}
          >
            <View className='my-registrations__head'>
              <Tag type='primary'>{KIND_LABELS[item.activity.kind as ActivityKind] ?? item.activity.kind}</Tag>
              <Tag type={item.status === 'cancelled' ? 'default' : 'success'}>{statusText(item)}</Tag>
            </View>
            <Text className='my-registrations__title'>{item.activity.title}</Text>
            <Text className='muted'>
              {formatDateTime(item.activity.startsAt)} · {item.activity.venue}
            </Text>
          </View>
        ))
      )}
      <ListFoot loading={list.loading} done={list.done} count={list.items.length} />
    </View>
  );
}
