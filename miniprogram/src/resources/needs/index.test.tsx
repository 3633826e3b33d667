import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import NeedsPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const need = (fields: Record<string, unknown>) => ({
  id: 'n1',
  what: '家中老人行动不便，需要志愿者陪同就医',
  where: '和乐社区 3 幢',
  urgency: 'high',
  stage: 'estimation',
  createdAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-02T02:00:00.000Z',
  ...fields,
});

/** Taro's textarea reports what was typed in the event's detail. */
const type = (container: HTMLElement, value: string) =>
  fireEvent(container.querySelector('.needs__what')!, new CustomEvent('input', { detail: { value }, bubbles: true }));

describe('提出需求', () => {
  it('raises a need with what, where, how urgent and an optional contact, and lists the raiser’s needs with where each stands', async () => {
    signedInAs('陈党员', ['member']);
    const sent: Array<Record<string, unknown>> = [];
    let mine = [need({})];
    answerRequests(({ url, method, data }) => {
      if (url.endsWith('/me/needs') && method === 'POST') {
        const body = JSON.parse(data!);
        sent.push(body);
        const raised = need({ id: 'n2', what: body.what, where: body.where, urgency: body.urgency, stage: 'assessment' });
        mine = [raised, ...mine];
        return { statusCode: 201, data: { need: raised } };
      }
      if (url.endsWith('/me/needs')) return { statusCode: 200, data: { items: mine, nextCursor: null } };
      return { statusCode: 404, data: {} };
    });
    const { container } = render(<NeedsPage />);
    expect(await screen.findByText('家中老人行动不便，需要志愿者陪同就医')).toBeTruthy();
    expect(screen.getByText('预估')).toBeTruthy();
    expect(screen.getByText('社工正在估算需要的资源')).toBeTruthy();

    type(container, '楼道灯坏了，老人夜里出行不便');
    fireEvent.input(screen.getAllByPlaceholderText('在哪里，如：松台街道和乐社区 3 幢').at(-1)!, { target: { value: '和乐社区 5 幢' } });
    const urgency = Array.from(container.querySelectorAll('taro-picker-core')).find((node) => node.textContent?.includes('紧急程度'))!;
    expect((urgency as unknown as { range: string[] }).range).toEqual(['不急', '一般', '比较急', '非常紧急']);
    fireEvent(urgency, new CustomEvent('change', { detail: { value: 3 } }));
    fireEvent.click(screen.getByText('提交需求'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ what: '楼道灯坏了，老人夜里出行不便', where: '和乐社区 5 幢', urgency: 'urgent' });
    expect(await screen.findByText('楼道灯坏了，老人夜里出行不便')).toBeTruthy();
    expect(screen.getByText('社工正在了解和评估你的需求')).toBeTruthy();
  });

  it('says under each field what to change, and sends nothing until it is right', async () => {
    signedInAs('陈党员', ['member']);
    const sent: unknown[] = [];
    answerRequests(({ url, method, data }) => {
      if (method === 'POST') sent.push(data);
      if (url.endsWith('/me/needs')) return { statusCode: 200, data: { items: [], nextCursor: null } };
      return { statusCode: 404, data: {} };
    });
    const { container } = render(<NeedsPage />);
    expect(await screen.findByText('还没有提出需求')).toBeTruthy();
    type(container, '需要助餐');
    fireEvent.input(screen.getAllByPlaceholderText('联系电话或方式（可不填）').at(-1)!, { target: { value: '1'.repeat(41) } });
    fireEvent.click(screen.getByText('提交需求'));
    expect(await screen.findByText('请写明在哪里')).toBeTruthy();
    expect(container.querySelector('.field-error--contact')?.textContent).toMatch(/40/);
    expect(sent).toEqual([]);
  });
});
