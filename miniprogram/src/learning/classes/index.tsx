/** 公益班: every class series; 我的学习 (the series one attends, with progress); 我教的课 for lecturers (their workspace). */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { formatDate, hasAnyRole, Role, type SeriesProgress, type Series } from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import { Chips } from '@/components/choice';
import { EmptyView, PagedItems } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button } from '@/ui';
import { useRouteParam } from '@/utils/navigation';
import ProgressBar from '../progress-bar';
import '../classes.scss';

type Tab = 'all' | 'mine' | 'teaching';
const TAB_LABELS: Record<Tab, string> = { all: '全部公益班', mine: '我的学习', teaching: '我教的课' };

export default function ClassesPage() {
  const user = useCurrentUser();
  const teaches = !!user && hasAnyRole(user.roles, [Role.LECTURER]);
  const [tab, setTab] = useState<Tab>((useRouteParam('tab') as Tab | undefined) ?? 'all');
  const list = usePagedList<Series & { progress?: SeriesProgress }>(
    (cursor) =>
      tab === 'mine'
        ? api.series.mine()
        : api.series.list({
            query: {
              ...{ cursor, teaching: tab === 'teaching' },
              teaching: { cursor, teaching: tab === 'teaching' }.teaching ? 'true' : undefined,
            },
          }),
    [tab],
  );
  const tabs: Tab[] = teaches ? ['all', 'mine', 'teaching'] : ['all', 'mine'];
  return (
    <View className='page classes'>
      <Chips className='classes__tabs' chipClass='classes__tab' options={tabs} labels={TAB_LABELS} value={tab} onChange={setTab} />
      {user && hasAnyRole(user.roles, [Role.COORDINATOR]) && (
        <Button block type='primary' className='classes__new' onClick={() => Taro.navigateTo({ url: '/learning/series-edit/index' })}>
          开设公益班
        </Button>
      )}
      <PagedItems
        list={list}
        empty={<EmptyView title={tab === 'mine' ? '还没有报名公益班' : tab === 'teaching' ? '暂无你任教的公益班' : '暂无公益班'} />}
        row={(series) => (
          <View
            key={series.id}
            className='card classes__item'
            data-id={series.id}
            onClick={() =>
              Taro.navigateTo({
                url: tab === 'teaching' ? `/learning/roster/index?id=${series.id}` : `/learning/series/index?id=${series.id}`,
              })
            }
          >
            <Text className='classes__title'>{series.title}</Text>
            <Text className='muted classes__line'>
              {formatDate(series.startsAt)} 起 · 共 {series.sessionIds.length} 课 · {series.venue}
            </Text>
            <Text className='muted classes__line'>讲师：{series.lecturers.map((lecturer) => lecturer.nickname).join('、')}</Text>
            {series.progress && <ProgressBar progress={series.progress} />}
          </View>
        )}
      />
    </View>
  );
}
