/** Pending leave requests the caller may decide (a secretary: their branch; a coordinator: all). */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, type Leave } from '@hele/shared';
import { api } from '@/api';
import { EmptyView, PagedItems } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button } from '@/ui';
import './index.scss';

export default function LeaveApprovalsPage() {
  const list = usePagedList<Leave>((cursor) => api.attendance.leaveRequests({ query: { cursor } }));
  const { run } = useAction();
  const decide = (leave: Leave, decision: 'approve' | 'refuse') =>
    run(async () => {
      await api.attendance.decideLeave({ params: { id: leave.activityId, userId: leave.userId }, body: { decision } });
      void Taro.showToast({ title: decision === 'approve' ? '已批准' : '已驳回', icon: 'success' });
      await list.refresh();
    });
  return (
    <View className='page leaves'>
      <PagedItems
        list={list}
        empty={<EmptyView title='没有待审批的请假' />}
        row={(leave) => (
          <View key={`${leave.activityId}-${leave.userId}`} className='card leaves__item'>
            <Text className='leaves__who'>{leave.nickname}</Text>
            <Text className='muted'>
              {leave.activity?.title ?? leave.activityId}
              {leave.activity ? ` · ${formatDateTime(leave.activity.startsAt)}` : ''}
            </Text>
            <Text className='leaves__reason'>原因：{leave.reason}</Text>
            <View className='leaves__actions'>
              <Button size='small' onClick={() => decide(leave, 'refuse')}>
                驳回
              </Button>
              <Button size='small' type='primary' onClick={() => decide(leave, 'approve')}>
                批准
              </Button>
            </View>
          </View>
        )}
      />
    </View>
  );
}
