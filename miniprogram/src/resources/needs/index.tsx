/**
 * 提出需求 (anyone signed in): a resident or member writes what they need, where, how urgent, and how to
 * reach them (optional); it enters the coordinators' 需求评估 as 居民提出. Below, the needs they raised and
 * where each stands in the social-work process (需求评估 → 预估 → 计划 → 介入 → 结果评估 → 已结案).
 */
import { View, Text } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { CASE_STAGE_LABELS, formatDateTime, NEED_URGENCY_LABELS, PrioritySchema, RaiseNeedRequest, type MyNeed } from '@hele/shared';
import { api } from '@/api';
import Card from '@/components/card';
import CheckedInput, { CheckedTextarea } from '@/components/checked-input';
import { Choice } from '@/components/choice';
import { EmptyView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { useCheckedSubmit } from '@/hooks/use-form-check';
import { Button, Tag } from '@/ui';
import { largeTextClass, useLargeText } from '@/utils/large-text';
import '../resources.scss';

type Urgency = MyNeed['urgency'];
const URGENCIES = PrioritySchema.options;

/** What the raiser is told of each stage: where their need is, in plain words. */
const STAGE_HINTS: Record<MyNeed['stage'], string> = {
  assessment: '社工正在了解和评估你的需求',
  estimation: '社工正在估算需要的资源',
  planning: '社工正在制定帮扶计划',
  intervention: '正在为你提供帮助',
  evaluation: '帮扶已完成，社工正在回访评估',
  closed: '已结案',
};

function RaiseNeed({ onRaised }: { onRaised: () => Promise<void> }) {
  const form = useForm(RaiseNeedRequest, { what: '', where: '', urgency: 'normal' as Urgency, contact: '' }, { optional: ['contact'] });
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    await api.resources.raiseNeed({ body });
    void Taro.showToast({ title: '已提交，社工会尽快评估', icon: 'none' });
    form.reset();
    await onRaised();
  });
  return (
    <Card title='提出需求' className='resources__form needs__form'>
      <Text className='muted'>写下你或家人、邻里需要的帮助，社工评估后会联系你，并在这里告诉你进展。</Text>
      <CheckedTextarea
        {...form.field('what')}
        className='text-box needs__what'
        maxlength={500}
        placeholder='需要什么帮助，如：家中老人行动不便，需要志愿者陪同就医'
      />
      <CheckedInput {...form.field('where')} className='needs__where' placeholder='在哪里，如：松台街道和乐社区 3 幢' />
      <Choice label='紧急程度' options={URGENCIES} labels={NEED_URGENCY_LABELS} {...form.choice('urgency')} />
      <CheckedInput {...form.field('contact')} className='needs__contact' placeholder='联系电话或方式（可不填）' />
      <Button block type='primary' className='needs__submit' loading={busy} onClick={submit}>
        提交需求
      </Button>
    </Card>
  );
}

export default function NeedsPage() {
  const [needs, setNeeds] = useState<MyNeed[]>();
  const large = useLargeText();
  const { run } = useAction();
  const load = async () => setNeeds((await api.resources.myNeeds()).items);
  useDidShow(() => void run(load));
  usePullDownRefresh(() => void run(load).finally(() => Taro.stopPullDownRefresh()));
  return (
    <View className={`page resources needs ${largeTextClass(large)}`}>
      <RaiseNeed onRaised={load} />
      <Text className='section-title'>我提出的需求</Text>
      {needs?.length === 0 && <EmptyView title='还没有提出需求' description='提交后可以在这里看到社工的处理进展' />}
      {needs?.map((need) => (
        <View key={need.id} className='card needs__item' data-id={need.id}>
          <View className='resources__head'>
            <Tag type={need.stage === 'closed' ? 'default' : 'primary'} className='needs__stage'>
              {CASE_STAGE_LABELS[need.stage]}
            </Tag>
            <Text className='muted'>{NEED_URGENCY_LABELS[need.urgency]}</Text>
          </View>
          <Text className='resources__title needs__text'>{need.what}</Text>
          <Text className='muted'>
            {need.where} · 提交于 {formatDateTime(need.createdAt)}
          </Text>
          <Text className='resources__event needs__hint'>{STAGE_HINTS[need.stage]}</Text>
        </View>
      ))}
    </View>
  );
}
