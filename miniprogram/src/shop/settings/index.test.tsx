import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import PointsSettingsPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

describe('积分规则', () => {
  it('states the validity in force, saves a new one, and shows the server’s refusal beside the field', async () => {
    signedInAs('李协调', ['coordinator']);
    const sent: unknown[] = [];
    answerRequests(({ method, data }) => {
      if (method === 'GET') return { statusCode: 200, data: { settings: { validityMonths: 0 } } };
      const body = (typeof data === 'string' ? JSON.parse(data) : data) as { validityMonths: number };
      sent.push(body);
      const months = body.validityMonths;
      return months > 120
        ? {
            statusCode: 400,
            data: {
              error: {
                code: 'VALIDATION_FAILED',
                message: '输入有误',
                details: [{ path: 'validityMonths', message: '有效期最长 120 个月' }],
              },
            },
          }
        : { statusCode: 200, data: { settings: { validityMonths: months, updatedAt: '2026-12-06T10:00:00.000Z' } } };
    });
    render(<PointsSettingsPage />);
    await screen.findByText('现行规则：积分长期有效，不会过期');
    const input = screen.getAllByPlaceholderText('如 24').at(-1)!;
    fireEvent.input(input, { target: { value: '200' } });
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('有效期最长 120 个月');
    fireEvent.input(input, { target: { value: '24' } });
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('现行规则：积分自获得之日起 24 个月内有效，先获得的先过期');
    await waitFor(() => expect(sent).toEqual([{ validityMonths: 200 }, { validityMonths: 24 }]));
  });
});
