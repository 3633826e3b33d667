/**
 * One case (coordinators): where it is in 需求评估 → 预估 → 计划 → 介入 → 结果评估, the form of that
 * step, moving it on (or back, or reopening it, with a reason), resources allocated to it during
 * planning and intervention, and its history.
 */
import { View, Text, Picker } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import {
  ALLOCATION_STAGES,
  AllocationRequest,
  CASE_SOURCE_LABELS,
  NEED_URGENCY_LABELS,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  CaseLogRequest,
  caseTransition,
  FUNDS_UNIT,
  formatDateTime,
  OFFER_KIND_LABELS,
  quantityText,
  yuanToFen,
  type CaseDetail,
  type CaseEvent,
  type CaseStage,
  type Offer,
} from '@hele/shared';
import { api, newIdempotencyKey } from '@/api';
import { useCurrentUser } from '@/auth/session';
import Card from '@/components/card';
import CheckedInput, { CheckedTextarea } from '@/components/checked-input';
import FieldError from '@/components/field-error';
import { ErrorView, LoadingView } from '@/components/status-view';
import { useAction } from '@/hooks/use-action';
import { useForm } from '@/hooks/use-form';
import { typedNumber, useCheckedSubmit } from '@/hooks/use-form-check';
import { useResource } from '@/hooks/use-resource';
import { Button, Input, Tag } from '@/ui';
import { useRouteParam } from '@/utils/navigation';
import { SavedForms, StepForm } from './forms';
import '../resources.scss';

const eventText = (event: CaseEvent): string => {
  switch (event.kind) {
    case 'opened':
      return '建立个案';
    case 'moved':
      return `${event.move === 'advance' ? '进入' : event.move === 'revise' ? '退回' : '重新开启至'}「${CASE_STAGE_LABELS[event.to!]}」${event.text ? `：${event.text}` : ''}`;
    case 'form':
      return `填写「${CASE_STAGE_LABELS[event.step!]}」表`;
    case 'log':
      return `介入日志：${event.text}`;
    case 'allocated':
      return `分配资源：${event.text}`;
  }
};

function Steps({ stage }: { stage: CaseStage }) {
  const at = CASE_STAGES.indexOf(stage);
  return (
    <View className='resources__steps'>
      {CASE_STAGES.map((item, index) => (
        <Text
          key={item}
          className={`resources__step ${index < at ? 'resources__step--done' : ''} ${index === at ? 'resources__step--now' : ''}`}
        >
          {CASE_STAGE_LABELS[item]}
        </Text>
      ))}
    </View>
  );
}

/** Forward one step; back one step, or reopen a closed case at any step, with a reason. */
function Moves({ detail, onMoved }: { detail: CaseDetail; onMoved: () => Promise<void> }) {
  const { stage } = detail.case;
  const at = CASE_STAGES.indexOf(stage);
  const next = CASE_STAGES[at + 1];
  const back: CaseStage[] = stage === 'closed' ? CASE_STAGES.filter((item) => item !== 'closed') : at > 0 ? [CASE_STAGES[at - 1]!] : [];
  const [target, setTarget] = useState(0);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const roles = useCurrentUser()?.roles ?? [];
  const { busy, run } = useAction();
  const move = (to: CaseStage, why?: string) =>
    run(async () => {
      await api.resources.move({ params: { id: detail.case.id }, body: { to, reason: why } });
      setReason('');
      setTried(false);
      await onMoved();
    });
  const backTo = back[Math.min(target, back.length - 1)];
  // Going back needs a reason, by the rule the server applies: tapping without one says so under the field.
  const verdict = backTo ? caseTransition(stage, backTo, roles, reason) : undefined;
  const reasonProblem = verdict && !verdict.ok && verdict.code === 'REASON_REQUIRED' ? verdict.message : undefined;
  const moveBack = () => {
    setTried(true);
    if (backTo && !reasonProblem) void move(backTo, reason.trim());
  };
  return (
    <View className='card'>
      {next && (
        <Button block type='primary' className='case__advance' loading={busy} onClick={() => move(next)}>
          {next === 'closed' ? '结案' : `进入下一步「${CASE_STAGE_LABELS[next]}」`}
        </Button>
      )}
      {back.length > 0 && (
        <View className='case__back'>
          {back.length > 1 && (
            <Picker
              mode='selector'
              range={back.map((item) => CASE_STAGE_LABELS[item])}
              value={target}
              onChange={(e) => setTarget(Number(e.detail.value))}
            >
              <View className='resources__field'>重新开启至：{CASE_STAGE_LABELS[back[target]!]}</View>
            </Picker>
          )}
          <Input
            className='case__reason'
            placeholder={stage === 'closed' ? '重新开启的原因' : '退回上一步的原因'}
            value={reason}
            onChange={setReason}
          />
          <FieldError field='reason' message={tried ? reasonProblem : undefined} />
          <Button size='small' className='case__move-back' onClick={moveBack}>
            {stage === 'closed' ? '重新开启' : `退回「${CASE_STAGE_LABELS[back[0]!]}」`}
          </Button>
        </View>
      )}
    </View>
  );
}

