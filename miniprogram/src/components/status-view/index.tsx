/** Loading, error (with 重试) and empty states, the same on every list and detail page. */
import { View, Text } from '@tarojs/components';
import { errorMessage } from '@/utils/feedback';
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

/** Nothing to show yet: NutUI's empty state with a picture of its own (NutUI's default is an image on a third party's CDN). */
export function EmptyView({ title, description }: { title: string; description?: string }) {
  return (
    <Empty
      className='status-view status-view--empty'
      image={<View className='status-view__empty-art' />}
      imageSize={64}
      title={title}
      description={description}
    />
  );
}

/** The foot of a paged list: loading more, the end, or nothing. */
export function ListFoot({ loading, done, count }: { loading: boolean; done: boolean; count: number }) {
  if (loading) return <LoadingView />;
  if (done && count > 0) return <View className='status-view__end muted'>没有更多了</View>;
  return null;
}
