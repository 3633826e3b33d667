/**
 * 签到名单: who is expected and where they stand (checked in, on leave, absent, not yet), counted as
 * everywhere else; exported as CSV. While check-in is open, a coordinator or the branch's secretary finds
 * a person by name and checks them in for them (代签), or records someone without a phone or an account
 * by name (现场登记); before and after, the page says so instead of offering what the server would refuse.
 */
import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import {
  ATTENDANCE_LABELS,
  canCheckIn,
  checkInWindow,
  DEFAULT_CHECK_IN_MARGINS,
  formatDateTime,
  hasAnyRole,
  Role,
  WalkInRequest,
  type Activity,
  type AttendanceRow,
} from '@hele/shared';
import { api, downloadFormat, newIdempotencyKey } from '@/api';
import { contract } from '@hele/shared/contract';
import { useCurrentUser } from '@/auth/session';
import FieldError from '@/components/field-error';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useCheckedSubmit, useFormCheck } from '@/hooks/use-form-check';
import { useResource } from '@/hooks/use-resource';
import { Button, Input, Tag } from '@/ui';
import { confirmAction, showError } from '@/utils/feedback';
import { useRouteParam } from '@/utils/navigation';
import { saveCsv } from '@/utils/csv';
import { largeTextClass, useLargeText } from '@/utils/large-text';
import { AttendanceCounts } from './counts';
import './index.scss';

const TAG_TYPES = { checked_in: 'success', on_leave: 'warning', absent: 'danger', not_yet: 'default' } as const;

/** Who a row is, and what happened: 支部党员 · 已报名 · 10:05 签到 · 代签：李社工 (a walk-in: 登记：李社工). */
const describe = (row: AttendanceRow) =>
  [
    row.walkIn ? '现场登记' : row.onRoster ? '支部党员' : '报名人员',
    row.registered && !row.walkIn ? '已报名' : '',
    // The time is enough: the day is the activity's.
    row.checkedInAt ? `${formatDateTime(row.checkedInAt).split(' ').at(-1)} 签到` : '',
    row.assistedBy ? `${row.walkIn ? '登记' : '代签'}：${row.assistedBy}` : '',
    row.leaveReason ?? '',
  ]
    .filter(Boolean)
    .join(' · ');

/** 现场登记: a name is all it takes; the key is kept until it succeeds, so a retried tap records the person once. */
function WalkIn({
  activityId,
  name,
  onName,
  onDone,
}: {
  activityId: string;
  name: string;
  onName: (name: string) => void;
  onDone: () => void;
}) {
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useFormCheck(WalkInRequest, { name });
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    await api.attendance.walkIn({ params: { id: activityId }, body, idempotencyKey: key });
    // A name may be long: 'none' shows the whole sentence (an icon toast cuts it at seven characters).
    void Taro.showToast({ title: `已登记「${body.name}」并签到`, icon: 'none' });
    setKey(newIdempotencyKey());
    onName('');
    form.reset();
    onDone();
  });
  return (
    <View className='card attendance__walk-in'>
      <Text className='attendance__walk-in-title'>现场登记</Text>
      <Text className='muted'>没有手机或账号的人员（如老党员），登记姓名即签到，计入实到</Text>
      <View className='attendance__walk-in-row'>
        <Input className='attendance__walk-in-name' placeholder='姓名' maxLength={20} value={name} onChange={onName} />
        <Button type='primary' className='attendance__walk-in-submit' loading={busy} onClick={submit}>
          登记签到
        </Button>
      </View>
      <FieldError field='name' message={form.problem('name')} />
    </View>
  );
}

/** Whether the door is open now (the server's rule and margins), and if not, what the page says instead. */
const checkInState = (activity: Activity | undefined): { open: boolean; note?: string } => {
  if (!activity) return { open: false };
  const verdict = canCheckIn(activity, new Date(), DEFAULT_CHECK_IN_MARGINS);
  if (verdict.ok) return { open: true };
  if (verdict.code === 'CHECK_IN_NOT_OPEN') {
    const opens = formatDateTime(checkInWindow(activity, DEFAULT_CHECK_IN_MARGINS).opensAt.toISOString());
    return { open: false, note: `签到 ${opens} 开始，届时可代签和现场登记` };
  }
  if (verdict.code === 'CHECK_IN_CLOSED') return { open: false, note: '签到已结束，名单仅供查看和导出' };
  return { open: false, note: '活动未发布或已取消，不能签到' };
};

