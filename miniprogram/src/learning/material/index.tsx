/**
 * One material: the article's text, its file (a document to open, a video or audio to play) or its
 * link. Progress rises as the member plays or opens it, or marks it done; it only ever grows.
 */
import { View, Text, Video } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { MATERIAL_KIND_LABELS, type Material } from '@hele/shared';
import { api } from '@/api';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { Button } from '@/ui';
import { useRouteParam } from '@/utils/navigation';
import { formatBytes } from '../library/file-upload';
import './index.scss';

/** Opening a document or a link counts as half read; the rest is the member's 标记为已学完. */
const OPENED_PERCENT = 50;
/** Playing reports its progress in steps of this much, not on every tick. */
const PLAYED_STEP = 10;

const playedPercent = (currentTime: number, duration: number) =>
  duration > 0 ? Math.min(100, Math.floor((currentTime / duration) * (100 / PLAYED_STEP)) * PLAYED_STEP) : 0;

/** Plays the audio with the mini-program's audio context (Taro's H5 one plays it in an `<audio>`). */
function AudioPlayer({ src, onPlayed }: { src: string; onPlayed: (percent: number) => void }) {
  const audio = useRef<Taro.InnerAudioContext>();
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState({ current: 0, duration: 0 });
  useEffect(() => () => audio.current?.destroy(), []);
  const toggle = () => {
    if (!audio.current) {
      const context = Taro.createInnerAudioContext();
      context.src = src;
      context.onPlay(() => setPlaying(true));
      context.onPause(() => setPlaying(false));
      context.onEnded(() => {
        setPlaying(false);
        onPlayed(100);
      });
      context.onTimeUpdate(() => {
        setPosition({ current: context.currentTime, duration: context.duration });
        onPlayed(playedPercent(context.currentTime, context.duration));
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
  const minutes = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
  return (
    <View className='material__audio'>
      <Button type='primary' className='material__play' onClick={toggle}>
        {playing ? '暂停' : '播放'}
      </Button>
      <Text className='muted'>
        {position.duration > 0 ? `${minutes(position.current)} / ${minutes(position.duration)}` : '点击播放收听'}
      </Text>
    </View>
  );
}

export default function MaterialPage() {
  const id = useRouteParam('id') ?? '';
  const [material, setMaterial] = useState<Material>();
  const [error, setError] = useState<unknown>();
  const { busy, run } = useAction();
  // The highest progress sent, so that playing does not send the same step again.
  const reported = useRef(0);
  const load = () =>
    api.library.get({ params: { id } }).then(({ material: found }) => {
      reported.current = found.progress ?? 0;
      setMaterial(found);
    }, setError);
  useEffect(() => {
    void load();
  }, [id]);

  if (error !== undefined) return <ErrorView error={error} onRetry={load} />;
  if (!material) return <LoadingView />;
  const showProgress = ({ progress }: { progress: number }) => setMaterial((current) => current && { ...current, progress });
  const mark = (percent: number) =>
    run(async () => {
      reported.current = Math.max(reported.current, percent);
      showProgress(await api.library.progress({ params: { id: material.id }, body: { percent } }));
    });
  /** Progress from playing or opening: quietly, a failure is made up by the next step. */
  const raise = (percent: number) => {
    if (percent <= reported.current) return;
    reported.current = percent;
    api.library.progress({ params: { id: material.id }, body: { percent } }).then(showProgress, () => undefined);
  };

  const openLink = async () => {
    if (process.env.TARO_ENV === 'h5') window.open(material.url, '_blank');
    else {
      await Taro.setClipboardData({ data: material.url ?? '' });
      void Taro.showToast({ title: '链接已复制，请在浏览器打开', icon: 'none' });
    }
    raise(OPENED_PERCENT);
  };
  const openDocument = async () => {
    const url = material.fileUrl!;
    if (process.env.TARO_ENV === 'h5') window.open(url, '_blank');
    else {
      try {
        void Taro.showLoading({ title: '正在打开' });
        const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
        if (statusCode !== 200) throw new Error(`download ${statusCode}`);
        // Keys end in the document's extension (the API names them so).
        const fileType = material.file!.key.slice(material.file!.key.lastIndexOf('.') + 1) as keyof Taro.openDocument.FileType;
        await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true });
      } catch {
        void Taro.showToast({ title: '文档打开失败，请稍后再试', icon: 'none' });
        return;
      } finally {
        void Taro.hideLoading();
      }
    }
    raise(OPENED_PERCENT);
  };

  const { file, fileUrl } = material;
  return (
    <View className='page material'>
      <View className='card'>
        <Text className='material__title'>{material.title}</Text>
        <Text className='muted'>
          {MATERIAL_KIND_LABELS[material.kind]} · {material.category} · 已学 {material.progress ?? 0}%
        </Text>
        {material.body && <Text className='material__body'>{material.body}</Text>}
        {file && fileUrl && material.kind === 'video' && (
          <Video
            className='material__video'
            src={fileUrl}
            controls
            onTimeUpdate={(e) => raise(playedPercent(e.detail.currentTime, e.detail.duration))}
            onEnded={() => raise(100)}
          />
        )}
        {file && fileUrl && material.kind === 'audio' && <AudioPlayer src={fileUrl} onPlayed={raise} />}
        {file && fileUrl && material.kind === 'document' && (
          <Button block className='material__open' onClick={openDocument}>
            打开文档
          </Button>
        )}
        {file && (
          <Text className='muted material__file'>
            {file.name} · {formatBytes(file.bytes)}
          </Text>
        )}
        {material.url && (
          <Button block className='material__open' onClick={openLink}>
            打开{MATERIAL_KIND_LABELS[material.kind]}
          </Button>
        )}
      </View>
      <Button
        block
        type='primary'
        loading={busy}
        disabled={(material.progress ?? 0) >= 100}
        className='material__done'
        onClick={() => mark(100)}
      >
        {(material.progress ?? 0) >= 100 ? '已学完' : '标记为已学完'}
      </Button>
    </View>
  );
}
