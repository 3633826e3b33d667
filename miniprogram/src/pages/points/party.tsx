/**
 * 党员积分 on the 积分 tab: the party account, apart from service points: the year so far, this month
 * against the center's caps, the branch's ranking, and the ledger.
 */
import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import {
  PARTY_LEDGER_TYPE_LABELS,
  PARTY_POINT_KIND_LABELS,
  type LedgerEntry,
  type PartyPointsResponse,
  type PartyRanking,
} from '@hele/shared';
import { api } from '@/api';
import Card from '@/components/card';
import { usePagedList } from '@/hooks/use-paged-list';
import { LedgerList } from './ledger-list';

export function PartyPoints({ userId, branchId }: { userId: string; branchId?: string }) {
  const [summary, setSummary] = useState<Omit<PartyPointsResponse, 'entries' | 'nextCursor'>>();
  const [ranking, setRanking] = useState<PartyRanking>();
  const ledger = usePagedList<LedgerEntry>(
    async (cursor) => {
      const page = await api.points.myPartyPoints({ query: { cursor } });
      if (!cursor) setSummary(page);
      return { items: page.entries, nextCursor: page.nextCursor };
    },
    [userId],
  );
  useEffect(() => {
    if (!branchId) return;
    api.points.partyRanking({ params: { id: branchId }, query: {} }).then(setRanking, () => setRanking(undefined));
  }, [branchId]);

  const mine = ranking?.items.find((item) => item.userId === userId);
  return (
    <View className='party'>
      <View className='card party__card'>
        <Text className='party__label'>党员积分</Text>
        <Text className='party__balance'>{summary?.balance ?? 0}</Text>
        <Text className='muted'>
          {summary ? `${summary.year.year} 年累计 ${summary.year.total} 分` : ' '}
          {mine ? ` · 支部第 ${mine.rank} 名` : ''}
        </Text>
        {summary && !summary.partyMember && <Text className='muted'>党员积分仅计入党员（在 我的 › 编辑资料 中填写政治面貌）</Text>}
      </View>
      {summary && (
        <Card title='本月' className='party__month'>
          {summary.month.map((row) => (
            <View key={row.kind} className={`party__kind party__kind--${row.kind}`}>
              <Text>
                {PARTY_POINT_KIND_LABELS[row.kind]}（每次 {row.points} 分）
              </Text>
              <Text className='muted'>
                {row.earned}/{row.cap}
              </Text>
            </View>
          ))}
        </Card>
      )}
      {ranking && ranking.items.length > 0 && (
        <View className='card party__ranking'>
          <Text className='section-title'>支部排行 · {ranking.year} 年</Text>
          {ranking.items.slice(0, 10).map((item) => (
            <View key={item.userId} className={`party__rank ${item.userId === userId ? 'party__rank--me' : ''}`}>
              <Text>
                {item.rank}. {item.name}
              </Text>
              <Text>{item.total}</Text>
            </View>
          ))}
        </View>
      )}
      <LedgerList
        title='党员积分明细'
        ledger={ledger}
        empty={{ title: '暂无党员积分', description: '参加组织生活、完成学习资料、通过测验，按中心规则计分' }}
        typeLabels={PARTY_LEDGER_TYPE_LABELS}
      />
    </View>
  );
}
