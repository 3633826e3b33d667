import { fireEvent, render, screen } from '@testing-library/react';
import QuizPage from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const quiz = { questions: 1, minutes: 10, passMark: 80, openAttempt: null, lastAttempt: null, retryAt: null };
const pending = {
  topic: 'first_aid',
  status: 'quiz_pending',
  activityId: 'a1',
  title: '志愿者学院 · 应急抢救培训',
  attendedAt: '2026-11-28T01:00:00.000Z',
};
const attempt = (overrides: Record<string, unknown> = {}) => ({
  id: 'at1',
  userId: 'u_me',
  nickname: '张志愿',
  status: 'open',
  startedAt: '2026-11-28T02:00:00.000Z',
  deadline: later(10),
  total: 1,
  passMark: 80,
  questions: [
    { id: 'q1', category: '心肺复苏', type: 'single', text: '成人胸外按压的频率一般为每分钟？', options: ['60～80 次', '100～120 次'] },
  ],
  ...overrides,
});

describe('培训测验', () => {
  it('takes the quiz of a topic attended and shows that the training is completed', async () => {
    signedInAs('张志愿', ['member', 'volunteer']);
    setRouteParams({ topic: 'first_aid' });
    const submitted: unknown[] = [];
    let passed = false;
    answerRequests(({ url, method, data }) => {
      if (method === 'POST' && url.endsWith('/trainings/first_aid/quiz/attempts')) return { statusCode: 201, data: { attempt: attempt() } };
      if (method === 'POST' && url.endsWith('/trainings/first_aid/quiz/attempts/at1/submit')) {
        submitted.push(JSON.parse(data!));
        passed = true;
        const { questions: _questions, ...closed } = attempt({ status: 'passed', score: 100, correct: 1, submittedAt: later(1) });
        return { statusCode: 200, data: { attempt: closed } };
      }
      const training = passed ? { ...pending, status: 'completed', completedAt: later(1) } : pending;
      return { statusCode: 200, data: { topic: 'first_aid', training, quiz } };
    });
    render(<QuizPage />);
    fireEvent.click(await screen.findByText('开始测验'));
    fireEvent.click(await screen.findByText('100～120 次'));
    fireEvent.click(screen.getByText('交卷'));
    await screen.findByText('恭喜通过测验，「应急抢救」培训已完成！');
    expect(submitted).toEqual([{ answers: { q1: [1] } }]);
  });

  it('asks to attend the training first', async () => {
    signedInAs('陈党员', ['member']);
    setRouteParams({ topic: 'first_aid' });
    answerRequests(() => ({ statusCode: 200, data: { topic: 'first_aid', training: null, quiz } }));
    render(<QuizPage />);
    await screen.findByText('请先参加培训');
  });
});
