/** 积分 tab: the points card, the way to the rewards, and the ledger (newest first, page by page). */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { expiringText, hasAnyRole, Role, type LedgerEntry, type PointsResponse } from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import { Tabs } from '@/components/choice';
import PointsCard from '@/components/points-card/react';
import { SignInFirst } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button } from '@/ui';
import { largeTextClass, useLargeText } from '@/utils/large-text';
import { LedgerList } from './ledger-list';
import { PartyPoints } from './party';
import './index.scss';

const ACCOUNT_LABELS = { service: '服务积分', party: '党员积分' } as const;
const ACCOUNTS = Object.keys(ACCOUNT_LABELS) as Array<keyof typeof ACCOUNT_LABELS>;

export default function PointsPage() {
  const user = useCurrentUser();
  const large = useLargeText();
  const [account, setAccount] = useState<'service' | 'party'>('service');
  const [summary, setSummary] = useState<Pick<PointsResponse, 'balance' | 'stars' | 'approvedMinutes' | 'expiring'>>();
  const ledger = usePagedList<LedgerEntry>(
    async (cursor) => {
      if (!user) return { items: [], nextCursor: null };
      const page = await api.points.mine({ query: { cursor } });
      if (!cursor) setSummary(page);
      return { items: page.entries, nextCursor: page.nextCursor };
    },
    [user?.id],
  );

  if (!user) {
    return (
      <View className={`page points ${largeTextClass(large)}`}>
        <SignInFirst title='登录后查看积分' description='参加志愿服务，服务攒积分，积分兑换公益服务' />
      </View>
    );
  }

  const go = (url: string) => () => Taro.navigateTo({ url });
  const tabs = <Tabs block='points' options={ACCOUNTS} labels={ACCOUNT_LABELS} value={account} onChange={setAccount} />;
  if (account === 'party') {
    return (
      <View className={`page points ${largeTextClass(large)}`}>
        {tabs}
        <PartyPoints userId={user.id} branchId={user.branchId} />
      </View>
    );
  }
  return (
    <View className={`page points ${largeTextClass(large)}`}>
      {tabs}
      <PointsCard balance={summary?.balance ?? 0} stars={summary?.stars ?? 0} minutes={summary?.approvedMinutes ?? 0} />
      {summary?.expiring && (
        <Text className='points__expiring'>{expiringText(summary.expiring.points, summary.expiring.expiresOn)}（先获得的先过期）</Text>
      )}
      <View className='points__actions'>
        <Button type='primary' className='points__shop' onClick={go('/shop/rewards/index')}>
          积分兑换
        </Button>
        <Button onClick={go('/shop/redemptions/index')}>我的兑换</Button>
      </View>
      {hasAnyRole(user.roles, [Role.COORDINATOR]) && (
        <View className='points__actions'>
          <Button onClick={go('/shop/fulfil/index')}>兑换核销</Button>
          <Button onClick={go('/shop/manage/index')}>奖品管理</Button>
          <Button onClick={go('/shop/settings/index')}>积分规则</Button>
        </View>
      )}
      <LedgerList
        title='积分明细'
        ledger={ledger}
        empty={{ title: '暂无积分记录', description: '经审核的志愿服务时长将按每小时 10 积分计入' }}
      />
    </View>
  );
}
