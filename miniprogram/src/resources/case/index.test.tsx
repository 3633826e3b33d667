import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import CasePage from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const at = '2026-11-28T02:00:00.000Z';
const caseAt = (stage: string, forms: Record<string, unknown>) => ({
  id: 'c1',
  title: '独居老人助餐',
  source: 'visit',
  description: '三位独居老人午餐无人照料',
  stage,
  forms,
  logCount: 0,
  createdBy: 'u_c',
  createdAt: at,
  updatedAt: at,
});
const plan = { goals: ['每天按时吃上午餐', '每周一次上门探访'], tasks: [] };
const fundsOffer = {
  id: 'o1',
  providerId: 'p1',
  providerName: '李阿姨',
  kind: 'funds',
  title: '助老餐费',
  quantity: 50000,
  unit: '分',
  remaining: 30000,
  createdBy: 'u_c',
  createdAt: at,
};

/** Answers the page's reads with `detail` and records every write. */
const serve = (detail: Record<string, unknown>) => {
  const writes: Array<{ method: string; url: string; body: unknown; key?: string }> = [];
  answerRequests(({ url, method, data, header }) => {
    if (method !== 'GET') {
      writes.push({ method, url, body: data ? JSON.parse(data) : undefined, key: header['idempotency-key'] });
      return {
        statusCode: 200,
        data: method === 'POST' && url.includes('/allocations') ? { allocation: { ...fundsOffer, id: 'a1' } } : { case: detail.case },
      };
    }
    if (url.includes('/offers')) return { statusCode: 200, data: { items: [fundsOffer], nextCursor: null } };
    return { statusCode: 200, data: detail };
  });
  return writes;
};

describe('个案', () => {
  beforeEach(() => {
    signedInAs('王社工', ['coordinator']);
    setRouteParams({ id: 'c1' });
  });

  it('allocates funds typed in 元 as integer fen, with an Idempotency-Key', async () => {
    const writes = serve({
      case: caseAt('planning', { assessment: { notes: '老人行动不便', priority: 'high' }, planning: plan }),
      history: [],
      allocations: [],
    });
    render(<CasePage />);
    await screen.findByText(/助老餐费（余 ¥300.00）/);
    fireEvent.input(screen.getAllByPlaceholderText('金额（元）').at(-1)!, { target: { value: '12.5' } });
    fireEvent.click(await screen.findByText('分配'));
    await waitFor(() => expect(writes.length).toBe(1));
    expect(writes[0]).toMatchObject({
      method: 'POST',
      url: expect.stringContaining('/cases/c1/allocations'),
      body: { offerId: 'o1', quantity: 1250 },
    });
    expect(writes[0]!.key).toBeTruthy();
    expect(screen.getByText('进入下一步「介入」')).toBeTruthy();
  });

  it('measures every goal of the plan in the evaluation form', async () => {
    const writes = serve({ case: caseAt('evaluation', { planning: plan }), history: [], allocations: [] });
    const { container } = render(<CasePage />);
    await screen.findByText('目标 2「每周一次上门探访」：达成');
    // Taro's textarea reports what was typed in the event's detail.
    fireEvent(container.querySelector('.case__summary')!, new CustomEvent('input', { detail: { value: '午餐问题已解决' }, bubbles: true }));
    fireEvent.click(await screen.findByText('保存'));
    await waitFor(() => expect(writes.length).toBe(1));
    expect(writes[0]).toMatchObject({
      method: 'PUT',
      url: expect.stringContaining('/cases/c1/forms/evaluation'),
      body: {
        measures: [
          { goal: 0, outcome: 'met' },
          { goal: 1, outcome: 'met' },
        ],
        summary: '午餐问题已解决',
      },
    });
  });
});