function InterventionLog({ detail, onLogged }: { detail: CaseDetail; onLogged: () => Promise<void> }) {
  const form = useForm(CaseLogRequest, { text: '' });
  const { busy, submit: add } = useCheckedSubmit(form, async (body) => {
    await api.resources.log({ params: { id: detail.case.id }, body });
    form.reset();
    await onLogged();
  });
  return (
    <View>
      {detail.history
        .filter((event) => event.kind === 'log')
        .map((event) => (
          <Text key={event.id} className='resources__event'>
            {formatDateTime(event.at)} {event.text}
          </Text>
        ))}
      <CheckedTextarea
        {...form.field('text')}
        className='text-box case__log'
        maxlength={1000}
        placeholder='介入日志：做了什么、服务对象的变化'
      />
      <Button block type='primary' className='case__add-log' loading={busy} onClick={add}>
        添加日志
      </Button>
    </View>
  );
}

/** Allocate part of an offer to this case: funds typed in 元, the rest in the offer's unit. */
function Allocate({ detail, onAllocated }: { detail: CaseDetail; onAllocated: () => Promise<void> }) {
  const [offers, setOffers] = useState<Offer[]>([]);
  const load = useCallback(
    async () => setOffers((await api.resources.offers({ query: { limit: 100 } })).items.filter((offer) => offer.remaining > 0)),
    [],
  );
  useEffect(() => void load().catch(() => undefined), [load]);
  // Funds are typed in 元 and allocated in 分; anything else in the offer's whole units.
  const form = useForm(
    AllocationRequest,
    { offer: 0, quantity: '' },
    {
      input: ({ offer, quantity }) => ({
        offerId: offers[offer]?.id,
        quantity: typedNumber(quantity, offers[offer]?.unit === FUNDS_UNIT ? yuanToFen : undefined),
      }),
    },
  );
  const choice = form.values.offer;
  const offer = offers[choice];
  const { busy, submit: allocate } = useCheckedSubmit(form, async (body) => {
    await api.resources.allocate({ params: { id: detail.case.id }, body, idempotencyKey: newIdempotencyKey() });
    void Taro.showToast({ title: '已分配', icon: 'success' });
    form.reset('quantity');
    await Promise.all([load(), onAllocated()]);
  });
  if (offers.length === 0) return <Text className='muted'>暂无可分配的资源</Text>;
  return (
    <View>
      <Picker
        mode='selector'
        range={offers.map((item) => `${item.providerName}·${item.title}（余 ${quantityText(item.remaining, item.unit)}）`)}
        value={choice}
        onChange={(e) => form.set('offer', Number(e.detail.value))}
      >
        <View className='resources__field case__offer'>
          资源：{offer ? `${offer.providerName}·${offer.title}（余 ${quantityText(offer.remaining, offer.unit)}）` : ''}
        </View>
      </Picker>
      <CheckedInput
        {...form.field('quantity')}
        className='case__amount'
        type='digit'
        placeholder={offer?.unit === FUNDS_UNIT ? '金额（元）' : `数量（${offer?.unit ?? ''}）`}
      />
      <Button block type='primary' className='case__allocate' loading={busy} onClick={allocate}>
        分配
      </Button>
    </View>
  );
}

export default function CasePage() {
  const id = useRouteParam('id') ?? '';
  const { data: detail, error, reload } = useResource(() => api.resources.case({ params: { id } }), [id]);

  if (error !== undefined && !detail) return <ErrorView error={error} onRetry={reload} />;
  if (!detail) return <LoadingView />;
  const { case: record } = detail;
  return (
    <View className='page resources case'>
      <View className='card'>
        <View className='resources__head'>
          <Tag type='primary' className='case__stage'>
            {CASE_STAGE_LABELS[record.stage]}
          </Tag>
          <Text className='muted'>
            {CASE_SOURCE_LABELS[record.source]}
            {record.requester ? ` · ${record.requester}` : ''}
          </Text>
        </View>
        <Text className='resources__title'>{record.title}</Text>
        <Text className='muted'>{record.description}</Text>
        {record.raisedBy && (
          <Text className='muted case__raised'>
            居民提出：{record.raisedByName ?? ''}
            {record.location ? ` · 地点：${record.location}` : ''}
            {record.urgency ? ` · ${NEED_URGENCY_LABELS[record.urgency]}` : ''}
            {record.contact ? ` · 联系方式：${record.contact}` : ''}
          </Text>
        )}
        <Steps stage={record.stage} />
        <SavedForms record={record} />
      </View>

      {record.stage !== 'closed' && (
        <Card title={CASE_STAGE_LABELS[record.stage]}>
          {record.stage === 'intervention' ? (
            <InterventionLog detail={detail} onLogged={reload} />
          ) : (
            <StepForm
              record={record}
              onSave={async (step, form) => {
                await api.resources.saveForm({ params: { id: record.id, step }, body: form });
                void Taro.showToast({ title: '已保存', icon: 'success' });
                await reload();
              }}
            />
          )}
        </Card>
      )}

      <Moves detail={detail} onMoved={reload} />

      <Card title='已分配资源'>
        {detail.allocations.map((allocation) => (
          <View key={allocation.id} className='resources__row case__allocation'>
            <Text>
              {OFFER_KIND_LABELS[allocation.kind]} · {allocation.providerName}「{allocation.offerTitle}」
            </Text>
            <Text>{quantityText(allocation.quantity, allocation.unit)}</Text>
          </View>
        ))}
        {ALLOCATION_STAGES.includes(record.stage) ? (
          <Allocate detail={detail} onAllocated={reload} />
        ) : (
          <Text className='muted'>计划和介入阶段可分配资源</Text>
        )}
      </Card>

      <Card title='个案记录'>
        {[...detail.history].reverse().map((event) => (
          <Text key={event.id} className='resources__event case__event'>
            {formatDateTime(event.at)} {event.actorName} {eventText(event)}
          </Text>
        ))}
      </Card>
    </View>
  );
}
