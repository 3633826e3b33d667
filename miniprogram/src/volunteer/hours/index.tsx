/**
 * 我的服务记录 and 申报时长: records from sign-outs, declarations and teaching with their state
 * (待审核 / 已通过 / 未通过, and why), and a form to declare hours by hand with a note.
 */
import { View, Text, Picker } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { centerDate, DeclareHoursRequest, formatDate, type ServiceRecord } from '@hele/shared';
import { api } from '@/api';
import Card from '@/components/card';
import { CheckedTextarea } from '@/components/checked-input';
import FieldError from '@/components/field-error';
import { EmptyView, PagedItems } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button, Input, Tag } from '@/ui';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { askForNotices } from '@/utils/notices';
import { useRouteParam } from '@/utils/navigation';
import { SOURCE_LABELS, STATUS_TAGS, hoursOf } from '../labels';
import './index.scss';

function DeclareForm({ onDone }: { onDone: () => void }) {
  const { busy, run } = useAction();
  // Checked as the server checks it; the member types hours, the schema counts minutes.
  const form = useForm(
    DeclareHoursRequest,
    { servedOn: centerDate(new Date()), hours: '', note: '' },
    { input: ({ hours, ...rest }) => ({ ...rest, minutes: hours.trim() ? Math.round(Number(hours) * 60) : undefined }) },
  );
  const { servedOn, hours } = form.values;
  const hoursProblem = form.problem('minutes') && (hours.trim() ? '服务时长须在 0.25 到 12 小时之间' : '请填写服务时长');
  const submit = () => {
    // WeChat asks only during the tap: may it tell the volunteer the decision?
    askForNotices(['hours_result']);
    return run(async () => {
      const body = form.check();
      if (!body) return;
      await api.volunteers.declareHours({ body });
      void Taro.showToast({ title: '已提交，等待审核', icon: 'success' });
      form.reset('hours', 'note');
      onDone();
    });
  };
  return (
    <Card title='申报服务时长' className='hours__form'>
      <Picker mode='date' value={servedOn} end={centerDate(new Date())} onChange={(e) => form.set('servedOn', e.detail.value)}>
        <View className='hours__field'>服务日期：{servedOn}</View>
      </Picker>
      <Input className='hours__hours' type='digit' placeholder='服务时长（小时，如 2.5）' {...form.input('hours', 'minutes')} />
      <FieldError field='minutes' message={hoursProblem} />
      <CheckedTextarea
        {...form.field('note')}
        className='text-box hours__note'
        maxlength={300}
        placeholder='服务内容，如：在社区敬老院陪伴老人聊天'
      />
      <Text className='muted'>手工申报的时长经社工审核通过后计入，每小时 10 积分。</Text>
      <Button block type='primary' loading={busy} className='hours__submit' onClick={submit}>
        提交申报
      </Button>
    </Card>
  );
}

export default function HoursPage() {
  const [declaring, setDeclaring] = useState(useRouteParam('declare') === '1');
  const records = usePagedList<ServiceRecord>((cursor) => api.volunteers.myHours({ query: { cursor } }));
  return (
    <View className='page hours'>
      {declaring ? (
        <DeclareForm
          onDone={() => {
            setDeclaring(false);
            void records.refresh();
          }}
        />
      ) : (
        <Button block type='primary' className='hours__declare' onClick={() => setDeclaring(true)}>
          申报服务时长
        </Button>
      )}
      <Text className='section-title'>服务记录</Text>
      <PagedItems
        list={records}
        empty={<EmptyView title='暂无服务记录' description='参加志愿服务活动并签到签退，或手工申报' />}
        row={(record) => (
          <View key={record.id} className='card hours__record'>
            <View className='hours__head'>
              <Text className='hours__title'>{record.activityTitle ?? record.note}</Text>
              <Tag type={STATUS_TAGS[record.status].type}>{STATUS_TAGS[record.status].label}</Tag>
            </View>
            <Text className='muted'>
              {formatDate(record.servedOn)} · {hoursOf(record.minutes)} 小时 · {SOURCE_LABELS[record.source]}
              {record.points !== undefined && record.status === 'approved' ? ` · +${record.points} 积分` : ''}
              {record.pointsPending !== undefined && record.status === 'approved' ? ` · 认证后得 ${record.pointsPending} 积分` : ''}
            </Text>
            {record.decisionNote && <Text className='hours__reason'>审核意见：{record.decisionNote}</Text>}
          </View>
        )}
      />
    </View>
  );
}
