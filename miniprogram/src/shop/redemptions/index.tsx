/** 我的兑换: each voucher with its QR code while it can be used; an unused one can be cancelled (refund). */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, type Redemption } from '@hele/shared';
import { api, newIdempotencyKey } from '@/api';
import { EmptyView, PagedItems } from '@/components/status-view';
import Voucher from '@/components/voucher/react';
import { useAction } from '@/hooks/use-action';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button } from '@/ui';
import './index.scss';

export default function MyRedemptionsPage() {
  const list = usePagedList<Redemption>((cursor) => api.points.myRedemptions({ query: { cursor } }));
  const { runConfirmed } = useAction();
  const cancel = (redemption: Redemption) =>
    runConfirmed({ title: '确认取消兑换？', content: `取消后 ${redemption.cost} 积分将退回。`, confirmText: '取消兑换' }, async () => {
      await api.points.cancelRedemption({ params: { id: redemption.id }, idempotencyKey: newIdempotencyKey() });
      void Taro.showToast({ title: '已取消，积分已退回', icon: 'none' });
      await list.refresh();
    });
  return (
    <View className='page my-redemptions'>
      <PagedItems
        list={list}
        empty={<EmptyView title='还没有兑换记录' description='去「积分兑换」看看' />}
        row={(redemption) => (
          <View key={redemption.id} className='my-redemptions__item' data-id={redemption.id}>
            <Voucher redemption={redemption} />
            <View className='my-redemptions__meta'>
              <Text className='muted'>
                {redemption.cost} 积分 · {formatDateTime(redemption.createdAt)}
              </Text>
              {redemption.status === 'issued' && (
                <Button size='small' className='my-redemptions__cancel' onClick={() => cancel(redemption)}>
                  取消兑换
                </Button>
              )}
            </View>
          </View>
        )}
      />
    </View>
  );
}
