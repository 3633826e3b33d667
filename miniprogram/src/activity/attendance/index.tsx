/** Who is expected and where they stand: checked in, on leave, absent, not yet; export as CSV. */
import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ATTENDANCE_LABELS, formatDateTime, type AttendanceResponse } from '@hele/shared';
import { api, downloadFormat } from '@/api';
import { contract } from '@hele/shared/contract';
import { ErrorView, LoadingView } from '@/components/status-view';
import { Button, Tag } from '@/ui';
import { showError } from '@/utils/feedback';
import { useRouteParam } from '@/utils/navigation';
import { saveCsv } from '@/utils/csv';
import './index.scss';

const TAG_TYPES = { checked_in: 'success', on_leave: 'warning', absent: 'danger', not_yet: 'default' } as const;

export default function AttendancePage() {
  const id = useRouteParam('id') ?? '';
  const [data, setData] = useState<AttendanceResponse>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(async () => {
    try {
      setData(await api.attendance.attendance({ params: { id } }));
      setError(undefined);
    } catch (caught) {
      setError(caught);
    }
  }, [id]);
  useEffect(() => void load(), [load]);
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const exportCsv = async () => {
    try {
      await saveCsv(await downloadFormat(contract.attendance.attendance, 'csv', { params: { id } }), `签到表-${id}.csv`);
    } catch (caught) {
      showError(caught);
    }
  };

  if (error !== undefined && !data) return <ErrorView error={error} onRetry={load} />;
  if (!data) return <LoadingView />;
  return (
    <View className='page attendance'>
      <View className='card attendance__summary'>
        <Text>已签到 {data.summary.checkedIn}</Text>
        <Text>请假 {data.summary.onLeave}</Text>
        <Text>缺席 {data.summary.absent}</Text>
        <Text>未签到 {data.summary.notYet}</Text>
      </View>
      <Button block className='attendance__export' onClick={exportCsv}>
        导出 CSV
      </Button>
      {data.items.map((row) => (
        <View key={row.userId} className='card attendance__row'>
          <View className='attendance__who'>
            <Text className='attendance__name'>{row.nickname}</Text>
            <Text className='muted'>
              {row.registered ? '已报名' : '支部成员'}
              {row.checkedInAt ? ` · ${formatDateTime(row.checkedInAt)}` : ''}
              {row.leaveReason ? ` · ${row.leaveReason}` : ''}
            </Text>
          </View>
          <Tag type={TAG_TYPES[row.state]}>{ATTENDANCE_LABELS[row.state]}</Tag>
        </View>
      ))}
    </View>
  );
}
