import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import VolunteerApplyPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

describe('志愿者申请', () => {
  it('says in Chinese why a field is wrong, under it, instead of only greying out the button', async () => {
    signedInAs('陈党员', ['member']);
    const sent: unknown[] = [];
    answerRequests(({ method, data }) => {
      if (method === 'PUT') {
        sent.push(JSON.parse(data!));
        return { statusCode: 200, data: { profile: null } };
      }
      return { statusCode: 200, data: { profile: null, certified: false, exam: { questions: 10 }, approvedMinutes: 0, stars: 0 } };
    });
    const { container } = render(<VolunteerApplyPage />);
    fireEvent.click(screen.getByText('急救'));
    const availability = screen.getByPlaceholderText('如：周末全天、工作日晚上');
    const phone = screen.getByPlaceholderText('仅社工可见完整号码');
    fireEvent.input(availability, { target: { value: '周末全天' } });
    fireEvent.input(phone, { target: { value: '1380000' } });
    fireEvent.blur(phone, { target: { value: '1380000' } });
    await screen.findByText('须为 11 位手机号');

    // Submitting as it is sends nothing and keeps saying why.
    fireEvent.click(screen.getByText('提交申请'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual([]);
    expect(container.querySelector('.field-error--phone')?.textContent).toBe('须为 11 位手机号');

    fireEvent.input(phone, { target: { value: '13800001234' } });
    await waitFor(() => expect(container.querySelector('.field-error--phone')).toBeNull());
    fireEvent.click(screen.getByText('提交申请'));
    await waitFor(() => expect(sent).toEqual([{ skills: ['急救'], availability: '周末全天', phone: '13800001234' }]));
  });
});
