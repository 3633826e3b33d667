import { render, screen } from '@testing-library/react';
import { formatDateTime } from '@hele/shared';
import RewardsPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { reward, signedInAs } from '../../../test/fixtures';

describe('the rewards catalogue', () => {
  it('says of each reward what is left, how many one member may take, and when it opens or closes', async () => {
    const opens = '2099-03-01T01:00:00.000Z';
    const closes = '2099-06-30T09:00:00.000Z';
    signedInAs('张志愿', ['member', 'volunteer']);
    answerRequests(() => ({
      statusCode: 200,
      data: {
        items: [
          reward({ id: 'r1', title: '亲子绘本一本' }),
          reward({ id: 'r2', title: '环保布袋', stock: 0, perUserLimit: 2 }),
          reward({ id: 'r3', title: '越剧班名额', availableFrom: opens, availableUntil: closes }),
          reward({ id: 'r4', title: '英语角', availableUntil: '2026-01-01T00:00:00.000Z' }),
        ],
        nextCursor: null,
      },
    }));
    render(<RewardsPage />);
    /** What a reward's card says under its title: the terms, and the window on a line of its own. */
    const said = async (title: string) => {
      const card = (await screen.findByText(title)).closest('.rewards__item')!;
      return [card.querySelector('.rewards__terms')!.textContent, card.querySelector('.rewards__window')?.textContent];
    };
    expect(await said('亲子绘本一本')).toEqual(['剩余 9 份 · 每人限 1 份', undefined]);
    expect(await said('环保布袋')).toEqual(['已兑完 · 每人限 2 份', undefined]);
    expect(await said('越剧班名额')).toEqual(['剩余 9 份 · 每人限 1 份', `${formatDateTime(opens)} 开始 · ${formatDateTime(closes)} 截止`]);
    expect(await said('英语角')).toEqual(['剩余 9 份 · 每人限 1 份', '已截止']);
  });
});