export default function AttendancePage() {
  const id = useRouteParam('id') ?? '';
  const user = useCurrentUser();
  const large = useLargeText();
  const { data, error, reload } = useResource(async () => {
    const [sheet, { activity }] = await Promise.all([
      api.attendance.attendance({ params: { id } }),
      api.activities.get({ params: { id } }),
    ]);
    return { ...sheet, activity };
  }, [id]);
  const [query, setQuery] = useState('');
  const [walkInName, setWalkInName] = useState('');
  const { run } = useAction();
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  // The server decides (a coordinator, or this branch's secretary); the tools are offered to those roles
  // while check-in is open.
  const helper = !!user && hasAnyRole(user.roles, [Role.COORDINATOR, Role.SECRETARY]);
  const door = checkInState(data?.activity);
  const assists = helper && door.open;

  const exportCsv = async () => {
    try {
      await saveCsv(await downloadFormat(contract.attendance.attendance, 'csv', { params: { id } }), `签到表-${id}.csv`);
    } catch (caught) {
      showError(caught);
    }
  };
  const checkIn = async (row: AttendanceRow) => {
    const confirmed = await confirmAction({
      title: '代签到',
      content: `确认「${row.nickname}」已到场，为其签到？签到记录会注明由你代签。`,
      confirmText: '确认签到',
    });
    if (!confirmed) return;
    await run(async () => {
      await api.attendance.assistedCheckIn({ params: { id }, body: { userId: row.userId } });
      void Taro.showToast({ title: `已为「${row.nickname}」代签到`, icon: 'none' });
      setQuery('');
      await reload();
    });
  };

  if (error !== undefined && !data) return <ErrorView error={error} onRetry={reload} />;
  if (!data) return <LoadingView />;
  const wanted = query.trim();
  const rows = wanted ? data.items.filter((row) => row.nickname.includes(wanted)) : data.items;
  return (
    <View className={`page attendance ${largeTextClass(large)}`}>
      <View className='attendance__head'>
        <Text className='attendance__title'>{data.activity.title}</Text>
        <Text className='muted'>
          {formatDateTime(data.activity.startsAt)} · {data.activity.venue}
        </Text>
      </View>
      <AttendanceCounts summary={data.summary} />
      {helper && door.note && <Text className='muted attendance__door'>{door.note}</Text>}
      <View className='attendance__tools'>
        <Input className='attendance__search' placeholder='搜索姓名（报名人员和支部党员）' value={query} onChange={setQuery} />
        <Button className='attendance__export' onClick={exportCsv}>
          导出 CSV
        </Button>
      </View>
      {rows.map((row) => (
        <View key={row.userId} className='card attendance__row' data-user={row.userId}>
          <View className='attendance__who'>
            <Text className='attendance__name'>{row.nickname}</Text>
            <Text className='muted'>{describe(row)}</Text>
          </View>
          {assists && row.state !== 'checked_in' ? (
            <Button size='small' type='primary' className='attendance__assist' onClick={() => void checkIn(row)}>
              代签到
            </Button>
          ) : (
            <Tag type={TAG_TYPES[row.state]} className='attendance__state'>
              {ATTENDANCE_LABELS[row.state]}
            </Tag>
          )}
        </View>
      ))}
      {wanted && rows.length === 0 && (
        <View className='card attendance__none'>
          <Text>名单中没有「{wanted}」</Text>
          {assists && (
            <Button size='small' className='attendance__as-walk-in' onClick={() => setWalkInName(wanted)}>
              作为现场人员登记
            </Button>
          )}
        </View>
      )}
      {assists && <WalkIn activityId={id} name={walkInName} onName={setWalkInName} onDone={() => void reload()} />}
    </View>
  );
}
