/**
 * One material: the article's text, a video or audio to play, a document to open. Progress is earned
 * (shared/rules/learning, which the page states): what was played of a video or audio, an article
 * read to its end, a document opened. The server keeps it and never lets it go down or jump.
 */
import { View, Text, Video } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { LEARNING_RULES, MATERIAL_KIND_LABELS, readingSeconds, type Material, type ProgressRequest } from '@hele/shared';
import { api } from '@/api';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useResource } from '@/hooks/use-resource';
import { Button } from '@/ui';
import { useRouteParam } from '@/utils/navigation';
import { formatBytes } from '../library/file-upload';
import './index.scss';

/** Playing reports the furthest position each time it passes another tenth, and when it pauses or ends. */
const REPORT_STEPS = 10;

/** The furthest position played, reported as it grows (the page's opening started the server's clock). */
const usePlayback = (report: (event: ProgressRequest) => void) => {
  const last = useRef({ furthest: 0, duration: 0, step: -1 });
  const send = () => {
    const { furthest, duration } = last.current;
    if (duration > 0) report({ event: 'played', position: Math.min(furthest, duration), duration });
  };
  return {
    /** A tick of playback: where it is and how long the media is. */
    onTime: (position: number, duration: number) => {
      if (!(duration > 0)) return;
      const current = last.current;
      current.duration = duration;
      current.furthest = Math.max(current.furthest, position);
      const step = Math.floor((current.furthest / duration) * REPORT_STEPS);
      if (step > current.step) {
        current.step = step;
        send();
      }
    },
    onPause: send,
    onEnded: () => {
      last.current.furthest = last.current.duration;
      send();
    },
  };
};

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/** Plays the audio with the mini-program's audio context (Taro's H5 one plays it in an `<audio>`). */
function AudioPlayer({ src, report }: { src: string; report: (event: ProgressRequest) => void }) {
  const audio = useRef<Taro.InnerAudioContext>();
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState({ current: 0, duration: 0 });
  const playback = usePlayback(report);
  useEffect(() => () => audio.current?.destroy(), []);
  const toggle = () => {
    if (!audio.current) {
      const context = Taro.createInnerAudioContext();
      context.src = src;
      context.onPlay(() => setPlaying(true));
      context.onPause(() => {
        setPlaying(false);
        playback.onPause();
      });
      context.onEnded(() => {
        setPlaying(false);
        playback.onEnded();
      });
      context.onTimeUpdate(() => {
        setPosition({ current: context.currentTime, duration: context.duration });
        playback.onTime(context.currentTime, context.duration);
      });
      context.onError(() => {
        setPlaying(false);
        void Taro.showToast({ title: '音频无法播放，请稍后再试', icon: 'none' });
      });
      audio.current = context;
    }
    if (playing) audio.current.pause();
    else audio.current.play();
  };
  return (
    <View className='material__audio'>
      <Button type='primary' className='material__play' onClick={toggle}>
        {playing ? '暂停' : '播放'}
      </Button>
      <Text className='muted'>{position.duration > 0 ? `${clock(position.current)} / ${clock(position.duration)}` : '点击播放收听'}</Text>
    </View>
  );
}

function VideoPlayer({ src, report }: { src: string; report: (event: ProgressRequest) => void }) {
  const playback = usePlayback(report);
  const [failed, setFailed] = useState(false);
  if (failed) return <Text className='muted material__unplayable'>视频无法在此播放，请稍后再试。</Text>;
  return (
    <Video
      className='material__video'
      src={src}
      controls
      onTimeUpdate={(event) => playback.onTime(event.detail.currentTime, event.detail.duration)}
      onPause={playback.onPause}
      onEnded={playback.onEnded}
      onError={() => setFailed(true)}
    />
  );
}

/**
 * An article counts once its end has been on screen, no sooner than it can be read (the server checks
 * the same): the end is watched, and reported when both are true.
 */
