/**
 * A coordinator's tools for the feed beyond the meeting room: 公开直播 (anyone may read the feed without
 * signing in: key moments, approved posts and photos, no names) and 生成报道 (the key moments and the
 * photos chosen here as an article, a web page and a Word file, for the center's 公众号).
 */
import { Image, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PUBLIC_FEED_PAGE, REPORT_PHOTOS_MAX, type Post } from '@hele/shared';
import { api } from '@/api';
import { useAction } from '@/hooks/use-action';
import { Button } from '@/ui';
import { openHtmlInBrowser, saveHtmlFile, saveOfficeFile } from '@/utils/document';
import Card from '@/components/card';
import { showError } from '@/utils/feedback';

export function PublicSwitch({
  activityId,
  on,
  url,
  onChange,
}: {
  activityId: string;
  on: boolean;
  url?: string;
  onChange: (on: boolean) => void;
}) {
  const { busy, run } = useAction();
  const toggle = (next: boolean) =>
    run(async () => {
      const { activity } = await api.activities.setPublicFeed({ params: { id: activityId }, body: { public: next } });
      onChange(activity.publicFeed ?? false);
    });
  return (
    <View className='card feed__public'>
      <View className='feed__public-row'>
        <Text className='section-title'>公开直播</Text>
        <Switch className='feed__public-switch' checked={on} disabled={busy} color='#c8161d' onChange={(e) => toggle(e.detail.value)} />
      </View>
      <Text className='muted'>
        {on
          ? '任何人无需登录即可观看：关键时刻、已通过审核的动态和图片，不显示党员姓名。'
          : '打开后，任何人无需登录即可观看本场直播（不显示党员姓名）。'}
      </Text>
      {on && (
        <View className='feed__public-link'>
          {url && (
            <Text className='feed__public-url' userSelect>
              {url}
            </Text>
          )}
          <View className='feed__tools'>
            {url && (
              <Text className='feed__tool' onClick={() => Taro.setClipboardData({ data: url }).catch(showError)}>
                复制链接
              </Text>
            )}
            <Text className='feed__tool feed__public-open' onClick={() => Taro.navigateTo({ url: `${PUBLIC_FEED_PAGE}?id=${activityId}` })}>
              打开公开页
            </Text>
          </View>
        </View>
      )}
    </View>
  );
}

/** The photos the article may carry: those of approved posts, key moments' first. */
const photosOf = (posts: Post[]) =>
  [...posts.filter((post) => post.keyMoment), ...posts.filter((post) => !post.keyMoment)]
    .filter((post) => post.review === 'passed')
    .flatMap((post) => post.images.map((image) => ({ ...image, keyMoment: post.keyMoment })));

export function ReportPanel({ activityId, posts }: { activityId: string; posts: Post[] }) {
  const photos = photosOf(posts);
  const [chosen, setChosen] = useState<string[]>(() =>
    photos
      .filter((photo) => photo.keyMoment)
      .slice(0, REPORT_PHOTOS_MAX)
      .map((photo) => photo.key),
  );
  const { busy, run } = useAction();
  const moments = posts.filter((post) => post.keyMoment && post.review === 'passed').length;
  const query = { photos: chosen.join(',') };
  const name = '现场报道';
  const toggle = (key: string) => {
    if (!chosen.includes(key) && chosen.length >= REPORT_PHOTOS_MAX) {
      void Taro.showToast({ title: `最多选 ${REPORT_PHOTOS_MAX} 张`, icon: 'none' });
      return;
    }
    setChosen(chosen.includes(key) ? chosen.filter((other) => other !== key) : [...chosen, key]);
  };
  const html = () => api.feedDocuments.report({ params: { id: activityId }, query });
  // The feed's first page is empty only when nobody has posted: there is nothing to write about yet.
  if (posts.length === 0)
    return (
      <Card title='生成报道' className='feed__report'>
        <Text className='muted feed__report-empty'>还没有动态。直播开始、标记了关键时刻后，再用它们生成报道。</Text>
      </Card>
    );
  return (
    <Card title='生成报道' className='feed__report'>
      <Text className='muted'>
        用本场 {moments} 个关键时刻和选中的图片（{chosen.length}/{REPORT_PHOTOS_MAX}）生成一篇报道，不含党员姓名，可发到公众号。
      </Text>
      {photos.length > 0 && (
        <View className='feed__report-photos'>
          {photos.map((photo) => (
            <View
              key={photo.key}
              className={`feed__report-photo ${chosen.includes(photo.key) ? 'feed__report-photo--chosen' : ''}`}
              onClick={() => toggle(photo.key)}
            >
              <Image className='feed__photo-image' src={photo.thumbnailUrl} mode='aspectFit' />
              {chosen.includes(photo.key) && <Text className='feed__report-check'>✓</Text>}
            </View>
          ))}
        </View>
      )}
      <View className='feed__tools'>
        {process.env.TARO_ENV === 'h5' && (
          <Button
            size='small'
            type='primary'
            loading={busy}
            className='feed__report-view'
            onClick={() => run(async () => openHtmlInBrowser(await html()))}
          >
            查看网页版
          </Button>
        )}
        <Button
          size='small'
          loading={busy}
          className='feed__report-html'
          onClick={() => run(async () => saveHtmlFile(await html(), `${name}.html`))}
        >
          下载网页版
        </Button>
        <Button
          size='small'
          loading={busy}
          className='feed__report-docx'
          onClick={() =>
            run(async () => saveOfficeFile(await api.feedDocuments.reportDocument({ params: { id: activityId }, query }), `${name}.docx`))
          }
        >
          下载 Word
        </Button>
      </View>
    </Card>
  );
}
