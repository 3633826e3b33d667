/** A post's comments: read, write (through the content check), and for coordinators, hide a comment or mute its author on this feed. */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Comment } from '@hele/shared';
import { api } from '@/api';
import { Button, Input } from '@/ui';
import { useAction } from '@/hooks/use-action';
import { confirmAction, showError } from '@/utils/feedback';

export interface CommentsProps {
  activityId: string;
  postId: string;
  moderator: boolean;
  /** A coordinator muted a commenter (the moderation view lists them). */
  onMuted?: (user: { id: string; nickname: string }) => void;
}

export function Comments({ activityId, postId, moderator, onMuted }: CommentsProps) {
  const [comments, setComments] = useState<Comment[]>([]);
  const [text, setText] = useState('');
  const { busy, run } = useAction();
  const load = () =>
    api.feed.comments({ params: { id: activityId, postId }, query: { limit: 100 } }).then(({ items }) => setComments(items), showError);
  useEffect(() => {
    void load();
  }, [postId]);
  const send = () =>
    run(async () => {
      const { comment } = await api.feed.comment({ params: { id: activityId, postId }, body: { text: text.trim() } });
      setComments((current) => [...current, comment]);
      setText('');
    });
  const mute = async (comment: Comment) => {
    const go = await confirmAction({
      title: `确认禁言 ${comment.authorName}？`,
      content: '禁言后对方将不能在本场动态下评论。',
      confirmText: '禁言',
      danger: true,
    });
    if (!go) return;
    try {
      await api.feed.mute({ params: { id: activityId }, body: { userId: comment.authorId, muted: true } });
      onMuted?.({ id: comment.authorId, nickname: comment.authorName });
      void Taro.showToast({ title: '已禁言', icon: 'none' });
    } catch (error) {
      showError(error);
    }
  };
  const hide = async (comment: Comment) => {
    try {
      await api.feed.hideComment({ params: { id: activityId, postId, commentId: comment.id } });
      await load();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <View className='feed__comments'>
      {comments.map((comment) => (
        <View key={comment.id} className={`feed__comment ${comment.hidden ? 'feed__comment--hidden' : ''}`}>
          <Text className='feed__comment-author'>{comment.authorName}：</Text>
          <Text>{comment.text}</Text>
          {comment.hidden && <Text className='muted'>（已隐藏）</Text>}
          {moderator && !comment.hidden && (
            <Text className='feed__tool feed__hide' onClick={() => hide(comment)}>
              隐藏
            </Text>
          )}
          {moderator && (
            <Text className='feed__tool feed__mute' onClick={() => mute(comment)}>
              禁言
            </Text>
          )}
        </View>
      ))}
      <View className='feed__comment-form'>
        <Input className='feed__comment-input' placeholder='说点什么…' maxLength={500} value={text} onChange={setText} />
        <Button size='small' type='primary' loading={busy} disabled={!text.trim()} className='feed__comment-send' onClick={send}>
          发送
        </Button>
      </View>
    </View>
  );
}
