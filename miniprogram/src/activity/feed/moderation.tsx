/** The coordinator's moderation view of one feed: who is muted (and lifting it), and the posts waiting for or refused by the photo check. */
import { View, Text, Switch } from '@tarojs/components';
import type { FeedPage } from '@hele/shared';
import { api } from '@/api';
import Card from '@/components/card';
import { showError } from '@/utils/feedback';

export interface ModerationProps {
  activityId: string;
  muted: NonNullable<FeedPage['muted']>;
  onMutedChange: (muted: NonNullable<FeedPage['muted']>) => void;
  counts: { pending: number; rejected: number };
  onlyFlagged: boolean;
  onOnlyFlaggedChange: (only: boolean) => void;
}

export function Moderation({ activityId, muted, onMutedChange, counts, onlyFlagged, onOnlyFlaggedChange }: ModerationProps) {
  const unmute = async (userId: string) => {
    try {
      await api.feed.mute({ params: { id: activityId }, body: { userId, muted: false } });
      onMutedChange(muted.filter((user) => user.id !== userId));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Card title='审核与管理' className='feed__moderation'>
      <View className='feed__moderation-row'>
        <Text>
          审核中 {counts.pending} 条 · 未通过 {counts.rejected} 条
        </Text>
        <View className='feed__key-switch'>
          <Switch
            className='feed__only-flagged'
            checked={onlyFlagged}
            color='#c8161d'
            onChange={(e) => onOnlyFlaggedChange(e.detail.value)}
          />
          <Text>只看待处理</Text>
        </View>
      </View>
      <Text className='feed__moderation-label muted'>禁言名单（不能在本场动态下评论）</Text>
      {muted.length === 0 && <Text className='muted'>无</Text>}
      {muted.map((user) => (
        <View key={user.id} className='feed__moderation-row feed__muted-user'>
          <Text>{user.nickname}</Text>
          <Text className='feed__tool feed__unmute' onClick={() => unmute(user.id)}>
            解除禁言
          </Text>
        </View>
      ))}
    </Card>
  );
}