const useReadToEnd = (material: Material | undefined, report: (event: ProgressRequest) => void) => {
  const openedAt = useRef(Date.now());
  useEffect(() => {
    if (material?.kind !== 'article' || (material.progress ?? 0) >= 100) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = Taro.createIntersectionObserver(Taro.getCurrentInstance().page!, { observeAll: false });
    observer.relativeToViewport({ bottom: 0 }).observe('.material__end', (result) => {
      if (!result.intersectionRatio || timer) return;
      const wait = Math.max(0, readingSeconds(material.body ?? '') * 1000 - (Date.now() - openedAt.current)) + 500;
      timer = setTimeout(() => report({ event: 'read_to_end' }), wait);
    });
    return () => {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    };
  }, [material?.id, material?.kind]);
};

export default function MaterialPage() {
  const id = useRouteParam('id') ?? '';
  const resource = useResource(async () => (await api.library.get({ params: { id } })).material, [id]);
  const [progress, setProgress] = useState<number>();
  const material = resource.data;
  const shown = progress ?? material?.progress ?? 0;

  /** Tells the server what the member did; it answers the progress that earned (a failure is made up by the next report). */
  const report = (event: ProgressRequest) =>
    api.library.progress({ params: { id }, body: event }).then(
      (reply) => setProgress((current) => Math.max(current ?? 0, reply.progress)),
      () => undefined,
    );

  // Opening the page starts the clock of reading or playing; for a document, opening it is the reading.
  useEffect(() => {
    if (material && material.kind !== 'document') void report({ event: 'opened' });
  }, [material?.id]);
  useReadToEnd(material, report);

  if (resource.error !== undefined && !material) return <ErrorView error={resource.error} onRetry={resource.reload} />;
  if (!material) return <LoadingView />;

  const openDocument = async () => {
    const url = material.fileUrl ?? material.url!;
    if (process.env.TARO_ENV === 'h5') window.open(url, '_blank');
    else if (!material.file) {
      // Copied is not opened: a link counts once it is opened in the browser's build.
      await Taro.setClipboardData({ data: url });
      void Taro.showToast({ title: '链接已复制，请在浏览器打开', icon: 'none' });
      return;
    } else {
      try {
        void Taro.showLoading({ title: '正在打开' });
        const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
        if (statusCode !== 200) throw new Error(`download ${statusCode}`);
        // Keys end in the document's extension (the API names them so).
        const fileType = material.file.key.slice(material.file.key.lastIndexOf('.') + 1) as keyof Taro.openDocument.FileType;
        await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true });
      } catch {
        void Taro.showToast({ title: '文档打开失败，请稍后再试', icon: 'none' });
        return;
      } finally {
        void Taro.hideLoading();
      }
    }
    await report({ event: 'opened' });
  };

  const media = material.fileUrl ?? material.url;
  const { file } = material;
  return (
    <View className='page material'>
      <View className='card'>
        <Text className='material__title'>{material.title}</Text>
        <Text className='muted'>
          {MATERIAL_KIND_LABELS[material.kind]} · {material.category}
        </Text>
        <View className='material__progress'>
          <View className='material__bar' style={{ width: `${shown}%` }} />
        </View>
        <Text className='material__learned'>{shown >= 100 ? '已学完' : `已学 ${shown}%`}</Text>
        <Text className='muted material__rule'>学习进度：{LEARNING_RULES[material.kind]}</Text>
        {material.body && <Text className='material__body'>{material.body}</Text>}
        {material.kind === 'article' && <Text className='muted material__end'>{shown >= 100 ? '— 已读完全文 —' : '— 全文完 —'}</Text>}
        {media && material.kind === 'video' && <VideoPlayer src={media} report={report} />}
        {media && material.kind === 'audio' && <AudioPlayer src={media} report={report} />}
        {media && material.kind === 'document' && (
          <Button block className='material__open' onClick={openDocument}>
            打开文档
          </Button>
        )}
        {file && (
          <Text className='muted material__file'>
            {file.name} · {formatBytes(file.bytes)}
          </Text>
        )}
      </View>
    </View>
  );
}
