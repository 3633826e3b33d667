/**
 * 公开直播 (public, no sign-in): a meeting's live feed as anyone may read it once a coordinator made it
 * public: the key moments, then the approved posts and photos, each by 工作人员 or the center, never by
 * name. While the meeting runs the page asks again every few seconds (the socket is for signed-in
 * readers). Shared to a chat or 朋友圈 on WeChat; in a browser, its link and an iframe code are copied
 * from the page, and `&embed=1` shows it bare, for another site's iframe.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CENTER_NAME,
  FEED_STATE_LABELS,
  formatDateTime,
  formatRange,
  PUBLIC_FEED_PAGE,
  PUBLIC_FEED_POLL_MS,
  type PublicFeed,
  type PublicPost,
} from '@hele/shared';
import { api, ApiError } from '@/api';
import Card from '@/components/card';
import { EmptyView, ErrorView, ListFoot, LoadingView } from '@/components/status-view';
import { Button, Tag } from '@/ui';
import { showError } from '@/utils/feedback';
import { useRouteParam } from '@/utils/navigation';
import { PhotoGrid } from '../feed/photos';
import '../feed/index.scss';
import './index.scss';

/** Photo links are good for an hour: a post keeps the links it has for this long, so its photos do not load again at every poll. */
const KEEP_LINKS_MS = 30 * 60_000;
const STATE_TAGS = { upcoming: 'default', live: 'danger', ended: 'default' } as const;

/** The page's address in the browser, for others to open (without `embed`) or to put in an iframe (with it). */
const browserLink = (id: string, embed: boolean) =>
  `${window.location.origin}${window.location.pathname}#${PUBLIC_FEED_PAGE}?id=${id}${embed ? '&embed=1' : ''}`;

function ShareBox({ id, title }: { id: string; title: string }) {
  if (process.env.TARO_ENV !== 'h5') {
    return (
      <View className='card live__share'>
        <Text className='muted'>点右上角「···」转发给好友或分享到朋友圈，无需登录即可观看。</Text>
      </View>
    );
  }
  const link = browserLink(id, false);
  const iframe = `<iframe src="${browserLink(id, true)}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="640" style="border:0"></iframe>`;
  const copy = (data: string, what: string) =>
    Taro.setClipboardData({ data }).then(() => Taro.showToast({ title: `${what}已复制`, icon: 'none' }), showError);
  return (
    <Card title='分享直播' className='live__share'>
      <Text className='live__link' userSelect>
        {link}
      </Text>
      <View className='live__share-actions'>
        <Button size='small' type='primary' className='live__copy-link' onClick={() => copy(link, '链接')}>
          复制链接
        </Button>
        <Button size='small' className='live__copy-embed' onClick={() => copy(iframe, '嵌入代码')}>
          复制嵌入代码
        </Button>
      </View>
    </Card>
  );
}

function PublicPostCard({ post }: { post: PublicPost }) {
  return (
    <View className={`card feed__post live__post ${post.pinned ? 'feed__post--pinned' : ''}`} data-id={post.id}>
      <View className='feed__meta'>
        <Text className='feed__author live__byline'>{post.byline}</Text>
        <Text className='muted'>{formatDateTime(post.createdAt)}</Text>
        {post.pinned && <Tag type='danger'>置顶</Tag>}
        {post.keyMoment && <Tag type='warning'>关键时刻</Tag>}
      </View>
      <Text className='feed__text' userSelect>
        {post.text}
      </Text>
      <PhotoGrid images={post.images} />
    </View>
  );
}

