/**
 * 认证考试: the certification exam on the shared exam sheet; a pass makes the member a certified
 * volunteer (their roles are read again).
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { MyVolunteerResponse } from '@hele/shared';
import { api } from '@/api';
import { refreshUser } from '@/auth/session';
import { ErrorView, LoadingView } from '@/components/status-view';
import { ExamPaper, ExamResult, ExamRules, useExamSitting } from '../exam-sheet';

export default function ExamPage() {
  const [me, setMe] = useState<MyVolunteerResponse>();
  const [error, setError] = useState<unknown>();
  const sitting = useExamSitting({
    start: () => api.volunteers.startExam(),
    submit: (attemptId, answers) => api.volunteers.submitExam({ params: { id: attemptId }, body: { answers } }),
    onClosed: async (result) => {
      if (result.status === 'passed') await refreshUser();
      setMe(await api.volunteers.me());
    },
  });
  const { resume } = sitting;

  useEffect(() => {
    api.volunteers.me().then((result) => {
      setMe(result);
      if (result.exam.openAttempt) resume(result.exam.openAttempt);
    }, setError);
  }, [resume]);

  if (error !== undefined) return <ErrorView error={error} onRetry={() => Taro.redirectTo({ url: '/volunteer/exam/index' })} />;
  if (!me) return <LoadingView />;
  const { attempt } = sitting;
  if (!attempt) return <ExamRules title='志愿者认证考试' noun='考试' exam={me.exam} busy={sitting.busy} onStart={sitting.begin} />;
  if (attempt.status !== 'open') {
    const verdict = attempt.status === 'passed' ? '恭喜通过认证，你已成为认证志愿者！' : '很遗憾，本次未通过';
    return <ExamResult attempt={attempt} verdict={verdict} retryAt={me.exam.retryAt} backLabel='返回志愿者中心' />;
  }
  return <ExamPaper attempt={attempt} busy={sitting.busy} onSubmit={sitting.handIn} />;
}
