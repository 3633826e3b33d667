/**
 * 开设公益班: a coordinator plans a series from its first session and a weekly rhythm (e.g. 越剧班,
 * 12 sessions, Saturdays 9:30, 90 minutes), names its lecturers, and the sessions are published.
 */
import { View, Text, Picker } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { CENTER_UTC_OFFSET_MINUTES, CreateSeriesRequest, toCenterIso, WeeklyRhythm, weeklySessions, type RoleHolder } from '@hele/shared';
import { api } from '@/api';
import CheckedInput, { CheckedTextarea } from '@/components/checked-input';
import FieldError from '@/components/field-error';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { typedNumber, useFormCheck } from '@/hooks/use-form-check';
import { Button } from '@/ui';
import { toastOnNextPage } from '@/utils/feedback';
import '../classes.scss';

const OFFSET = `+0${CENTER_UTC_OFFSET_MINUTES / 60}:00`;
const rhythmOf = (count: string, minutes: string) => ({ count: typedNumber(count), minutes: typedNumber(minutes) });
const nextWeek = () => toCenterIso(new Date(Date.now() + 7 * 24 * 3600 * 1000)).slice(0, 10);

export default function SeriesEditPage() {
  const [lecturers, setLecturers] = useState<RoleHolder[]>([]);
  // The rhythm makes the sessions; the series is then checked as the server checks it.
  const form = useForm(
    CreateSeriesRequest,
    {
      title: '',
      description: '',
      venue: '和乐党群服务中心 3 楼活动室',
      capacity: '20',
      date: nextWeek(),
      time: '09:30',
      count: '12',
      minutes: '90',
      completionPercent: '80',
      lecturerIds: [] as string[],
    },
    {
      input: ({ date, time, count, minutes, capacity, completionPercent, ...rest }) => ({
        ...rest,
        capacity: typedNumber(capacity),
        completionPercent: typedNumber(completionPercent),
        sessions: WeeklyRhythm.safeParse(rhythmOf(count, minutes)).success
          ? weeklySessions(new Date(`${date}T${time}:00${OFFSET}`), Number(count), Number(minutes))
          : [],
      }),
    },
  );
  const { date, time, count, minutes, completionPercent, lecturerIds: chosen } = form.values;
  const rhythm = useFormCheck(WeeklyRhythm, rhythmOf(count, minutes));
  const { busy, run } = useAction();
  useDidShow(
    () =>
      void api.roles.holders({ params: { role: 'lecturer' }, query: { limit: 100 } }).then(
        ({ items }) => setLecturers(items),
        () => undefined,
      ),
  );

  const toggle = (userId: string) =>
    form.set('lecturerIds', chosen.includes(userId) ? chosen.filter((id) => id !== userId) : [...chosen, userId]);
  const submit = () =>
    run(async () => {
      const planned = rhythm.check();
      const body = form.check();
      if (!planned || !body) return;
      const { series } = await api.series.create({ body });
      toastOnNextPage({ title: '公益班已开设', icon: 'success' });
      await Taro.redirectTo({ url: `/learning/series/index?id=${series.id}` });
    });

  return (
    <View className='page classes series-edit'>
      <View className='card'>
        <CheckedInput {...form.field('title')} className='series-edit__title' placeholder='班名，如：越剧班' />
        <CheckedTextarea {...form.field('description')} className='text-box' maxlength={2000} placeholder='介绍：学什么、适合谁' />
        <CheckedInput {...form.field('venue')} placeholder='地点' />
        <CheckedInput {...form.field('capacity')} className='series-edit__capacity' type='number' placeholder='每课名额' />
        <Picker mode='date' value={date} onChange={(e) => form.set('date', String(e.detail.value))}>
          <View className='classes__field'>第一课日期：{date}</View>
        </Picker>
        <Picker mode='time' value={time} onChange={(e) => form.set('time', String(e.detail.value))}>
          <View className='classes__field'>上课时间：{time}（每周同一时间）</View>
        </Picker>
        <FieldError field='sessions' message={rhythm.valid ? form.problem('sessions') : undefined} />
        <CheckedInput {...form.field('count')} form={rhythm} className='series-edit__count' type='number' placeholder='课次' />
        <CheckedInput {...form.field('minutes')} form={rhythm} className='series-edit__minutes' type='number' placeholder='每课分钟数' />
        <CheckedInput {...form.field('completionPercent')} className='series-edit__percent' type='number' placeholder='结业出勤率（%）' />
        <Text className='muted classes__line'>
          共 {count || 0} 课，每课 {minutes || 0} 分钟；出勤 {completionPercent || 0}% 以上可获结业证书
        </Text>
      </View>
      <Text className='section-title'>讲师（公益讲师，可多选）</Text>
      <View className='card classes__tabs series-edit__lecturers'>
        {lecturers.length === 0 && <Text className='muted'>还没有公益讲师，请管理员在「角色管理」中设置</Text>}
        {lecturers.map((lecturer) => (
          <Text
            key={lecturer.userId}
            className={`chip ${chosen.includes(lecturer.userId) ? 'chip--on' : ''}`}
            onClick={() => toggle(lecturer.userId)}
          >
            {lecturer.nickname}
          </Text>
        ))}
      </View>
      <FieldError field='lecturerIds' message={form.problem('lecturerIds')} />
      <Button block type='primary' className='series-edit__submit' loading={busy} onClick={submit}>
        开设并发布
      </Button>
    </View>
  );
}
