import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import HoursPage from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

describe('申报服务时长', () => {
  it('says in Chinese what is missing or wrong, under the field, and sends hours as the minutes the server counts', async () => {
    signedInAs('张志愿', ['member', 'volunteer']);
    setRouteParams({ declare: '1' });
    const sent: unknown[] = [];
    answerRequests(({ method, data }) => {
      if (method === 'POST') {
        sent.push(JSON.parse(data!));
        return { statusCode: 201, data: { record: {} } };
      }
      return { statusCode: 200, data: { items: [], nextCursor: null } };
    });
    const { container } = render(<HoursPage />);
    await screen.findByText('暂无服务记录');

    // Nothing typed: the tap says what is missing instead of a greyed-out button, and sends nothing.
    fireEvent.click(screen.getByText('提交申报'));
    await screen.findByText('请填写服务时长');
    expect(container.querySelector('.field-error--note')?.textContent).toBe('请说明服务内容');

    const hours = screen.getAllByPlaceholderText('服务时长（小时，如 2.5）').at(-1)!;
    fireEvent.input(hours, { target: { value: '13' } });
    await screen.findByText('服务时长须在 0.25 到 12 小时之间');
    fireEvent.input(hours, { target: { value: '2.5' } });
    fireEvent.input(screen.getAllByPlaceholderText('服务内容，如：在社区敬老院陪伴老人聊天').at(-1)!, {
      target: { value: '  敬老院陪伴老人  ' },
    });
    await waitFor(() => expect(container.querySelector('.field-error')).toBeNull());
    expect(sent).toEqual([]);

    fireEvent.click(screen.getByText('提交申报'));
    await waitFor(() =>
      expect(sent).toEqual([{ servedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), minutes: 150, note: '敬老院陪伴老人' }]),
    );
  });
});
