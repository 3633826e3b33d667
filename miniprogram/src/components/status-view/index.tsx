/** Loading, error (with 重试) and empty states, the same on every list and detail page. */
import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PagedList } from '@/hooks/use-paged-list';
import { errorMessage } from '@/utils/feedback';
import { goToSignIn } from '@/utils/navigation';
import { Button, Empty } from '@/ui';
import './index.scss';

export function LoadingView({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='status-view status-view--loading'>
      <Text className='muted'>{text}</Text>
    </View>
  );
}

export function ErrorView({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <View className='status-view status-view--error'>
      <Text className='status-view__message'>{errorMessage(error)}</Text>
      <Button size='small' onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

export function EmptyView({ title, description }: { title: string; description?: string }) {
  return <Empty className='status-view status-view--empty' title={title} description={description} />;
}

/** A page of one's own (活动, 积分) before signing in: what it will show, and 登录. */
export function SignInFirst({ title, description }: { title: string; description: string }) {
  return (
    <>
      <EmptyView title={title} description={description} />
      <Button block type='primary' onClick={() => goToSignIn()}>
        登录
      </Button>
    </>
  );
}

/** The foot of a paged list: loading more, the end, or nothing. */
export function ListFoot({ loading, done, count }: { loading: boolean; done: boolean; count: number }) {
  if (loading) return <LoadingView />;
  if (done && count > 0) return <View className='status-view__end muted'>没有更多了</View>;
  return null;
}

/**
 * A paged list (hooks/use-paged-list) as every list page shows it: the error with 重试 while nothing is
 * shown, `empty` once the list is known to be empty, else each item as `row` draws it; then the foot.
 * `items` when the page shows the list's items otherwise (sorted, say).
 */
export function PagedItems<T>({
  list,
  empty,
  items = list.items,
  row,
}: {
  list: PagedList<T>;
  empty: ReactNode;
  items?: T[];
  row: (item: T, index: number) => ReactNode;
}) {
  return (
    <>
      {list.error !== undefined && items.length === 0 ? (
        <ErrorView error={list.error} onRetry={list.refresh} />
      ) : items.length === 0 && !list.loading ? (
        empty
      ) : (
        items.map((item, index) => row(item, index))
      )}
      <ListFoot loading={list.loading} done={list.done} count={items.length} />
    </>
  );
}
