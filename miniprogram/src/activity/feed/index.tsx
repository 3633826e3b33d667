/**
 * 现场动态: an activity's live feed. The pinned post on top, the key-moment timeline, then posts
 * newest first with likes and comments. New posts arrive over the socket (or by polling when it is
 * down); a reader who has scrolled down gets a 「有 N 条新动态」 bar instead of a jump. Coordinators
 * and reporters write here too: post, pin, mark key moments, edit, delete.
 */
import { View, Text, Textarea, Switch } from '@tarojs/components';
import Taro, { usePageScroll, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  FEED_STATE_LABELS,
  formatDateTime,
  mergeChanges,
  POST_TEXT_MAX,
  REVIEW_LABELS,
  type FeedPage as FeedPageData,
  type Post,
  type PostChange,
} from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import Card from '@/components/card';
import { EmptyView, ErrorView, ListFoot, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useFeedLive } from '@/hooks/use-feed-live';
import { Button, Tag } from '@/ui';
import { confirmAction, showError } from '@/utils/feedback';
import { useRouteParam } from '@/utils/navigation';
import { largeTextClass, useLargeText } from '@/utils/large-text';
import { Comments } from './comments';
import { PhotoGrid, PhotoPicker, usePhotoPicker } from './photos';
import { Moderation } from './moderation';
import { PublicSwitch, ReportPanel } from './publicity';
import { Reporters } from './reporters';
import './index.scss';

/** Below this scroll position a reader sees new posts at once; further down they wait behind the bar. */
const TOP_ZONE_PX = 240;
const STATE_TAGS = { upcoming: 'default', live: 'danger', ended: 'default' } as const;

function Composer({ activityId, onPosted }: { activityId: string; onPosted: (post: Post) => void }) {
  const [text, setText] = useState('');
  const [keyMoment, setKeyMoment] = useState(false);
  const photos = usePhotoPicker(activityId);
  const { busy, run } = useAction();
  const submit = () =>
    run(async () => {
      const { post } = await api.feed.post({
        params: { id: activityId },
        body: { text: text.trim(), ...(photos.keys.length ? { images: photos.keys } : {}), ...(keyMoment ? { keyMoment } : {}) },
      });
      setText('');
      setKeyMoment(false);
      photos.clear();
      onPosted(post);
    });
  return (
    <View className='card feed__composer'>
      <Textarea
        className='text-box feed__input'
        value={text}
        maxlength={POST_TEXT_MAX}
        placeholder='报道现场：发言、讨论、成果…'
        onInput={(e) => setText(e.detail.value)}
      />
      <PhotoPicker picker={photos} />
      <View className='feed__composer-row'>
        <View className='feed__key-switch'>
          <Switch checked={keyMoment} color='#c8161d' onChange={(e) => setKeyMoment(e.detail.value)} />
          <Text>关键时刻</Text>
        </View>
        <Text className='muted'>
          {text.length}/{POST_TEXT_MAX}
        </Text>
        <Button
          type='primary'
          size='small'
          loading={busy || photos.uploading}
          disabled={!text.trim() || photos.uploading}
          className='feed__publish'
          onClick={submit}
        >
          {photos.uploading ? '上传中' : '发布'}
        </Button>
      </View>
    </View>
  );
}

