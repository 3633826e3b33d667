/**
 * 应到 · 已报名 · 实到 · 请假 · 缺席 (or 未签到 while it is under way): the counts of shared/rules/attendance,
 * the same on the attendance page, the check-in screen, the CSV and the minutes.
 */
import { Text, View } from '@tarojs/components';
import { ATTENDANCE_COUNT_LABELS, type AttendanceResponse } from '@hele/shared';
import './counts.scss';

type Summary = AttendanceResponse['summary'];

export function AttendanceCounts({ summary }: { summary: Summary }) {
  // Before the end nobody is absent yet, after it nobody is still to come: show the one that counts.
  const shown: Array<keyof Summary> = ['expected', 'registered', 'checkedIn', 'onLeave', summary.notYet > 0 ? 'notYet' : 'absent'];
  return (
    <View className='card attendance-counts'>
      {shown.map((count) => (
        <View key={count} className={`attendance-counts__item attendance-counts__item--${count}`}>
          <Text className='attendance-counts__value'>{summary[count]}</Text>
          <Text className='attendance-counts__label'>{ATTENDANCE_COUNT_LABELS[count]}</Text>
        </View>
      ))}
    </View>
  );
}
