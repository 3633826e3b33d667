/** One account's entries on the ledger, newest first and paged: the service points' and the 党员积分's alike. */
import { View, Text } from '@tarojs/components';
import { formatDateTime, LEDGER_TYPE_LABELS, type LedgerEntry, type LedgerType } from '@hele/shared';
import { EmptyView, PagedItems } from '@/components/status-view';
import type { usePagedList } from '@/hooks/use-paged-list';

export function LedgerList({
  title,
  ledger,
  empty,
  typeLabels = LEDGER_TYPE_LABELS,
}: {
  title: string;
  ledger: ReturnType<typeof usePagedList<LedgerEntry>>;
  /** What an empty account says: its title, and how points are earned. */
  empty: { title: string; description: string };
  /** How each kind of entry is named on this account. */
  typeLabels?: Record<LedgerType, string>;
}) {
  return (
    <>
      <Text className='section-title'>{title}</Text>
      <PagedItems
        list={ledger}
        empty={<EmptyView title={empty.title} description={empty.description} />}
        row={(entry) => (
          <View key={entry.id} className='card points__entry'>
            <View className='points__entry-main'>
              <Text className='points__reason'>{entry.reason}</Text>
              <Text className='muted'>
                {typeLabels[entry.type]} · {formatDateTime(entry.createdAt)}
              </Text>
            </View>
            <View className='points__entry-side'>
              <Text className={`points__amount ${entry.amount > 0 ? 'points__amount--plus' : ''}`}>
                {entry.amount > 0 ? `+${entry.amount}` : entry.amount}
              </Text>
              <Text className='muted'>余 {entry.balanceAfter}</Text>
            </View>
          </View>
        )}
      />
    </>
  );
}
