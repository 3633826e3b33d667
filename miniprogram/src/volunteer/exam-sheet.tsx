/**
 * What the certification exam and the training quizzes share on screen: the rules before an
 * attempt, the paper (the server's questions, a countdown that hands the paper in by itself at
 * zero), the result; and the sitting itself (start or resume, hand in once). Grading is the server's.
 */
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatDateTime, type ExamAttempt, type ExamStatus } from '@hele/shared';
import { Button } from '@/ui';
import Card from '@/components/card';
import { confirmAction, showError } from '@/utils/feedback';
import './exam-sheet.scss';

const LETTERS = 'ABCDEF';
const clock = (seconds: number) => `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

type Answers = Record<string, number[]>;

/** Starting (or resuming) an attempt and handing it in once; `onClosed` hears the graded attempt. */
export function useExamSitting({
  start,
  submit,
  onClosed,
}: {
  start: () => Promise<{ attempt: ExamAttempt }>;
  submit: (attemptId: string, answers: Answers) => Promise<{ attempt: ExamAttempt }>;
  onClosed?: (attempt: ExamAttempt) => Promise<void>;
}) {
  const [attempt, setAttempt] = useState<ExamAttempt>();
  const [busy, setBusy] = useState(false);
  const submitted = useRef(false);

  const begin = async () => {
    setBusy(true);
    try {
      setAttempt((await start()).attempt);
    } catch (caught) {
      showError(caught);
    } finally {
      setBusy(false);
    }
  };

  const handIn = useCallback(
    async (answers: Answers) => {
      if (!attempt || submitted.current) return;
      submitted.current = true;
      setBusy(true);
      try {
        const result = (await submit(attempt.id, answers)).attempt;
        setAttempt(result);
        await onClosed?.(result);
      } catch (caught) {
        submitted.current = false;
        showError(caught);
      } finally {
        setBusy(false);
      }
    },
    [attempt, submit, onClosed],
  );

  return { attempt, resume: setAttempt, busy, begin, handIn };
}

/** The rules of an exam or quiz (`noun`: 考试 or 测验), what it leads to (`outcome`), and the button that starts it. */
export function ExamRules({
  title,
  noun,
  outcome,
  exam,
  busy,
  onStart,
}: {
  title: string;
  noun: string;
  outcome?: string;
  exam: ExamStatus;
  busy: boolean;
  onStart: () => void;
}) {
  return (
    <View className='page exam'>
      <Card title={title}>
        <Text className='exam__rule'>· 共 {exam.questions} 题，单选与多选，随机抽题</Text>
        <Text className='exam__rule'>· 限时 {exam.minutes} 分钟，时间到自动交卷</Text>
        <Text className='exam__rule'>
          · {exam.passMark} 分及格；未通过需等待一段时间后再次参加{noun}
        </Text>
        {outcome && <Text className='exam__rule'>· {outcome}</Text>}
        {exam.retryAt && <Text className='exam__rule exam__wait'>{formatDateTime(exam.retryAt)} 后可再次参加</Text>}
      </Card>
      <Button block type='primary' loading={busy} disabled={!!exam.retryAt} className='exam__start' onClick={onStart}>
        开始{noun}
      </Button>
    </View>
  );
}

/** A graded attempt: the score, what it means (`verdict`), and when a failed one may be sat again. */
export function ExamResult({
  attempt,
  verdict,
  retryAt,
  backLabel,
}: {
  attempt: ExamAttempt;
  verdict: string;
  retryAt: string | null;
  backLabel: string;
}) {
  const passed = attempt.status === 'passed';
  return (
    <View className='page exam'>
      <View className='card exam__result'>
        <Text className={`exam__score ${passed ? 'exam__score--passed' : ''}`}>{attempt.score ?? 0} 分</Text>
        <Text className='exam__verdict'>{verdict}</Text>
        <Text className='muted'>
          答对 {attempt.correct ?? 0} / {attempt.total} 题 · 及格线 {attempt.passMark} 分
        </Text>
        {!passed && retryAt && <Text className='muted'>{formatDateTime(retryAt)} 后可再次参加</Text>}
      </View>
      <Button block type='primary' onClick={() => Taro.navigateBack()}>
        {backLabel}
      </Button>
    </View>
  );
}

/** The open paper: choosing options, the countdown, and handing it in (by tap, or at zero as it is). */
export function ExamPaper({ attempt, busy, onSubmit }: { attempt: ExamAttempt; busy: boolean; onSubmit: (answers: Answers) => void }) {
  const [answers, setAnswers] = useState<Answers>({});
  const [secondsLeft, setSecondsLeft] = useState(0);
  const latest = useRef({ answers, onSubmit });
  latest.current = { answers, onSubmit };

  useEffect(() => {
    const tick = () => {
      const left = Math.max(0, Math.ceil((Date.parse(attempt.deadline) - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) latest.current.onSubmit(latest.current.answers);
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [attempt.deadline]);

  const choose = (questionId: string, option: number, multiple: boolean) =>
    setAnswers((current) => {
      const chosen = current[questionId] ?? [];
      const next = multiple ? (chosen.includes(option) ? chosen.filter((o) => o !== option) : [...chosen, option]) : [option];
      return { ...current, [questionId]: next };
    });
  const answered = attempt.questions?.filter((question) => (answers[question.id] ?? []).length > 0).length ?? 0;
  /** Handing in is final: asked first, saying what is left unanswered (at zero the paper goes in by itself). */
  const askHandIn = async () => {
    const left = attempt.total - answered;
    const go = await confirmAction({
      title: '确认交卷？',
      content: left > 0 ? `还有 ${left} 题未作答，交卷后不能再修改。` : '交卷后不能再修改答案。',
      confirmText: '交卷',
      cancelText: '再检查',
    });
    if (go) onSubmit(latest.current.answers);
  };

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
              <View
                key={option}
                className={`exam__option ${on ? 'exam__option--on' : ''}`}
                onClick={() => choose(question.id, optionIndex, question.type === 'multiple')}
              >
                <Text className='exam__letter'>{LETTERS[optionIndex]}</Text>
                <Text>{option}</Text>
              </View>
            );
          })}
        </View>
      ))}
      <Button block type='primary' loading={busy} className='exam__submit' onClick={askHandIn}>
        交卷
      </Button>
    </View>
  );
}
