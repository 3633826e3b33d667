/** One reward: what it is, what it costs, and the confirmation before points are spent. */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { REWARD_KIND_LABELS, type Reward, rewardAvailability } from '@hele/shared';
import { api, newIdempotencyKey } from '@/api';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useResource } from '@/hooks/use-resource';
import { Button, Tag } from '@/ui';
import { confirmAction, showError, toastOnNextPage } from '@/utils/feedback';
import { useRouteParam } from '@/utils/navigation';
import { rewardTerms, rewardWindow } from '../terms';
import './index.scss';

/** What stops the member redeeming now, as the button says it; in the order the server refuses (rewardAvailability, then its transaction). */
const whatStops = (reward: Reward, { redeemedByMe, balance }: { redeemedByMe: number; balance: number }): string | undefined => {
  const available = rewardAvailability(reward, new Date());
  if (!available.ok) return available.code === 'OUT_OF_STOCK' ? '已兑完' : '暂不可兑换';
  if (redeemedByMe >= reward.perUserLimit) return '已达兑换上限';
  if (balance < reward.cost) return '积分不足';
  return undefined;
};

export default function RewardPage() {
  const id = useRouteParam('id') ?? '';
  const [busy, setBusy] = useState(false);
  const page = useResource(async () => {
    const [{ reward, redeemedByMe }, points] = await Promise.all([
      api.points.reward({ params: { id } }),
      api.points.mine({ query: { limit: 1 } }),
    ]);
    return { reward, redeemedByMe, balance: points.balance };
  }, [id]);

  if (page.error !== undefined && !page.data) return <ErrorView error={page.error} onRetry={page.reload} />;
  if (!page.data) return <LoadingView />;
  const { reward, redeemedByMe, balance } = page.data;

  const redeem = async () => {
    const go = await confirmAction({
      title: '确认兑换？',
      content: `用 ${reward.cost} 积分兑换「${reward.title}」。`,
      confirmText: '兑换',
    });
    if (!go || busy) return;
    setBusy(true);
    try {
      // One key for this confirmed tap: a retried request never spends twice.
      const { balance: after } = await api.points.redeem({ body: { rewardId: reward.id }, idempotencyKey: newIdempotencyKey() });
      page.setData({ reward, redeemedByMe: redeemedByMe + 1, balance: after });
      toastOnNextPage({ title: '兑换成功', icon: 'success' });
      await Taro.redirectTo({ url: '/shop/redemptions/index' });
    } catch (caught) {
      showError(caught);
      await page.reload();
    } finally {
      setBusy(false);
    }
  };

  const blocker = whatStops(reward, { redeemedByMe, balance });
  return (
    <View className='page reward'>
      <View className='card'>
        <Tag type='primary'>{REWARD_KIND_LABELS[reward.kind]}</Tag>
        <Text className='reward__title'>{reward.title}</Text>
        {reward.description && <Text className='reward__description'>{reward.description}</Text>}
        <Text className='reward__cost'>{reward.cost} 积分</Text>
        <Text className='muted reward__terms'>{[rewardTerms(reward), rewardWindow(reward)].filter(Boolean).join(' · ')}</Text>
        {redeemedByMe > 0 && <Text className='muted reward__mine'>你已兑换 {redeemedByMe} 份</Text>}
      </View>
      <Text className='reward__balance'>我的积分：{balance}</Text>
      <Button block type='primary' loading={busy} disabled={blocker !== undefined} className='reward__redeem' onClick={redeem}>
        {blocker ?? '立即兑换'}
      </Button>
    </View>
  );
}
