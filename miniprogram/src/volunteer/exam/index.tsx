/**
 * 认证考试: the paper drawn by the server (questions only), a countdown to the deadline that hands
 * the paper in by itself at zero, and the result. Grading happens on the server.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatDateTime, type ExamAttempt, type MyVolunteerResponse } from '@hele/shared';
import { api } from '@/api';
import { refreshUser } from '@/auth/session';
import { ErrorView, LoadingView } from '@/components/status-view';
import { Button } from '@/ui';
import { showError } from '@/utils/feedback';
import './index.scss';

const LETTERS = 'ABCDEF';
const clock = (seconds: number) => `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

export default function ExamPage() {
  const [me, setMe] = useState<MyVolunteerResponse>();
  const [attempt, setAttempt] = useState<ExamAttempt>();
  const [answers, setAnswers] = useState<Record<string, number[]>>({});
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submitted = useRef(false);

  useEffect(() => {
    api.volunteers.me().then((result) => {
      setMe(result);
      if (result.exam.openAttempt) setAttempt(result.exam.openAttempt);
    }, setError);
  }, []);

  const start = async () => {
    setBusy(true);
    try {
      setAttempt((await api.exam.start()).attempt);
    } catch (caught) {
      showError(caught);
    } finally {
      setBusy(false);
    }
  };

  const submit = useCallback(async () => {
    if (!attempt || submitted.current) return;
    submitted.current = true;
    setBusy(true);
    try {
      const result = (await api.exam.submit(attempt.id, answers)).attempt;
      setAttempt(result);
      if (result.status === 'passed') await refreshUser();
      setMe(await api.volunteers.me());
    } catch (caught) {
      submitted.current = false;
      showError(caught);
    } finally {
      setBusy(false);
    }
  }, [attempt, answers]);

  // Count down; at zero the paper goes in as it is.
  useEffect(() => {
    if (attempt?.status !== 'open') return undefined;
    const tick = () => {
      const left = Math.max(0, Math.ceil((Date.parse(attempt.deadline) - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) void submit();
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [attempt, submit]);

  if (error !== undefined) return <ErrorView error={error} onRetry={() => Taro.redirectTo({ url: '/volunteer/exam/index' })} />;
  if (!me) return <LoadingView />;

  if (!attempt) {
    return (
      <View className='page exam'>
        <View className='card'>
          <Text className='section-title'>志愿者认证考试</Text>
          <Text className='exam__rule'>· 共 {me.exam.questions} 题，单选与多选，随机抽题</Text>
          <Text className='exam__rule'>· 限时 {me.exam.minutes} 分钟，时间到自动交卷</Text>
          <Text className='exam__rule'>· {me.exam.passMark} 分及格；未通过需等待一段时间后再考</Text>
        </View>
        <Button block type='primary' loading={busy} className='exam__start' onClick={start}>
          开始考试
        </Button>
      </View>
    );
  }

  if (attempt.status !== 'open') {
    const passed = attempt.status === 'passed';
    return (
      <View className='page exam'>
        <View className='card exam__result'>
          <Text className={`exam__score ${passed ? 'exam__score--passed' : ''}`}>{attempt.score ?? 0} 分</Text>
          <Text className='exam__verdict'>{passed ? '恭喜通过认证，你已成为认证志愿者！' : '很遗憾，本次未通过'}</Text>
          <Text className='muted'>
            答对 {attempt.correct ?? 0} / {attempt.total} 题 · 及格线 {attempt.passMark} 分
          </Text>
          {!passed && me.exam.retryAt && <Text className='muted'>{formatDateTime(me.exam.retryAt)} 后可再次参加</Text>}
        </View>
        <Button block type='primary' onClick={() => Taro.navigateBack()}>
          返回志愿者中心
        </Button>
      </View>
    );
  }

  const choose = (questionId: string, option: number, multiple: boolean) =>
    setAnswers((current) => {
      const chosen = current[questionId] ?? [];
      const next = multiple ? (chosen.includes(option) ? chosen.filter((o) => o !== option) : [...chosen, option]) : [option];
      return { ...current, [questionId]: next };
    });
  const answered = attempt.questions?.filter((question) => (answers[question.id] ?? []).length > 0).length ?? 0;

  return (
    <View className='page exam'>
      <View className='exam__bar'>
        <Text>
          已答 {answered}/{attempt.total}
        </Text>
        <Text className={`exam__clock ${secondsLeft < 60 ? 'exam__clock--late' : ''}`}>剩余 {clock(secondsLeft)}</Text>
      </View>
      {attempt.questions?.map((question, index) => (
        <View key={question.id} className='card exam__question'>
          <Text className='exam__text'>
            {index + 1}. 【{question.type === 'multiple' ? '多选' : '单选'}】{question.text}
          </Text>
          {question.options.map((option, optionIndex) => {
            const on = (answers[question.id] ?? []).includes(optionIndex);
            return (
              <View key={option} className={`exam__option ${on ? 'exam__option--on' : ''}`} onClick={() => choose(question.id, optionIndex, question.type === 'multiple')}>
                <Text className='exam__letter'>{LETTERS[optionIndex]}</Text>
                <Text>{option}</Text>
              </View>
            );
          })}
        </View>
      ))}
      <Button block type='primary' loading={busy} className='exam__submit' onClick={submit}>
        交卷
      </Button>
    </View>
  );
}
