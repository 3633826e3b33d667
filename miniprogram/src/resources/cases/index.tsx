/**
 * 需求个案 (coordinators): the needs the center handles through the social-work process, by stage,
 * and a form to open a new one from a resident, a community, a branch or a visit. Needs residents raised
 * themselves (提出需求) wait at 需求评估 marked 居民提出 with how urgent they said it is.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  CASE_SOURCE_LABELS,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  CaseInput,
  formatDateTime,
  NEED_URGENCY_LABELS,
  type Case,
  type CaseSource,
  type CaseStage,
} from '@hele/shared';
import { api } from '@/api';
import Card from '@/components/card';
import CheckedInput, { CheckedTextarea } from '@/components/checked-input';
import { Choice } from '@/components/choice';
import { EmptyView, PagedItems } from '@/components/status-view';
import { useForm } from '@/hooks/use-form';
import { useCheckedSubmit } from '@/hooks/use-form-check';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button, Tag } from '@/ui';
import '../resources.scss';

const SOURCES = Object.keys(CASE_SOURCE_LABELS) as CaseSource[];

function OpenCase({ onOpened }: { onOpened: (record: Case) => void }) {
  const form = useForm(
    CaseInput,
    { title: '', source: 'visit' as CaseSource, requester: '', description: '' },
    { optional: ['requester'] },
  );
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    const { case: record } = await api.resources.openCase({ body });
    form.reset('title', 'requester', 'description');
    onOpened(record);
  });
  return (
    <Card title='登记需求' className='resources__form'>
      <CheckedInput {...form.field('title')} className='cases__title' placeholder='需求名称，如：独居老人助餐' />
      <Choice label='来源' options={SOURCES} labels={CASE_SOURCE_LABELS} {...form.choice('source')} />
      <CheckedInput {...form.field('requester')} placeholder='需求方（居民姓名、社区、支部，可不填）' />
      <CheckedTextarea {...form.field('description')} className='text-box cases__description' maxlength={2000} placeholder='需求描述' />
      <Button block type='primary' className='cases__open' loading={busy} onClick={submit}>
        建立个案
      </Button>
    </Card>
  );
}

export default function CasesPage() {
  const [stage, setStage] = useState<CaseStage>();
  const cases = usePagedList<Case>((cursor) => api.resources.cases({ query: { cursor, ...(stage ? { stage } : {}) } }), [stage]);
  const open = (id: string) => Taro.navigateTo({ url: `/resources/case/index?id=${id}` });
  return (
    <View className='page resources'>
      <OpenCase onOpened={(record) => void open(record.id)} />
      <View className='resources__chips'>
        <Text className={`chip ${stage ? '' : 'chip--on'}`} onClick={() => setStage(undefined)}>
          全部
        </Text>
        {CASE_STAGES.map((item) => (
          <Text key={item} className={`chip ${stage === item ? 'chip--on' : ''}`} onClick={() => setStage(item)}>
            {CASE_STAGE_LABELS[item]}
          </Text>
        ))}
      </View>
      <PagedItems
        list={cases}
        empty={<EmptyView title='暂无个案' />}
        row={(record) => (
          <View key={record.id} className='card cases__item' data-id={record.id} onClick={() => open(record.id)}>
            <View className='resources__head'>
              <Tag type='primary'>{CASE_STAGE_LABELS[record.stage]}</Tag>
              <Text className='muted'>{CASE_SOURCE_LABELS[record.source]}</Text>
              {record.raisedBy && (
                <Tag type='warning' className='cases__raised'>
                  居民提出{record.urgency ? ` · ${NEED_URGENCY_LABELS[record.urgency]}` : ''}
                </Tag>
              )}
            </View>
            <Text className='resources__title'>{record.title}</Text>
            <Text className='muted'>更新于 {formatDateTime(record.updatedAt)}</Text>
          </View>
        )}
      />
    </View>
  );
}
