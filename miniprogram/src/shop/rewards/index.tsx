/** The rewards catalogue (积分兑换回馈): public-class seats, services, small goods. */
import { View, Text } from '@tarojs/components';
import { REWARD_KIND_LABELS, type Reward } from '@hele/shared';
import { api } from '@/api';
import { LinkCard } from '@/components/card';
import { EmptyView, PagedItems } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Tag } from '@/ui';
import { rewardTerms, rewardWindow } from '../terms';
import './index.scss';

export default function RewardsPage() {
  const list = usePagedList<Reward>((cursor) => api.points.rewards({ query: { cursor } }));
  return (
    <View className='page rewards'>
      <PagedItems
        list={list}
        empty={<EmptyView title='暂无可兑换的回馈' />}
        row={(reward) => {
          const opensOrCloses = rewardWindow(reward);
          return (
            <LinkCard key={reward.id} className='rewards__item' id={reward.id} url={`/shop/reward/index?id=${reward.id}`}>
              <View className='rewards__head'>
                <Tag type='primary'>{REWARD_KIND_LABELS[reward.kind]}</Tag>
                <Text className='rewards__title'>{reward.title}</Text>
              </View>
              <View className='rewards__foot'>
                <Text className='rewards__cost'>{reward.cost} 积分</Text>
                <Text className='muted rewards__terms'>{rewardTerms(reward)}</Text>
              </View>
              {opensOrCloses && <Text className='muted rewards__window'>{opensOrCloses}</Text>}
            </LinkCard>
          );
        }}
      />
    </View>
  );
}
