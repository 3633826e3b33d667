/**
 * 我的报名: the caller's registrations as the server orders them (what is to come, soonest first; then
 * what is over, most recent first), each with where they really stand there (shared/rules/participation),
 * each opening its activity.
 */
import { View, Text } from '@tarojs/components';
import { Fragment } from 'react';
import { formatRange, KIND_LABELS, participationLabel, type ActivityKind, type MyRegistrationItem } from '@hele/shared';
import { api } from '@/api';
import { STATE_TAGS } from '@/components/activity-card';
import { LinkCard } from '@/components/card';
import { EmptyView, PagedItems } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Tag } from '@/ui';
import './index.scss';

const isUpcoming = (item: MyRegistrationItem, now: number) => Date.parse(item.activity.endsAt) >= now;

export default function MyRegistrationsPage() {
  const list = usePagedList<MyRegistrationItem>((cursor) => api.registrations.mine({ query: { cursor } }));
  const now = Date.now();
  return (
    <View className='page my-registrations'>
      <PagedItems
        list={list}
        empty={<EmptyView title='还没有报名' description='去「活动」看看近期的组织生活会和公益班' />}
        row={(item, index) => {
          const upcoming = isUpcoming(item, now);
          // A heading where the list passes from what is to come to what is over.
          const heading = index === 0 || isUpcoming(list.items[index - 1]!, now) !== upcoming;
          return (
            <Fragment key={item.id}>
              {heading && <Text className='section-title my-registrations__group'>{upcoming ? '即将开始' : '已结束'}</Text>}
              <LinkCard
                className={`my-registrations__item my-registrations__item--${item.state}`}
                id={item.activity.id}
                url={`/activity/detail/index?id=${item.activityId}`}
              >
                <View className='my-registrations__head'>
                  <Tag type='primary'>{KIND_LABELS[item.activity.kind as ActivityKind] ?? item.activity.kind}</Tag>
                  <Tag type={STATE_TAGS[item.state]} className='my-registrations__state'>
                    {participationLabel(item.state, item.position)}
                  </Tag>
                  {item.activity.status === 'cancelled' && <Text className='muted'>活动已取消</Text>}
                </View>
                <Text className='my-registrations__title'>{item.activity.title}</Text>
                <Text className='muted'>
                  {formatRange(item.activity.startsAt, item.activity.endsAt)} · {item.activity.venue}
                </Text>
              </LinkCard>
            </Fragment>
          );
        }}
      />
    </View>
  );
}
