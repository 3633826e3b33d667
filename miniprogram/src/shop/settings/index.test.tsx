import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import PointsSettingsPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { refusedField, signedInAs } from '../../../test/fixtures';

const RULES = { meeting: { points: 5, monthlyCap: 30 }, material: { points: 2, monthlyCap: 20 }, quiz: { points: 3, monthlyCap: 15 } };

describe('积分规则', () => {
  it('states the validity in force, saves a new one, and shows the server’s refusal beside the field', async () => {
    signedInAs('李协调', ['coordinator']);
    const sent: unknown[] = [];
    answerRequests(({ method, data }) => {
      if (method === 'GET') return { statusCode: 200, data: { settings: { validityMonths: 0, party: RULES } } };
      const body = (typeof data === 'string' ? JSON.parse(data) : data) as { validityMonths: number };
      sent.push(body);
      const months = body.validityMonths;
      return months > 120
        ? refusedField('validityMonths', '有效期最长 120 个月')
        : { statusCode: 200, data: { settings: { validityMonths: months, party: RULES, updatedAt: '2026-12-06T10:00:00.000Z' } } };
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

  it('saves the 党员积分 rules, and shows a refused cap beside its kind', async () => {
    signedInAs('李协调', ['coordinator']);
    const sent: unknown[] = [];
    answerRequests(({ method, data }) => {
      if (method === 'GET') return { statusCode: 200, data: { settings: { validityMonths: 24, party: RULES } } };
      const body = (typeof data === 'string' ? JSON.parse(data) : data) as { party: typeof RULES };
      sent.push(body);
      return body.party.quiz.monthlyCap < 1
        ? refusedField('party.quiz.monthlyCap', '每月上限至少为 1')
        : { statusCode: 200, data: { settings: { validityMonths: 24, party: body.party } } };
    });
    render(<PointsSettingsPage />);
    await screen.findByText('党员积分规则');
    // meeting points, meeting cap, material points, material cap, quiz points, quiz cap: Taro's input renders its
    // inner <input> a moment after the page, so wait for all six.
    const inputs = await waitFor(() => {
      const found = screen.getAllByPlaceholderText('分').filter((node) => node.tagName === 'INPUT');
      expect(found).toHaveLength(6);
      return found;
    });
    fireEvent.input(inputs.at(-1)!, { target: { value: '0' } });
    fireEvent.click(screen.getByText('保存党员积分规则'));
    await screen.findByText('每月上限至少为 1');
    fireEvent.input(inputs.at(-1)!, { target: { value: '9' } });
    fireEvent.input(inputs[0]!, { target: { value: '8' } });
    fireEvent.click(screen.getByText('保存党员积分规则'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({
      party: { meeting: { points: 8, monthlyCap: 30 }, material: RULES.material, quiz: { points: 3, monthlyCap: 9 } },
    });
  });
});
