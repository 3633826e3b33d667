import { render, screen } from '@testing-library/react';
import type { Reward } from '@hele/shared';
import RewardPage from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import { reward, signedInAs } from '../../../test/fixtures';

/** The member on the page of `shown`, holding `redeemedByMe` of it, with `balance` points. */
const onRewardPage = (shown: Reward, { redeemedByMe = 0, balance = 80 } = {}) => {
  signedInAs('张志愿', ['member', 'volunteer']);
  setRouteParams({ id: shown.id });
  answerRequests(({ url }) =>
    url.includes('/me/points')
      ? { statusCode: 200, data: { balance, entries: [], nextCursor: null, approvedMinutes: 0, stars: 0, expiring: null } }
      : { statusCode: 200, data: { reward: shown, redeemedByMe } },
  );
  render(<RewardPage />);
};

/** The redeem button: what it says and whether it can be tapped (NutUI greys a disabled one out by its class). */
const redeemButton = async () => {
  // (The terms' line may say 已兑完 too.)
  const labels = await screen.findAllByText(/立即兑换|已兑完|暂不可兑换|已达兑换上限|积分不足/);
  const button = labels.map((label) => label.closest('.reward__redeem')).find(Boolean)!;
  return { label: button.textContent, disabled: button.classList.contains('nut-button-disabled') };
};

describe('a reward’s page', () => {
  it('offers the reward to a member who can redeem it', async () => {
    onRewardPage(reward());
    expect(await redeemButton()).toEqual({ label: '立即兑换', disabled: false });
    expect(screen.queryByText(/你已兑换/)).toBeNull();
  });

  it('says the member reached the per-member limit, and how many they hold, before they tap', async () => {
    onRewardPage(reward({ perUserLimit: 2 }), { redeemedByMe: 2 });
    expect(await redeemButton()).toEqual({ label: '已达兑换上限', disabled: true });
    expect(screen.getByText('你已兑换 2 份')).toBeTruthy();
  });

  it('says a reward is out of stock', async () => {
    onRewardPage(reward({ stock: 0 }));
    expect(await redeemButton()).toEqual({ label: '已兑完', disabled: true });
  });

  it('says when a reward not yet open opens', async () => {
    onRewardPage(reward({ availableFrom: new Date(Date.now() + 86_400_000).toISOString() }));
    expect(await redeemButton()).toEqual({ label: '暂不可兑换', disabled: true });
    expect(screen.getByText(/开始/)).toBeTruthy();
  });

  it('says the points are not enough', async () => {
    onRewardPage(reward(), { balance: 39 });
    expect(await redeemButton()).toEqual({ label: '积分不足', disabled: true });
  });
});