export default function PublicLivePage() {
  const id = useRouteParam('id') ?? '';
  const embed = useRouteParam('embed') === '1';
  const [feed, setFeed] = useState<PublicFeed>();
  const [older, setOlder] = useState<PublicPost[]>([]);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>();
  const [loadingMore, setLoadingMore] = useState(false);
  const cursor = useRef<string | null | undefined>(undefined);
  const held = useRef(new Map<string, { post: PublicPost; at: number }>());

  /** The same post as before keeps its photo links (fresh ones every poll would load every photo again). */
  const steady = useCallback((post: PublicPost): PublicPost => {
    const before = held.current.get(post.id);
    const now = Date.now();
    if (before && now - before.at < KEEP_LINKS_MS && before.post.images.length === post.images.length) {
      const kept = { ...post, images: before.post.images };
      held.current.set(post.id, { post: kept, at: before.at });
      return kept;
    }
    held.current.set(post.id, { post, at: now });
    return post;
  }, []);

  const load = useCallback(async () => {
    try {
      const first = await api.feed.publicFeed({ params: { id } });
      setFeed({
        ...first,
        pinned: first.pinned && steady(first.pinned),
        keyMoments: first.keyMoments.map(steady),
        items: first.items.map(steady),
      });
      if (cursor.current === undefined) cursor.current = first.nextCursor;
      setMissing(false);
      setError(undefined);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) setMissing(true);
      else setError(caught);
    }
  }, [id, steady]);

  useEffect(() => {
    void load();
  }, [load]);

  // While the meeting runs (or is about to), the page asks again every few seconds.
  const ended = feed?.state === 'ended';
  useEffect(() => {
    if (missing || ended) return undefined;
    const timer = setInterval(() => void load(), PUBLIC_FEED_POLL_MS);
    return () => clearInterval(timer);
  }, [load, missing, ended]);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !embed) return undefined;
    // Bare for an iframe: no tab bar or page chrome around the feed.
    document.documentElement.classList.add('hele-embed');
    return () => document.documentElement.classList.remove('hele-embed');
  }, [embed]);
  useEffect(() => {
    if (feed) void Taro.setNavigationBarTitle({ title: `直播｜${feed.activity.title}` }).catch(() => undefined);
  }, [feed?.activity.title]);

  useReachBottom(async () => {
    if (!cursor.current || loadingMore) return;
    setLoadingMore(true);
    try {
      const next = await api.feed.publicFeed({ params: { id }, query: { cursor: cursor.current } });
      cursor.current = next.nextCursor;
      setOlder((current) => [...current, ...next.items]);
    } catch (caught) {
      showError(caught);
    } finally {
      setLoadingMore(false);
    }
  });

  const shareTitle = feed ? `直播｜${feed.activity.title}` : `${CENTER_NAME} · 公开直播`;
  useShareAppMessage(() => ({ title: shareTitle, path: `${PUBLIC_FEED_PAGE}?id=${id}` }));
  useShareTimeline(() => ({ title: shareTitle, query: `id=${id}` }));

  const pageClass = `page live ${embed ? 'live--embed' : ''}`;
  if (missing)
    return (
      <View className={pageClass}>
        <EmptyView title='该直播未公开或不存在' description='直播由活动组织方公开后，才能在这里观看。' />
      </View>
    );
  if (error !== undefined && !feed) return <ErrorView error={error} onRetry={load} />;
  if (!feed) return <LoadingView />;

  // Posts of the first page as just asked, then older pages loaded while scrolling (those the first page no longer reaches).
  const firstIds = new Set(feed.items.map((post) => post.id));
  const oldestFirst = feed.items.at(-1)?.id;
  const stream = [...feed.items, ...older.filter((post) => !firstIds.has(post.id) && (!oldestFirst || post.id < oldestFirst))];
  const { activity } = feed;

  return (
    <View className={pageClass}>
      <View className='card live__head'>
        <View className='feed__head'>
          <Tag type={STATE_TAGS[feed.state]} className='live__state'>
            {FEED_STATE_LABELS[feed.state]}
          </Tag>
          {!ended && <Text className='muted'>每 {PUBLIC_FEED_POLL_MS / 1000} 秒自动更新</Text>}
        </View>
        <Text className='live__title'>{activity.title}</Text>
        <Text className='muted live__when'>
          {formatRange(activity.startsAt, activity.endsAt)}
          {activity.venue ? ` · ${activity.venue}` : ''}
        </Text>
        <Text className='muted'>{feed.publisher}现场报道</Text>
      </View>
      {!embed && <ShareBox id={id} title={activity.title} />}
      {feed.keyMoments.length > 0 && (
        <Card title='关键时刻' className='feed__timeline live__timeline'>
          {feed.keyMoments.map((post) => (
            <View key={post.id} className='feed__moment'>
              <Text className='feed__moment-time'>{formatDateTime(post.createdAt).split(' ').at(-1)}</Text>
              <Text className='feed__moment-text'>{post.text.slice(0, 40)}</Text>
            </View>
          ))}
        </Card>
      )}
      {feed.pinned && <PublicPostCard post={feed.pinned} />}
      {stream.length === 0 && !feed.pinned ? (
        <EmptyView title='还没有动态' description={feed.state === 'upcoming' ? '活动开始后，工作人员会在这里直播现场' : undefined} />
      ) : (
        stream.map((post) => <PublicPostCard key={post.id} post={post} />)
      )}
      <ListFoot loading={loadingMore} done={!cursor.current} count={stream.length} />
      {embed && <Text className='muted live__source'>来源：{feed.publisher}</Text>}
    </View>
  );
}
