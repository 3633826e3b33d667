import { fireEvent, render, screen } from '@testing-library/react';
import VolunteerCenterPage from './index';
import { answerRequests, calls } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const me = {
  profile: {
    userId: 'u_me',
    nickname: '张志愿',
    skills: ['急救'],
    availability: '周末',
    phone: '138****1234',
    status: 'certified',
    appliedAt: '2026-11-01T00:00:00.000Z',
  },
  certified: true,
  exam: { questions: 10, minutes: 20, passMark: 80, openAttempt: null, lastAttempt: null, retryAt: null },
  approvedMinutes: 600,
  stars: 0,
  nextStars: 1,
  hoursToNext: 90,
};

describe('志愿者中心', () => {
  it('lists completed trainings and offers the quiz of one attended', async () => {
    signedInAs('张志愿', ['member', 'volunteer']);
    answerRequests(({ url }) => {
      if (url.endsWith('/me/trainings')) {
        return {
          statusCode: 200,
          data: {
            items: [
              { topic: 'first_aid', status: 'completed', activityId: 'a1', title: '应急抢救培训', completedAt: '2026-11-01T02:00:00.000Z' },
              {
                topic: 'counselling',
                status: 'quiz_pending',
                activityId: 'a2',
                title: '心理辅导培训',
                attendedAt: '2026-11-20T02:00:00.000Z',
              },
            ],
          },
        };
      }
      return { statusCode: 200, data: me };
    });
    render(<VolunteerCenterPage />);
    await screen.findByText(/✓ 应急抢救/);
    expect(screen.getByText('待测验')).toBeTruthy();
    fireEvent.click(screen.getByText('参加测验'));
    expect(calls.navigateTo).toEqual(['/volunteer/quiz/index?topic=counselling']);
  });

  it('tells a member who is not certified yet how many points of approved hours wait for the certification', async () => {
    signedInAs('陈党员', ['member']);
    answerRequests(({ url }) => {
      if (url.endsWith('/me/trainings')) return { statusCode: 200, data: { items: [] } };
      return { statusCode: 200, data: { ...me, profile: null, certified: false, approvedMinutes: 90, pendingPoints: 15 } };
    });
    render(<VolunteerCenterPage />);
    expect(await screen.findByText(/已审核通过的服务时长有 15 积分待计入/)).toBeTruthy();
    expect(screen.getByText('申请成为志愿者')).toBeTruthy();
  });
});
