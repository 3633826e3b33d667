/**
 * 三会一课 (the director, i.e. coordinators and admins): every 党支部's periods held, due and overdue this
 * year on one page, weakest first; a branch opens to its periods; the center sets how often each kind is due.
 */
import { View, Text, Picker, ScrollView } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import {
  hasAnyRole,
  MEETING_FREQUENCY_LABELS,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  MeetingFrequencySchema,
  PERIOD_STATE_LABELS,
  Role,
  type BranchCompliance,
  type ComplianceBoard,
  type MeetingFrequencies,
  type MeetingType,
} from '@hele/shared';
import { api } from '@/api';
import { useCurrentUser } from '@/auth/session';
import Card from '@/components/card';
import { Choice } from '@/components/choice';
import { EmptyView, ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { Button } from '@/ui';
import './index.scss';

const FREQUENCIES = MeetingFrequencySchema.options;
/** Column headings short enough for a phone. */
const SHORT: Record<MeetingType, string> = {
  congress: '党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  life: '组织生活会',
};

/** A kind's periods of the year that have begun, and how many of them were held. */
const tally = (row: BranchCompliance['types'][number]) => {
  const begun = row.periods.filter((period) => period.state !== 'upcoming');
  return {
    held: begun.filter((period) => period.state === 'held').length,
    expected: begun.length,
    overdue: begun.filter((period) => period.state === 'overdue').length,
  };
};

/** How often each kind is due: the center's setting. */
function Frequencies({ value, onSaved }: { value: MeetingFrequencies; onSaved: (saved: MeetingFrequencies) => void }) {
  const [draft, setDraft] = useState(value);
  const { busy, run } = useAction();
  return (
    <Card title='会议频次设置' className='compliance__settings'>
      {MEETING_TYPES.map((type) => (
        <Choice
          key={type}
          className={`compliance__frequency compliance__frequency--${type}`}
          label={MEETING_TYPE_LABELS[type]}
          options={FREQUENCIES}
          labels={MEETING_FREQUENCY_LABELS}
          value={draft[type]}
          onChange={(frequency) => setDraft({ ...draft, [type]: frequency })}
        />
      ))}
      <Button
        size='small'
        type='primary'
        className='compliance__save'
        loading={busy}
        onClick={() =>
          run(async () => {
            const { frequencies } = await api.meetings.setMeetingFrequencies({ body: draft });
            void Taro.showToast({ title: '已保存', icon: 'success' });
            onSaved(frequencies);
          })
        }
      >
        保存
      </Button>
      <Text className='muted compliance__hint'>修改后，全年各期按新的频次重新计算</Text>
    </Card>
  );
}

export default function CompliancePage() {
  const user = useCurrentUser();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  const [year, setYear] = useState(thisYear);
  const [board, setBoard] = useState<ComplianceBoard>();
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<string>();
  const load = async (which = year) => {
    try {
      setBoard(await api.meetings.compliance({ query: { year: which } }));
      setError(undefined);
    } catch (caught) {
      setError(caught);
    }
  };
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (error !== undefined && !board) return <ErrorView error={error} onRetry={load} />;
  if (!board) return <LoadingView />;
  const required = MEETING_TYPES.filter((type) => board.frequencies[type] !== 'none');
  const overdue = board.items.reduce((sum, item) => sum + item.totals.overdue, 0);
  const due = board.items.reduce((sum, item) => sum + item.totals.due, 0);
  return (
    <View className='page compliance'>
      <View className='card compliance__head'>
        <Picker
          mode='selector'
          range={years.map((option) => `${option} 年`)}
          value={years.indexOf(year)}
          onChange={(e) => {
            const picked = years[Number(e.detail.value)]!;
            setYear(picked);
            void load(picked);
          }}
        >
          <Text className='section-title compliance__year'>三会一课 · {board.year} 年</Text>
        </Picker>
        <Text className='compliance__summary'>
          {board.items.length} 个党支部 · 逾期 {overdue} 期 · 本期待开 {due} 期
        </Text>
        <Text className='muted'>有人签到的会议计为已召开；格中为 已开/应开（期）</Text>
      </View>
      {board.items.length === 0 && (
        <EmptyView title='还没有党支部' description='在 我的 › 支部管理 中创建党支部后，这里显示各支部的三会一课' />
      )}
      {board.items.length > 0 && (
        <View className='card'>
          <ScrollView scrollX className='compliance__scroll'>
            <View className='compliance__grid'>
              <View className='compliance__row compliance__row--head'>
                <Text className='compliance__cell'>支部</Text>
                {required.map((type) => (
                  <Text key={type} className='compliance__cell'>
                    {SHORT[type]}
                  </Text>
                ))}
                <Text className='compliance__cell'>完成率</Text>
              </View>
              {board.items.map((item) => (
                <View
                  key={item.branchId}
                  className={`compliance__row compliance__branch${item.totals.overdue > 0 ? ' compliance__branch--overdue' : ''}`}
                  data-branch={item.branchId}
                  onClick={() => setOpen(open === item.branchId ? undefined : item.branchId)}
                >
                  <Text className='compliance__cell compliance__name'>{item.branchName}</Text>
                  {required.map((type) => {
                    const row = item.types.find((candidate) => candidate.type === type);
                    const figures = row ? tally(row) : { held: 0, expected: 0, overdue: 0 };
                    return (
                      <Text
                        key={type}
                        className={`compliance__cell compliance__cell--${type}${figures.overdue > 0 ? ' compliance__cell--overdue' : ''}`}
                      >
                        {figures.held}/{figures.expected}
                      </Text>
                    );
                  })}
                  <Text className='compliance__cell compliance__rate'>{item.totals.rate === null ? '—' : `${item.totals.rate}%`}</Text>
                </View>
              ))}
            </View>
          </ScrollView>
        </View>
      )}
      {board.items
        .filter((item) => item.branchId === open)
        .map((item) => (
          <View key={item.branchId} className='card compliance__detail'>
            <Text className='section-title'>
              {item.branchName} · 已开 {item.totals.held} 期，逾期 {item.totals.overdue} 期，待开 {item.totals.due} 期
            </Text>
            {item.types.map((row) => (
              <View key={row.type} className='compliance__type'>
                <Text className='compliance__type-name'>
                  {MEETING_TYPE_LABELS[row.type]}（{MEETING_FREQUENCY_LABELS[row.frequency]}）
                </Text>
                <View className='compliance__periods'>
                  {row.periods.map((period) => (
                    <Text key={period.key} className={`compliance__period compliance__period--${period.state}`}>
                      {period.label} {PERIOD_STATE_LABELS[period.state]}
                    </Text>
                  ))}
                </View>
              </View>
            ))}
          </View>
        ))}
      {user && hasAnyRole(user.roles, [Role.COORDINATOR]) && (
        <Frequencies key={JSON.stringify(board.frequencies)} value={board.frequencies} onSaved={() => void load()} />
      )}
    </View>
  );
}
