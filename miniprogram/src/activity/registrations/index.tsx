/** The coordinator's roster of one activity: confirmed and waitlisted, in waitlist order. */
import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { formatDateTime, REGISTRATION_STATUS_LABELS, type Registration, type RegistrationStatus } from '@hele/shared';
import { api } from '@/api';
import { Tabs } from '@/components/choice';
import { EmptyView, PagedItems } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { useRouteParam } from '@/utils/navigation';
import './index.scss';

const TABS: RegistrationStatus[] = ['confirmed', 'waitlisted', 'cancelled'];

export default function RegistrationsPage() {
  const id = useRouteParam('id') ?? '';
  const [status, setStatus] = useState<RegistrationStatus>('confirmed');
  const list = usePagedList<Registration>(
    (cursor) => api.registrations.ofActivity({ params: { id }, query: { status, cursor, limit: 50 } }),
    [id, status],
  );
  const items = status === 'waitlisted' ? [...list.items].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)) : list.items;

  return (
    <View className='page roster'>
      <Tabs block='roster' options={TABS} labels={REGISTRATION_STATUS_LABELS} value={status} onChange={setStatus} />
      <PagedItems
        list={list}
        items={items}
        empty={<EmptyView title='暂无报名' />}
        row={(registration) => (
          <View key={registration.id} className='card roster__row'>
            <Text className='roster__name'>
              {registration.position ? `${registration.position}. ` : ''}
              {registration.nickname ?? registration.userId}
            </Text>
            <Text className='muted'>
              {formatDateTime(registration.registeredAt)}
              {registration.promotedAt ? ' · 候补转正' : ''}
            </Text>
          </View>
        )}
      />
    </View>
  );
}
