import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import JoinPage from './index';
import { answerRequests, setRouteParams } from '../../../test/taro-double';
import { signedInAs } from '../../../test/fixtures';

const invite = {
  code: 'AbCdEfGhJk234567',
  branchId: 'b1',
  branchName: '和乐社区第一党支部',
  role: 'member',
  expiresAt: '2026-12-20T00:00:00.000Z',
  createdAt: '2026-12-06T00:00:00.000Z',
  createdByName: '王书记',
};

describe('加入支部', () => {
  it('asks a signed-out visitor to sign in before anything else', async () => {
    setRouteParams({ code: invite.code });
    render(<JoinPage />);
    expect(await screen.findByText('登录后加入')).toBeTruthy();
  });

  it('shows which branch invites, then says the request waits for the secretary', async () => {
    signedInAs('陈党员', ['member']);
    setRouteParams({ code: invite.code });
    const asked: string[] = [];
    answerRequests(({ url, method }) => {
      if (method === 'POST') {
        asked.push(url);
        return {
          statusCode: 200,
          data: { membership: { branchId: 'b1', userId: 'u_me', status: 'pending', requestedAt: invite.createdAt } },
        };
      }
      return { statusCode: 200, data: { invite } };
    });
    render(<JoinPage />);
    fireEvent.click(await screen.findByText('申请加入'));
    expect(await screen.findByText('已提交申请，等待支部书记审批')).toBeTruthy();
    expect(screen.getByText('「和乐社区第一党支部」邀请你加入')).toBeTruthy();
    expect(asked).toEqual([expect.stringContaining(`/invites/${invite.code}/accept`)]);
  });

  it('joins at once with an invitation made for the person on the imported roster', async () => {
    signedInAs('陈党员', ['member']);
    setRouteParams({ code: invite.code });
    answerRequests(({ method }) =>
      method === 'POST'
        ? {
            statusCode: 200,
            data: {
              membership: { branchId: 'b1', userId: 'u_me', status: 'active', requestedAt: invite.createdAt, approvedAt: invite.createdAt },
            },
          }
        : method === 'GET' && invite
          ? { statusCode: 200, data: { invite: { ...invite, personId: 'p_chen', personName: '陈十二' } } }
          : { statusCode: 404, data: {} },
    );
    render(<JoinPage />);
    expect(await screen.findByText('「和乐社区第一党支部」邀请 陈十二 加入')).toBeTruthy();
    expect(screen.getByText('支部已将你列入党员名册，确认后即加入，无需审批。')).toBeTruthy();
    expect(screen.queryByText('完善资料')).toBeNull();
    fireEvent.click(screen.getByText('确认加入'));
    expect(await screen.findByText('你已加入「和乐社区第一党支部」')).toBeTruthy();
  });

  it('offers a secretary invitation to a member of the branch, who takes up the post', async () => {
    signedInAs('陈党员', ['member'], 'b1');
    setRouteParams({ code: invite.code });
    answerRequests(({ method, url }) => {
      if (method === 'POST')
        return {
          statusCode: 200,
          data: {
            membership: { branchId: 'b1', userId: 'u_me', status: 'active', requestedAt: invite.createdAt, approvedAt: invite.createdAt },
          },
        };
      if (url.endsWith('/me'))
        return { statusCode: 200, data: { user: { id: 'u_me', nickname: '陈党员', roles: ['member', 'secretary'], branchId: 'b1' } } };
      return { statusCode: 200, data: { invite: { ...invite, role: 'secretary' } } };
    });
    render(<JoinPage />);
    expect(await screen.findByText('邀请你担任「和乐社区第一党支部」书记')).toBeTruthy();
    expect(screen.queryByText('你已加入「和乐社区第一党支部」')).toBeNull();
    fireEvent.click(screen.getByText('接受任命'));
    expect(await screen.findByText('你已担任「和乐社区第一党支部」书记')).toBeTruthy();
  });

  it('reads the code from a 小程序码 scene and says plainly when the invitation no longer works', async () => {
    signedInAs('陈党员', ['member']);
    setRouteParams({ scene: invite.code });
    answerRequests(() => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'Invitation not found' } } }));
    render(<JoinPage />);
    await waitFor(() => expect(screen.getByText('内容不存在或已删除')).toBeTruthy());
  });
});
