/** 考试记录与志愿者名单 (coordinator): every attempt with its score, and the applicants and volunteers with their phones. */
import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { formatDateTime, type ExamAttempt, type VolunteerProfile } from '@hele/shared';
import { api } from '@/api';
import { EmptyView, ErrorView, ListFoot } from '@/components/status-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { Tag } from '@/ui';
import './index.scss';

const ATTEMPT_TAGS = { open: { label: '答题中', type: 'warning' }, passed: { label: '通过', type: 'success' }, failed: { label: '未通过', type: 'default' } } as const;
const TABS = [
  { key: 'attempts', label: '考试记录' },
  { key: 'applied', label: '待认证' },
  { key: 'certified', label: '已认证' },
] as const;
type Tab = (typeof TABS)[number]['key'];

function Attempts() {
  const attempts = usePagedList<ExamAttempt>((cursor) => api.exam.attempts({ cursor }));
  if (attempts.error !== undefined && attempts.items.length === 0) return <ErrorView error={attempts.error} onRetry={attempts.refresh} />;
  if (attempts.items.length === 0 && !attempts.loading) return <EmptyView title='暂无考试记录' />;
  return (
    <>
      {attempts.items.map((attempt) => (
        <View key={attempt.id} className='card attempts__row'>
          <View>
            <Text className='attempts__name'>{attempt.nickname}</Text>
            <Text className='muted'>{formatDateTime(attempt.startedAt)}</Text>
          </View>
          <View className='attempts__side'>
            {attempt.score !== undefined && <Text className='attempts__score'>{attempt.score} 分</Text>}
            <Tag type={ATTEMPT_TAGS[attempt.status].type}>{ATTEMPT_TAGS[attempt.status].label}</Tag>
          </View>
        </View>
      ))}
      <ListFoot loading={attempts.loading} done={attempts.done} count={attempts.items.length} />
    </>
  );
}

function Volunteers({ status }: { status: 'applied' | 'certified' }) {
  const volunteers = usePagedList<VolunteerProfile>((cursor) => api.volunteers.list({ status, cursor }), [status]);
  if (volunteers.error !== undefined && volunteers.items.length === 0) return <ErrorView error={volunteers.error} onRetry={volunteers.refresh} />;
  if (volunteers.items.length === 0 && !volunteers.loading) return <EmptyView title='暂无' />;
  return (
    <>
      {volunteers.items.map((profile) => (
        <View key={profile.userId} className='card attempts__row'>
          <View>
            <Text className='attempts__name'>{profile.nickname}</Text>
            <Text className='muted'>
              {profile.skills.join('、')} · {profile.availability}
            </Text>
          </View>
          <Text className='attempts__phone'>{profile.phone}</Text>
        </View>
      ))}
      <ListFoot loading={volunteers.loading} done={volunteers.done} count={volunteers.items.length} />
    </>
  );
}

export default function AttemptsPage() {
  const [tab, setTab] = useState<Tab>('attempts');
  return (
    <View className='page attempts'>
      <View className='attempts__tabs'>
        {TABS.map(({ key, label }) => (
          <Text key={key} className={`attempts__tab ${tab === key ? 'attempts__tab--on' : ''}`} onClick={() => setTab(key)}>
            {label}
          </Text>
        ))}
      </View>
      {tab === 'attempts' ? <Attempts /> : <Volunteers status={tab} />}
    </View>
  );
}
