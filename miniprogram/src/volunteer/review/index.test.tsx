import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ServiceRecord } from '@hele/shared';
import ReviewPage from './index';
import { answerWrites, listPage, signedInAs } from '../../../test/fixtures';
import { calls } from '../../../test/taro-double';

const declared: ServiceRecord = {
  id: 'sr1',
  userId: 'u_v',
  nickname: '刘志愿',
  source: 'declared',
  servedOn: '2026-12-05',
  minutes: 120,
  note: '社区助老服务',
  status: 'pending',
  createdAt: '2026-12-05T08:00:00.000Z',
};

/** Approves the one pending record; the server answers it approved, with its points credited or held. */
const approve = async (held: boolean) => {
  signedInAs('社工小李', ['member', 'coordinator']);
  answerWrites(
    'POST /decision',
    () => ({
      statusCode: 200,
      data: { record: { ...declared, status: 'approved', ...(held ? { pointsPending: 20 } : { points: 20 }) } },
    }),
    (_request, sent) => listPage(sent.length ? [] : [declared]),
  );
  render(<ReviewPage />);
  fireEvent.click(await screen.findByText('通过'));
  await waitFor(() => expect(calls.toasts).toHaveLength(1));
  return calls.toasts[0];
};

describe('服务时长审核', () => {
  it('says the points were credited to a certified volunteer', async () => {
    expect(await approve(false)).toBe('已通过，积分已发放');
  });

  it('says the points wait for the certification of someone not yet certified', async () => {
    expect(await approve(true)).toBe('已通过，认证后发放积分');
  });
});