export default function LiveFeedPage() {
  const activityId = useRouteParam('id') ?? '';
  const user = useCurrentUser();
  const large = useLargeText();
  const [page, setPage] = useState<Omit<FeedPageData, 'items' | 'pinned' | 'keyMoments'>>();
  const [posts, setPosts] = useState<Post[]>([]);
  const [held, setHeld] = useState<PostChange[]>([]);
  const [error, setError] = useState<unknown>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [open, setOpen] = useState<string>();
  const [editing, setEditing] = useState<{ id: string; text: string }>();
  const [naming, setNaming] = useState(false);
  const [moderating, setModerating] = useState(false);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [reporting, setReporting] = useState(false);
  const cursor = useRef<string | null>(null);
  const scrollTop = useRef(0);
  const tombstones = useRef(new Map<string, string>());
  const known = useRef(new Set<string>());

  const merge = useCallback((changes: PostChange[]) => {
    setPosts((current) => {
      // Pushed posts are the same for every reader: the reader's own heart is kept from what they hold.
      const liked = new Map(current.map((post) => [post.id, post.likedByMe]));
      const own = changes.map((change) =>
        'deleted' in change || change.likedByMe !== undefined ? change : { ...change, likedByMe: liked.get(change.id) ?? false },
      );
      const next = mergeChanges<Post>(current, own, tombstones.current);
      known.current = new Set(next.map((post) => post.id));
      return next;
    });
  }, []);

  const load = useCallback(async () => {
    setError(undefined);
    try {
      const first = await api.feed.page({ params: { id: activityId } });
      const { items, pinned, keyMoments, ...rest } = first;
      cursor.current = first.nextCursor;
      setPage(rest);
      merge([...(pinned ? [pinned] : []), ...keyMoments, ...items]);
    } catch (caught) {
      setError(caught);
    }
  }, [activityId, merge]);

  useEffect(() => {
    if (user) void load();
  }, [load, user?.id]);

  usePageScroll(({ scrollTop: top }) => {
    scrollTop.current = top;
  });
  useReachBottom(async () => {
    if (!cursor.current || loadingMore) return;
    setLoadingMore(true);
    try {
      const next = await api.feed.page({ params: { id: activityId }, query: { cursor: cursor.current } });
      cursor.current = next.nextCursor;
      merge(next.items);
    } catch (caught) {
      showError(caught);
    } finally {
      setLoadingMore(false);
    }
  });

  useFeedLive(
    activityId,
    page?.latestRev,
    {
      // New posts wait behind the bar while the reader is further down; edits and deletes apply at once.
      onChanges: (changes) => {
        const fresh = changes.filter((change) => !('deleted' in change) && !known.current.has(change.id));
        const rest = changes.filter((change) => !fresh.includes(change));
        // Held per post: a new post edited while it waits is still one new post.
        if (scrollTop.current > TOP_ZONE_PX && fresh.length)
          setHeld((current) => [...current.filter((held) => !fresh.some((change) => change.id === held.id)), ...fresh]);
        else merge(fresh);
        merge(rest);
      },
      onLikes: (postId, likeCount) => setPosts((current) => current.map((post) => (post.id === postId ? { ...post, likeCount } : post))),
    },
    !!user && !!page,
  );

  const showHeld = () => {
    merge(held);
    setHeld([]);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };

  const act = async (action: () => Promise<{ post: Post } | unknown>) => {
    try {
      const result = await action();
      if (result && typeof result === 'object' && 'post' in result) merge([(result as { post: Post }).post]);
    } catch (caught) {
      showError(caught);
    }
  };
  const like = (post: Post) =>
    act(async () => {
      const liked = !post.likedByMe;
      const reply = await (liked ? api.feed.like : api.feed.unlike)({ params: { id: activityId, postId: post.id } });
      setPosts((current) =>
        current.map((item) => (item.id === post.id ? { ...item, likedByMe: liked, likeCount: reply.likeCount } : item)),
      );
    });
  const remove = async (post: Post) => {
    const go = await confirmAction({ title: '确认删除这条动态？', content: '删除后所有人都看不到它。', confirmText: '删除', danger: true });
    if (go) await act(async () => merge([await api.feed.remove({ params: { id: activityId, postId: post.id } })]));
  };
  const saveEdit = () =>
    editing &&
    act(async () => {
      const reply = await api.feed.update({ params: { id: activityId, postId: editing.id }, body: { text: editing.text.trim() } });
      setEditing(undefined);
      return reply;
    });

  if (!user) return <EmptyView title='登录后查看现场动态' />;
  if (error !== undefined && !page) return <ErrorView error={error} onRetry={load} />;
  if (!page) return <LoadingView />;

  const pinned = posts.find((post) => post.pinned);
  const keyMoments = posts.filter((post) => post.keyMoment).slice(0, 10);
  const stream = posts.filter((post) => !post.pinned && (!onlyFlagged || post.review !== 'passed'));
  const mine = (post: Post) => page.mayPost && (post.authorId === user.id || user.roles.includes('coordinator'));

  const renderPost = (post: Post) => (
    <View key={post.id} className={`card feed__post ${post.pinned ? 'feed__post--pinned' : ''}`} data-id={post.id}>
      <View className='feed__meta'>
        <Text className='feed__author'>{post.authorName}</Text>
        <Text className='muted'>{formatDateTime(post.createdAt)}</Text>
        {post.pinned && <Tag type='danger'>置顶</Tag>}
        {post.keyMoment && <Tag type='warning'>关键时刻</Tag>}
        {post.edited && <Text className='muted'>已编辑</Text>}
        {post.review !== 'passed' && (
          <Tag type={post.review === 'rejected' ? 'danger' : 'default'} className='feed__review'>
            {REVIEW_LABELS[post.review]}
          </Tag>
        )}
      </View>
      {post.review === 'pending' && <Text className='feed__review-note muted'>图片审核通过后，其他人才能看到这条动态</Text>}
      {post.review === 'rejected' && (
        <Text className='feed__review-note'>{post.reviewNote ?? '图片未通过安全审核'}，其他人看不到这条动态</Text>
      )}
      {editing?.id === post.id ? (
        <View>
          <Textarea
            className='text-box feed__input'
            value={editing.text}
            maxlength={POST_TEXT_MAX}
            onInput={(e) => setEditing({ id: post.id, text: e.detail.value })}
          />
          <View className='feed__tools'>
            <Button size='small' type='primary' className='feed__save' onClick={saveEdit}>
              保存
            </Button>
            <Button size='small' onClick={() => setEditing(undefined)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <Text className='feed__text' userSelect>
          {post.text}
        </Text>
      )}
      <PhotoGrid images={post.images} />
      <View className='feed__actions'>
        <Text className={`feed__like ${post.likedByMe ? 'feed__like--on' : ''}`} onClick={() => like(post)}>
          {post.likedByMe ? '♥' : '♡'} {post.likeCount}
        </Text>
        <Text className='feed__comment-toggle' onClick={() => setOpen(open === post.id ? undefined : post.id)}>
          评论 {post.commentCount}
        </Text>
      </View>
      {mine(post) && editing?.id !== post.id && (
        <View className='feed__tools'>
          <Text
            className='feed__tool'
            onClick={() => act(() => api.feed.pin({ params: { id: activityId, postId: post.id }, body: { pinned: !post.pinned } }))}
          >
            {post.pinned ? '取消置顶' : '置顶'}
          </Text>
          <Text
            className='feed__tool'
            onClick={() =>
              act(() => api.feed.update({ params: { id: activityId, postId: post.id }, body: { keyMoment: !post.keyMoment } }))
            }
          >
            {post.keyMoment ? '取消关键时刻' : '设为关键时刻'}
          </Text>
          <Text className='feed__tool' onClick={() => setEditing({ id: post.id, text: post.text })}>
            编辑
          </Text>
          <Text className='feed__tool feed__tool--danger' onClick={() => remove(post)}>
            删除
          </Text>
        </View>
      )}
      {open === post.id && (
        <Comments
          activityId={activityId}
          postId={post.id}
          moderator={user.roles.includes('coordinator')}
          onMuted={(muted) => page.muted && setPage({ ...page, muted: [...page.muted.filter((other) => other.id !== muted.id), muted] })}
        />
      )}
    </View>
  );

  return (
    <View className={`page feed ${largeTextClass(large)}`}>
      {held.length > 0 && (
        <View className='feed__new-bar' onClick={showHeld}>
          有 {held.length} 条新动态
        </View>
      )}
      <View className='feed__head'>
        <Tag type={STATE_TAGS[page.state]} className='feed__state'>
          {FEED_STATE_LABELS[page.state]}
        </Tag>
        <Text className='muted'>动态实时更新，无需刷新</Text>
        {page.reporters && (
          <Text className='feed__tool feed__name-reporters' onClick={() => setNaming(!naming)}>
            报道员（{page.reporters.length}）
          </Text>
        )}
        {page.muted && (
          <Text className='feed__tool feed__moderate' onClick={() => setModerating(!moderating)}>
            管理
          </Text>
        )}
        {page.publicFeed !== undefined && (
          <Text className='feed__tool feed__make-report' onClick={() => setReporting(!reporting)}>
            生成报道
          </Text>
        )}
      </View>
      {page.publicFeed !== undefined && (
        <PublicSwitch
          activityId={activityId}
          on={page.publicFeed}
          url={page.publicUrl}
          onChange={(publicFeed) => setPage({ ...page, publicFeed })}
        />
      )}
      {reporting && <ReportPanel activityId={activityId} posts={posts} />}
      {moderating && page.muted && (
        <Moderation
          activityId={activityId}
          muted={page.muted}
          onMutedChange={(muted) => setPage({ ...page, muted })}
          counts={{
            pending: posts.filter((post) => post.review === 'pending').length,
            rejected: posts.filter((post) => post.review === 'rejected').length,
          }}
          onlyFlagged={onlyFlagged}
          onOnlyFlaggedChange={setOnlyFlagged}
        />
      )}
      {naming && page.reporters && (
        <Reporters
          activityId={activityId}
          current={page.reporters}
          onSaved={(reporters) => {
            setPage({ ...page, reporters });
            setNaming(false);
          }}
        />
      )}
      {page.mayPost && page.state !== 'ended' && <Composer activityId={activityId} onPosted={(post) => merge([post])} />}
      {keyMoments.length > 0 && (
        <Card title='关键时刻' className='feed__timeline'>
          {keyMoments.map((post) => (
            <View key={post.id} className='feed__moment'>
              <Text className='feed__moment-time'>{formatDateTime(post.createdAt).split(' ').at(-1)}</Text>
              <Text className='feed__moment-text'>{post.text.slice(0, 40)}</Text>
            </View>
          ))}
        </Card>
      )}
      {pinned && renderPost(pinned)}
      {stream.length === 0 && !pinned ? (
        <EmptyView title='还没有动态' description={page.state === 'upcoming' ? '活动开始后，社工会在这里直播现场' : undefined} />
      ) : (
        stream.map(renderPost)
      )}
      <ListFoot loading={loadingMore} done={!cursor.current} count={posts.length} />
    </View>
  );
}
