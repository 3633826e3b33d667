/**
 * 考试记录与志愿者名单 (coordinator): every attempt of a bank (the certification exam or a training
 * quiz) with its score; applicants and volunteers with their phones, and points adjustments.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import { AdjustmentRequest, formatDateTime, type ExamAttempt, type ExamBank, type VolunteerProfile } from '@hele/shared';
import { api, newIdempotencyKey } from '@/api';
import CheckedInput from '@/components/checked-input';
import { Tabs } from '@/components/choice';
import { EmptyView, PagedItems } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Button, Tag } from '@/ui';
import { useForm } from '@/hooks/use-form';
import { typedNumber, useCheckedSubmit } from '@/hooks/use-form-check';
import BankPicker from '../bank-picker';
import './index.scss';

const ATTEMPT_TAGS = {
  open: { label: '答题中', type: 'warning' },
  passed: { label: '通过', type: 'success' },
  failed: { label: '未通过', type: 'default' },
} as const;
const TAB_LABELS = { attempts: '考试记录', applied: '待认证', certified: '已认证' } as const;
type Tab = keyof typeof TAB_LABELS;
const TABS = Object.keys(TAB_LABELS) as Tab[];

/** A person's line of either list: the name over a muted line on the left, `children` (figures, buttons) on the right. */
function PersonLine({ className, name, detail, children }: { className: string; name: string; detail: ReactNode; children: ReactNode }) {
  return (
    <View className={className}>
      <View>
        <Text className='attempts__name'>{name}</Text>
        <Text className='muted'>{detail}</Text>
      </View>
      <View className='attempts__side'>{children}</View>
    </View>
  );
}

function AttemptList({ bank }: { bank: ExamBank }) {
  const attempts = usePagedList<ExamAttempt>((cursor) => api.volunteers.examAttempts({ query: { cursor, bank } }), [bank]);
  return (
    <PagedItems
      list={attempts}
      empty={<EmptyView title='暂无考试记录' />}
      row={(attempt) => (
        <PersonLine key={attempt.id} className='card attempts__row' name={attempt.nickname} detail={formatDateTime(attempt.startedAt)}>
          {attempt.score !== undefined && <Text className='attempts__score'>{attempt.score} 分</Text>}
          <Tag type={ATTEMPT_TAGS[attempt.status].type}>{ATTEMPT_TAGS[attempt.status].label}</Tag>
        </PersonLine>
      )}
    />
  );
}

function Attempts() {
  const [bank, setBank] = useState<ExamBank>('certification');
  return (
    <>
      <BankPicker bank={bank} onChange={setBank} />
      <AttemptList bank={bank} />
    </>
  );
}

/** A coordinator's points adjustment (调整积分) for one volunteer: amount and reason, recorded in the ledger with who did it. */
function Adjust({ profile, onDone }: { profile: VolunteerProfile; onDone: () => void }) {
  const [key] = useState(newIdempotencyKey);
  const form = useForm(
    AdjustmentRequest,
    { amount: '', reason: '' },
    { input: ({ amount, reason }) => ({ userId: profile.userId, amount: typedNumber(amount), reason }) },
  );
  const { busy, submit } = useCheckedSubmit(form, async (body) => {
    const { entry } = await api.points.adjust({ body, idempotencyKey: key });
    void Taro.showToast({ title: `已调整，余额 ${entry.balanceAfter}`, icon: 'none' });
    onDone();
  });
  return (
    <View className='attempts__adjust'>
      <CheckedInput {...form.field('amount')} className='attempts__amount' type='text' placeholder='积分，如 20 或 -10' />
      <CheckedInput {...form.field('reason')} className='attempts__reason' placeholder='调整原因（必填）' />
      <Button size='small' type='primary' loading={busy} className='attempts__adjust-submit' onClick={submit}>
        确认调整
      </Button>
    </View>
  );
}

function Volunteers({ status }: { status: 'applied' | 'certified' }) {
  const volunteers = usePagedList<VolunteerProfile>((cursor) => api.volunteers.list({ query: { status, cursor } }), [status]);
  const [adjusting, setAdjusting] = useState<string>();
  return (
    <PagedItems
      list={volunteers}
      empty={<EmptyView title='暂无' />}
      row={(profile) => (
        <View key={profile.userId} className='card'>
          <PersonLine
            className='attempts__row'
            name={profile.nickname}
            detail={
              <>
                {profile.skills.join('、')} · {profile.availability}
              </>
            }
          >
            <Text className='attempts__phone'>{profile.phone}</Text>
            <Button size='small' onClick={() => setAdjusting(adjusting === profile.userId ? undefined : profile.userId)}>
              调整积分
            </Button>
          </PersonLine>
          {adjusting === profile.userId && <Adjust profile={profile} onDone={() => setAdjusting(undefined)} />}
        </View>
      )}
    />
  );
}

export default function AttemptsPage() {
  const [tab, setTab] = useState<Tab>('attempts');
  return (
    <View className='page attempts'>
      <Tabs block='attempts' options={TABS} labels={TAB_LABELS} value={tab} onChange={setTab} />
      {tab === 'attempts' ? <Attempts /> : <Volunteers status={tab} />}
    </View>
  );
}
