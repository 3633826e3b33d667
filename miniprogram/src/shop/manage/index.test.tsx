import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { UpdateRewardRequest } from '@hele/shared';
import ManageRewardsPage from './index';
import { answerWrites, listPage, reward, signedInAs } from '../../../test/fixtures';
import { answerModals, calls } from '../../../test/taro-double';

/** The catalogue of one reward; a change is answered with the reward as it then is. */
const catalogue = () => {
  signedInAs('李社工', ['member', 'coordinator']);
  return answerWrites<UpdateRewardRequest>(
    'PATCH /rewards/rw1',
    (body) => ({
      statusCode: 200,
      data: { reward: reward({ stock: 9 + (body.stockChange ?? 0), ...(body.active === false ? { active: false } : {}) }) },
    }),
    // The classes a seat may be of: none here.
    ({ url }) => listPage(url.includes('/activities') ? [] : [reward()]),
  );
};

describe('回馈管理', () => {
  it('restocks and says how many there are now', async () => {
    const changes = catalogue();
    render(<ManageRewardsPage />);
    fireEvent.click(await screen.findByText('补货 +10'));
    await waitFor(() => expect(calls.toasts).toEqual(['已补货，库存 19']));
    expect(changes).toEqual([{ stockChange: 10 }]);
  });

  it('retires a reward only once the coordinator confirmed, and says so', async () => {
    const changes = catalogue();
    render(<ManageRewardsPage />);
    answerModals(false);
    fireEvent.click(await screen.findByText('下架'));
    await waitFor(() => expect(calls.modals).toHaveLength(1));
    expect(calls.modals[0]).toMatchObject({ title: '下架「亲子绘本一本」？', confirmText: '下架' });
    expect(changes).toEqual([]);
    answerModals(true);
    fireEvent.click(screen.getByText('下架'));
    await waitFor(() => expect(calls.toasts).toEqual(['已下架']));
    expect(changes).toEqual([{ active: false }]);
  });
});
