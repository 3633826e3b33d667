/** One material: the article's text, or its link; the member marks how far they got (progress only grows). */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { MATERIAL_KIND_LABELS, type Material } from '@hele/shared';
import { api } from '@/api';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { Button } from '@/ui';
import { routeParam } from '@/utils/navigation';
import './index.scss';

export default function MaterialPage() {
  const id = routeParam('id') ?? '';
  const [material, setMaterial] = useState<Material>();
  const [error, setError] = useState<unknown>();
  const { busy, run } = useAction();
  const load = () => api.library.get(id).then(({ material: found }) => setMaterial(found), setError);
  useEffect(() => {
    void load();
  }, [id]);

  if (error !== undefined) return <ErrorView error={error} onRetry={load} />;
  if (!material) return <LoadingView />;
  const mark = (percent: number) =>
    run(async () => {
      const { progress } = await api.library.progress(material.id, percent);
      setMaterial({ ...material, progress });
    });
  const open = async () => {
    if (process.env.TARO_ENV === 'h5') window.open(material.url, '_blank');
    else {
      await Taro.setClipboardData({ data: material.url ?? '' });
      void Taro.showToast({ title: '链接已复制，请在浏览器打开', icon: 'none' });
    }
    await mark(Math.max(material.progress ?? 0, 50));
  };
  return (
    <View className='page material'>
      <View className='card'>
        <Text className='material__title'>{material.title}</Text>
        <Text className='muted'>
          {MATERIAL_KIND_LABELS[material.kind]} · {material.category} · 已学 {material.progress ?? 0}%
        </Text>
        {material.body && <Text className='material__body'>{material.body}</Text>}
        {material.url && (
          <Button block className='material__open' onClick={open}>
            打开{MATERIAL_KIND_LABELS[material.kind]}
          </Button>
        )}
      </View>
      <Button block type='primary' loading={busy} disabled={(material.progress ?? 0) >= 100} className='material__done' onClick={() => mark(100)}>
        {(material.progress ?? 0) >= 100 ? '已学完' : '标记为已学完'}
      </Button>
    </View>
  );
}
