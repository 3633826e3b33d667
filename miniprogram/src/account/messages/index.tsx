/** 我的 › 消息: reminders, cancellations and waitlist promotions, newest first. */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, type Message } from '@hele/shared';
import { api } from '@/api';
import { EmptyView, PagedItems } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import './index.scss';

export default function MessagesPage() {
  const list = usePagedList<Message>((cursor) => api.notifications.messages({ query: { cursor } }));
  return (
    <View className='page messages'>
      <PagedItems
        list={list}
        empty={<EmptyView title='暂无消息' description='活动提醒、候补结果和活动变更会出现在这里' />}
        row={(message) => (
          <View
            key={message.id}
            className={`card messages__item messages__item--${message.kind}`}
            onClick={() => message.activityId && Taro.navigateTo({ url: `/activity/detail/index?id=${message.activityId}` })}
          >
            <Text className='messages__title'>{message.title}</Text>
            <Text className='messages__body'>{message.body}</Text>
            <Text className='muted'>{formatDateTime(message.createdAt)}</Text>
          </View>
        )}
      />
    </View>
  );
}
