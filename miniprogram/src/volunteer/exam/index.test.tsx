import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ExamPage from './index';
import { answerModals, answerRequests, calls } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const me = (overrides: Record<string, unknown> = {}) => ({
  profile: {
    userId: 'u_me',
    nickname: '陈党员',
    skills: ['急救'],
    availability: '周末',
    phone: '138****5678',
    status: 'applied',
    appliedAt: '2026-11-28T00:00:00.000Z',
  },
  certified: false,
  exam: { questions: 2, minutes: 20, passMark: 80, openAttempt: null, lastAttempt: null, retryAt: null },
  approvedMinutes: 0,
  stars: 0,
  nextStars: 1,
  hoursToNext: 100,
  ...overrides,
});

const attempt = (overrides: Record<string, unknown> = {}) => ({
  id: 'at1',
  userId: 'u_me',
  nickname: '陈党员',
  status: 'open',
  startedAt: '2026-11-28T00:00:00.000Z',
  deadline: later(20),
  total: 2,
  passMark: 80,
  questions: [
    { id: 'q1', category: '礼仪', type: 'single', text: '志愿服务的首要原则是？', options: ['自愿', '强制'] },
    { id: 'q2', category: '应急抢救', type: 'multiple', text: '心肺复苏包括哪些步骤？', options: ['胸外按压', '人工呼吸', '喂水'] },
  ],
  ...overrides,
});

describe('认证考试', () => {
  it('draws a paper, sends the chosen options and shows the server’s grade', async () => {
    signedInAs('陈党员', ['member']);
    const submitted: unknown[] = [];
    answerRequests(({ url, method, data }) => {
      if (method === 'POST' && url.endsWith('/exam/attempts')) return { statusCode: 201, data: { attempt: attempt() } };
      if (method === 'POST' && url.endsWith('/exam/attempts/at1/submit')) {
        submitted.push(JSON.parse(data!));
        const { questions: _questions, ...closed } = attempt({
          status: 'passed',
          score: 100,
          correct: 2,
          submittedAt: '2026-11-28T00:10:00.000Z',
        });
        return { statusCode: 200, data: { attempt: closed } };
      }
      if (url.endsWith('/me'))
        return { statusCode: 200, data: { user: { id: 'u_me', nickname: '陈党员', roles: ['member', 'volunteer'] } } };
      return { statusCode: 200, data: me() };
    });
    render(<ExamPage />);
    fireEvent.click(await screen.findByText('开始考试'));
    await screen.findByText(/志愿服务的首要原则是/);
    expect(screen.getByText(/已答 0\/2/)).toBeTruthy();
    fireEvent.click(screen.getByText('自愿'));
    // Handing in asks first, saying what is unanswered; 再检查 keeps the paper open.
    answerModals(false);
    fireEvent.click(screen.getByText('交卷'));
    await waitFor(() => expect(calls.modals).toHaveLength(1));
    expect(calls.modals[0]).toMatchObject({
      title: '确认交卷？',
      content: '还有 1 题未作答，交卷后不能再修改。',
      confirmText: '交卷',
      cancelText: '再检查',
    });
    expect(submitted).toEqual([]);
    fireEvent.click(screen.getByText('胸外按压'));
    fireEvent.click(screen.getByText('人工呼吸'));
    expect(screen.getByText(/已答 2\/2/)).toBeTruthy();
    answerModals(true);
    fireEvent.click(screen.getByText('交卷'));
    await screen.findByText('恭喜通过认证，你已成为认证志愿者！');
    expect(submitted).toEqual([{ answers: { q1: [0], q2: [0, 1] } }]);
    expect(screen.getByText('100 分')).toBeTruthy();
  });

  it('continues an attempt already open instead of drawing a new one', async () => {
    signedInAs('陈党员', ['member']);
    let started = 0;
    answerRequests(({ method }) => {
      if (method === 'POST') started++;
      return {
        statusCode: 200,
        data: me({ exam: { questions: 2, minutes: 20, passMark: 80, openAttempt: attempt(), lastAttempt: null, retryAt: null } }),
      };
    });
    render(<ExamPage />);
    await screen.findByText(/心肺复苏包括哪些步骤/);
    await waitFor(() => expect(screen.getByText(/剩余 (19|20):/)).toBeTruthy());
    expect(started).toBe(0);
  });
});
