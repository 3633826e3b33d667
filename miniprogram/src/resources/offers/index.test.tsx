import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import OffersPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { answerWrites, listPage, signedInAs } from '../../../test/fixtures';

const directory = {
  providers: [
    {
      id: 'p1',
      name: '和乐社区卫生服务站',
      kind: 'social_org',
      offers: [{ id: 'o1', kind: 'people', title: '义诊医生', quantity: 4, unit: '人', remaining: 3, availability: '每周六上午' }],
    },
    { id: 'p2', name: '鹿城区图书馆', kind: 'government', offers: [] },
  ],
};

describe('资源云平台 for a member', () => {
  it('leads with the verified providers and what they offer; registering as a provider is the second step', async () => {
    signedInAs('陈党员', ['member']);
    answerRequests(({ url }) => {
      if (url.endsWith('/resource-directory')) return { statusCode: 200, data: directory };
      if (url.endsWith('/me/resources')) return { statusCode: 200, data: { providers: [], offers: [] } };
      return { statusCode: 404, data: {} };
    });
    render(<OffersPage />);
    expect(await screen.findByText('和乐社区卫生服务站')).toBeTruthy();
    expect(screen.getByText('义诊医生')).toBeTruthy();
    expect(screen.getByText('可用 3 人 · 每周六上午')).toBeTruthy();
    expect(screen.getByText('暂未发布资源')).toBeTruthy();
    expect(screen.queryByText('暂无资源方')).toBeNull();
    // The registration form opens on request.
    expect(screen.queryByPlaceholderText('名称，如：和乐社区卫生服务站')).toBeNull();
    fireEvent.click(screen.getByText('登记为资源方'));
    expect(await screen.findByText('登记')).toBeTruthy();
  });
});

/** A field by its placeholder: Taro's input element (its inner <input> shows up when the element has drawn). */
const field = async (placeholder: string) =>
  (await screen.findAllByPlaceholderText(placeholder)).find((element) => element.tagName === 'TARO-INPUT-CORE')!;

describe('资源云平台 for a coordinator', () => {
  const provider = {
    id: 'p1',
    name: '和乐社区卫生服务站',
    kind: 'social_org',
    verified: true,
    createdBy: 'u_c',
    createdAt: '2026-11-28T00:00:00.000Z',
  };

  it('says under each field what is wrong with an offer, sends nothing, and sends it once it is right', async () => {
    signedInAs('王社工', ['coordinator']);
    const sent = answerWrites<Record<string, unknown>>(
      'POST /offers',
      (body) => ({
        statusCode: 201,
        data: {
          offer: {
            ...body,
            id: 'o1',
            providerName: provider.name,
            unit: '份',
            remaining: 5,
            createdBy: 'u_c',
            createdAt: provider.createdAt,
          },
        },
      }),
      ({ url }) => {
        if (url.includes('/providers')) return listPage([provider]);
        if (url.includes('/offers')) return listPage([]);
        return { statusCode: 404, data: {} };
      },
    );
    const { container } = render(<OffersPage />);
    expect(await screen.findByText('资源方：和乐社区卫生服务站')).toBeTruthy();
    const title = await field('资源名称，如：米面油礼包、急救培训讲师');
    const quantity = await field('数量');
    fireEvent.input(title, { target: { value: '米' } });
    fireEvent.input(quantity, { target: { value: '1.5' } });

    // The button is never greyed out: tapping it says why, under each field, in Chinese.
    fireEvent.click(screen.getByText('发布'));
    await waitFor(() => expect(container.querySelector('.field-error--title')?.textContent).toBe('至少 2 个字'));
    expect(container.querySelector('.field-error--quantity')?.textContent).toBe('格式不正确');
    expect(sent).toEqual([]);

    // Goods need a unit: said once the rest is right.
    fireEvent.input(title, { target: { value: '  米面油礼包 ' } });
    fireEvent.input(quantity, { target: { value: '5' } });
    await waitFor(() => expect(container.querySelector('.field-error--unit')?.textContent).toBe('物资需要单位（箱、份…）'));
    expect(container.querySelector('.field-error--title')).toBeNull();
    fireEvent.click(screen.getByText('发布'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual([]);

    fireEvent.input(await field('单位，如：份、箱'), { target: { value: '份' } });
    fireEvent.click(screen.getByText('发布'));
    await waitFor(() => expect(sent).toEqual([{ providerId: 'p1', kind: 'goods', title: '米面油礼包', quantity: 5, unit: '份' }]));
    // The emptied form waits for the next entry without scolding.
    await waitFor(() => expect(container.querySelector('.field-error--title')).toBeNull());
  });
});
