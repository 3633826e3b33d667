/**
 * A class series' materials (its lecturers' handouts, recordings…): title, kind and the member's
 * progress, each opening the material; for those who may add, 添加资料 opens the library's form
 * for this series. The series pages place it at their foot (more load at the page's bottom).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MATERIAL_KIND_LABELS, type Material } from '@hele/shared';
import { api } from '@/api';
import { ListFoot } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button, Tag } from '@/ui';
import './series-materials.scss';

export default function SeriesMaterials({ seriesId, mayAdd = false }: { seriesId: string; mayAdd?: boolean }) {
  const materials = usePagedList<Material>((cursor) => api.library.list({ query: { cursor, seriesId } }), [seriesId]);
  const { items, loading, error, done } = materials;
  return (
    <View className='series-materials'>
      {items.map((material) => (
        <View
          key={material.id}
          className='card series-materials__item'
          onClick={() => Taro.navigateTo({ url: `/learning/material/index?id=${material.id}` })}
        >
          <Tag type='primary'>{MATERIAL_KIND_LABELS[material.kind]}</Tag>
          <Text className='series-materials__title'>{material.title}</Text>
          <Text className='muted'>{material.progress ? `已学 ${material.progress}%` : '未开始'}</Text>
        </View>
      ))}
      {error !== undefined && items.length === 0 ? (
        <Text className='muted series-materials__note' onClick={() => void materials.refresh()}>
          资料加载失败，点击重试
        </Text>
      ) : (
        !loading && items.length === 0 && <Text className='muted series-materials__note'>本班还没有学习资料</Text>
      )}
      <ListFoot loading={loading} done={done} count={items.length} />
      {mayAdd && (
        <Button
          block
          className='series-materials__add'
          onClick={() => Taro.navigateTo({ url: `/learning/library/index?seriesId=${seriesId}` })}
        >
          添加资料
        </Button>
      )}
    </View>
  );
}
