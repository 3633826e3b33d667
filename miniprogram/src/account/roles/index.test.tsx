import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import RolesPage from './index';
import { answerRequests } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

describe('角色管理', () => {
  it('finds a user by 用户编号 and grants the chosen role', async () => {
    signedInAs('管理员', ['member', 'admin']);
    const granted: string[] = [];
    const person = { id: 'u_zhou', nickname: '周老师', roles: ['member'] };
    answerRequests(({ url, method }) => {
      if (method === 'PUT') {
        granted.push(url.replace(/^.*\/users\//, ''));
        return { statusCode: 200, data: { user: { ...person, roles: ['member', 'lecturer'] }, changed: true } };
      }
      if (url.endsWith('/users/u_zhou')) return { statusCode: 200, data: { user: person } };
      return { statusCode: 200, data: { items: [], nextCursor: null } };
    });
    render(<RolesPage />);
    fireEvent.input(await screen.findByPlaceholderText('用户编号（对方“我的”页面可复制）'), { target: { value: 'u_zhou' } });
    fireEvent.click(screen.getByText('查询'));
    await screen.findByText('周老师（党员/群众）');
    fireEvent.click(screen.getByText('授予'));
    await waitFor(() => expect(granted).toEqual(['u_zhou/roles/lecturer']));
  });
});
