/**
 * 数据看板 (coordinators, admins): cases per stage, resources offered and allocated, points and
 * service hours per month — figures the server keeps as it writes — as charts and tables, each
 * table exportable as CSV.
 */
import { View, Text, Picker, ScrollView } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Fragment, useState } from 'react';
import {
  CASE_STAGE_LABELS,
  DASHBOARD_COLUMNS,
  dashboardRows,
  hoursOf,
  PROJECT_CATEGORY_LABELS,
  SERVICE_DESTINATION_LABELS,
  type Dashboard,
  type DashboardTable,
} from '@hele/shared';
import { api } from '@/api';
import Card from '@/components/card';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { Button } from '@/ui';
import { saveCsv } from '@/utils/csv';
import { type Bar, BarChart } from '../bar-chart';
import './index.scss';

const TITLES: Record<DashboardTable, string> = {
  months: '月度参与、积分与服务时长',
  projects: '项目',
  categories: '项目类别',
  cases: '个案阶段',
  resources: '资源发布与分配',
  destinations: '服务去向（进基层、进村居、进学校、进高墙）',
};

function Table({
  name,
  rows,
  range,
}: {
  name: DashboardTable;
  rows: Array<Array<string | number>>;
  range: { from?: string; to?: string };
}) {
  const title = TITLES[name];
  const { busy, run } = useAction();
  return (
    <View className={`card dashboard__table dashboard__table--${name}`}>
      <View className='dashboard__head'>
        <Text className='section-title'>{title}</Text>
        <Button
          size='small'
          className='dashboard__export'
          loading={busy}
          onClick={() => run(async () => saveCsv(await api.dashboard.export({ query: { table: name, ...range } }), `${title}.csv`))}
        >
          导出
        </Button>
      </View>
      {/* Headings stay on one line: a wide table scrolls sideways rather than wrapping them. */}
      <ScrollView scrollX className='dashboard__scroll'>
        <View className='dashboard__grid'>
          <View className='dashboard__row dashboard__row--head'>
            {DASHBOARD_COLUMNS[name].map((column) => (
              <Text key={column} className='dashboard__cell'>
                {column}
              </Text>
            ))}
          </View>
          {rows.map((row) => (
            <View key={String(row[0])} className='dashboard__row'>
              {row.map((cell, index) => (
                <Text key={index} className='dashboard__cell'>
                  {cell}
                </Text>
              ))}
            </View>
          ))}
        </View>
      </ScrollView>
      {rows.length === 0 && <Text className='muted dashboard__none'>所选月份内没有数据</Text>}
    </View>
  );
}

/** The charts in the order they stand, each followed by the tables (exportable) of its figures. */
const chartsOf = (figures: Dashboard): Array<{ id: string; title: string; bars: Bar[]; empty: string; tables: DashboardTable[] }> => [
  {
    id: 'service-hours',
    title: '志愿服务时长（小时）',
    bars: figures.months.map((row) => ({ label: row.month.slice(2), value: hoursOf(row.serviceMinutes) })),
    empty: '所选月份还没有审核通过的服务时长：志愿者签退或申报的时长经社工审核后计入',
    tables: [],
  },
  {
    id: 'points',
    title: '积分：获得与兑换',
    bars: figures.months.flatMap((row) => [
      { label: row.month.slice(2), value: row.pointsEarned, group: '获得' },
      { label: row.month.slice(2), value: row.pointsRedeemed, group: '兑换' },
    ]),
    empty: '所选月份没有积分获得或兑换',
    tables: ['months'],
  },
  {
    id: 'destinations',
    title: '服务去向：服务时长（小时）',
    bars: figures.destinations.map((row) => ({ label: SERVICE_DESTINATION_LABELS[row.destination], value: hoursOf(row.serviceMinutes) })),
    empty: '所选月份还没有计入服务去向的时长：策划志愿服务活动时选择服务去向，审核通过的时长计入这里',
    tables: ['destinations'],
  },
  {
    id: 'categories',
    title: '各类项目签到人次',
    bars: figures.categories.map((row) => ({ label: PROJECT_CATEGORY_LABELS[row.category].replace('类', ''), value: row.checkIns })),
    empty: '还没有人在公益项目的活动中签到：活动关联项目后，签到计入这里',
    tables: ['projects', 'categories'],
  },
  {
    id: 'cases',
    title: '个案阶段',
    bars: figures.cases.map((row) => ({ label: CASE_STAGE_LABELS[row.stage], value: row.count })),
    empty: '还没有需求个案：在资源云平台 › 需求个案中登记',
    tables: ['cases', 'resources'],
  },
];

export default function DashboardPage() {
  const [figures, setFigures] = useState<Dashboard>();
  const [error, setError] = useState<unknown>();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const load = async (next = range) => {
    try {
      setFigures(await api.dashboard.figures({ query: next }));
      setError(undefined);
    } catch (caught) {
      setError(caught);
    }
  };
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));
  const pick = (end: 'from' | 'to', month: string) => {
    const months = figures?.months ?? [];
    const next = { from: months[0]?.month, to: months.at(-1)?.month, ...range, [end]: month };
    setRange(next);
    void load(next);
  };

  if (error !== undefined && !figures) return <ErrorView error={error} onRetry={load} />;
  if (!figures) return <LoadingView />;
  const rows = dashboardRows(figures);
  const first = figures.months[0]?.month ?? '';
  const last = figures.months.at(-1)?.month ?? '';
  return (
    <View className='page dashboard'>
      <View className='card dashboard__range'>
        <Picker mode='date' fields='month' value={first} onChange={(e) => pick('from', String(e.detail.value).slice(0, 7))}>
          <Text className='dashboard__month'>{first}</Text>
        </Picker>
        <Text>至</Text>
        <Picker mode='date' fields='month' value={last} onChange={(e) => pick('to', String(e.detail.value).slice(0, 7))}>
          <Text className='dashboard__month'>{last}</Text>
        </Picker>
      </View>

      {chartsOf(figures).map(({ id, title, bars, empty, tables }) => (
        <Fragment key={id}>
          <Card title={title}>
            <BarChart id={id} bars={bars} empty={empty} />
          </Card>
          {tables.map((name) => (
            <Table key={name} name={name} range={range} rows={rows[name]} />
          ))}
        </Fragment>
      ))}
    </View>
  );
}
