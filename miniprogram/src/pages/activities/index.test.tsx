import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ActivitiesPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { activity, answerWithPage, signedInAs } from '../../../test/fixtures';
import { expectShown } from '../../../test/screen';

describe('活动 tab', () => {
  it('lists activities with seats left and the viewer’s own status, filtered by kind', async () => {
    signedInAs('陈党员', ['member']);
    const urls = answerWithPage([
      activity(),
      activity({
        id: 'a2',
        title: '越剧班',
        kind: 'class',
        seatsLeft: 0,
        confirmedCount: 30,
        waitlistCount: 3,
        myRegistration: { id: 'r', status: 'waitlisted', position: 2 },
        myState: 'waitlisted',
      }),
    ]);
    render(<ActivitiesPage />);
    await screen.findByText('两学一做专题组织生活会');
    expectShown('剩余 1 个名额', '已满 · 3 人候补', '候补第 2 位');
    expect(screen.queryByText('发布活动')).toBeNull();

    fireEvent.click(screen.getAllByText('公益班').find((element) => element.className.includes('activities__filter'))!);
    await waitFor(() => expect(urls.at(-1)).toContain('kind=class'));
  });

  it('shows the error and retries', async () => {
    signedInAs('陈党员', ['member']);
    answerRequests(() => ({ statusCode: 500, data: { error: { code: 'INTERNAL', message: 'x' } } }));
    render(<ActivitiesPage />);
    await screen.findByText('重试');
  });

  it('offers 发布活动 to coordinators', async () => {
    signedInAs('李社工', ['member', 'coordinator']);
    answerWithPage([]);
    render(<ActivitiesPage />);
    await screen.findByText('暂无活动');
    expect(screen.getByText('发布活动')).toBeTruthy();
  });
});
