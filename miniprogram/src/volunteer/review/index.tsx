/** 服务时长审核 (coordinator): pending records; approving pays the points, refusing keeps the record with a reason. */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { formatDate, formatDateTime, pointsForMinutes, type ServiceRecord } from '@hele/shared';
import { api } from '@/api';
import { EmptyView, PagedItems } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button, Input } from '@/ui';
import { showError } from '@/utils/feedback';
import { SOURCE_LABELS, hoursOf } from '../labels';
import './index.scss';

export default function ReviewPage() {
  const pending = usePagedList<ServiceRecord>((cursor) => api.volunteers.hours({ query: { status: 'pending', cursor } }));
  const [busy, setBusy] = useState<string>();
  // The record being refused, and the reason the volunteer will read.
  const [refusing, setRefusing] = useState<string>();
  const [reason, setReason] = useState('');

  const decide = async (record: ServiceRecord, decision: 'approve' | 'refuse') => {
    const note = decision === 'refuse' ? reason.trim() || undefined : undefined;
    setBusy(record.id);
    setRefusing(undefined);
    setReason('');
    try {
      const { record: decided } = await api.volunteers.decideHours({
        params: { id: record.id },
        body: { decision, ...(note ? { note } : {}) },
      });
      // Hours of someone not yet certified earn their points once they are (pointsPending): say which happened.
      const title = decision === 'refuse' ? '已驳回' : decided.pointsPending ? '已通过，认证后发放积分' : '已通过，积分已发放';
      void Taro.showToast({ title, icon: decision === 'refuse' ? 'success' : 'none' });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(undefined);
      void pending.refresh();
    }
  };

  return (
    <View className='page review'>
      <PagedItems
        list={pending}
        empty={<EmptyView title='没有待审核的服务时长' />}
        row={(record) => (
          <View key={record.id} className='card review__record'>
            <Text className='review__who'>
              {record.nickname} · {hoursOf(record.minutes)} 小时（{pointsForMinutes(record.minutes)} 积分）
            </Text>
            <Text className='review__what'>{record.activityTitle ? `${record.activityTitle}：${record.note}` : record.note}</Text>
            <Text className='muted'>
              {SOURCE_LABELS[record.source]} · 服务日期 {formatDate(record.servedOn)} · 提交于 {formatDateTime(record.createdAt)}
            </Text>
            {refusing === record.id ? (
              <View className='review__actions'>
                <Input className='review__reason' placeholder='不通过的原因，如：当天无此活动' value={reason} onChange={setReason} />
                <Button size='small' type='danger' className='review__confirm-refuse' onClick={() => decide(record, 'refuse')}>
                  确认驳回
                </Button>
              </View>
            ) : (
              <View className='review__actions'>
                <Button
                  type='primary'
                  size='small'
                  loading={busy === record.id}
                  className='review__approve'
                  onClick={() => decide(record, 'approve')}
                >
                  通过
                </Button>
                <Button size='small' disabled={busy === record.id} className='review__refuse' onClick={() => setRefusing(record.id)}>
                  不通过
                </Button>
              </View>
            )}
          </View>
        )}
      />
    </View>
  );
}
