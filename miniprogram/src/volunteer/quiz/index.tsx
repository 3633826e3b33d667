/**
 * 培训测验: a training topic's quiz (`?topic=`) on the shared exam sheet, open after checking in at
 * one of the topic's trainings; a pass completes the topic (志愿者学院).
 */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { TRAINING_TOPIC_LABELS, TrainingTopicSchema, type TrainingQuizResponse, type TrainingTopic } from '@hele/shared';
import { api } from '@/api';
import { EmptyView, ErrorView, LoadingView } from '@/components/status-view';
import { useRouteParam } from '@/utils/navigation';
import { ExamPaper, ExamResult, ExamRules, useExamSitting } from '../exam-sheet';

function Quiz({ topic }: { topic: TrainingTopic }) {
  const [status, setStatus] = useState<TrainingQuizResponse>();
  const [error, setError] = useState<unknown>();
  const sitting = useExamSitting({
    start: () => api.volunteers.startQuiz({ params: { topic } }),
    submit: (attemptId, answers) => api.volunteers.submitQuiz({ params: { topic, id: attemptId }, body: { answers } }),
    onClosed: async () => setStatus(await api.volunteers.quizStatus({ params: { topic } })),
  });
  const { resume } = sitting;

  useEffect(() => {
    api.volunteers.quizStatus({ params: { topic } }).then((result) => {
      setStatus(result);
      if (result.quiz.openAttempt) resume(result.quiz.openAttempt);
    }, setError);
  }, [topic, resume]);

  if (error !== undefined)
    return <ErrorView error={error} onRetry={() => Taro.redirectTo({ url: `/volunteer/quiz/index?topic=${topic}` })} />;
  if (!status) return <LoadingView />;
  const label = TRAINING_TOPIC_LABELS[topic];
  const { attempt } = sitting;
  if (attempt && attempt.status !== 'open') {
    const verdict = attempt.status === 'passed' ? `恭喜通过测验，「${label}」培训已完成！` : '很遗憾，本次测验未通过';
    return <ExamResult attempt={attempt} verdict={verdict} retryAt={status.quiz.retryAt} backLabel='返回志愿者中心' />;
  }
  if (attempt) return <ExamPaper attempt={attempt} busy={sitting.busy} onSubmit={sitting.handIn} />;
  if (status.training?.status === 'completed' || !status.training) {
    const [title, description] = status.training
      ? [`「${label}」培训已完成`, '无需再参加测验']
      : ['请先参加培训', `参加「${label}」培训并现场签到后，即可参加测验`];
    return (
      <View className='page'>
        <EmptyView title={title} description={description} />
      </View>
    );
  }
  return (
    <ExamRules
      title={`「${label}」培训测验`}
      noun='测验'
      outcome='通过后记入志愿者档案，需要该培训的服务活动即可报名'
      exam={status.quiz}
      busy={sitting.busy}
      onStart={sitting.begin}
    />
  );
}

export default function QuizPage() {
  const topic = TrainingTopicSchema.safeParse(useRouteParam('topic')).data;
  return topic ? <Quiz topic={topic} /> : <EmptyView title='未找到该测验' />;
}
