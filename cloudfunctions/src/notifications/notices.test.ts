/**
 * The member hears of what was decided about them: their leave, their hours, their activity
 * cancelled, in the inbox; and by WeChat subscribe message once per prompt they accepted.
 */
import { centerDate, noticeFields } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { startWeChatStandIn } from '../../test/wechat-stand-in';
import { createActivity, newMembers, newVolunteers } from '../../test/fixtures';
import { createNotifier } from '../domain/inbox';
import { loadUser } from '../lib/principal';

const messagesOf = async (token: string) =>
  (await call('GET', '/me/messages?limit=100', { token })).body.items as Array<{
    kind: string;
    title: string;
    body: string;
    activityId?: string;
  }>;

describe('told in the inbox', () => {
  it('tells a member their leave was approved, or refused with the note', async () => {
    const [approved, refused] = await newMembers(2);
    const meeting = await createActivity({ title: '十二月主题党日' });
    const { token: coordinator } = await signIn('coordinator');
    for (const member of [approved, refused]) {
      await call('POST', `/activities/${meeting.id}/registrations`, { token: member!.token });
      await call('POST', `/activities/${meeting.id}/leave-requests`, { token: member!.token, body: { reason: '出差' } });
    }
    const decide = (userId: string, body: unknown) =>
      call('POST', `/activities/${meeting.id}/leave-requests/${userId}/decision`, { token: coordinator, body });
    expect((await decide(approved!.userId, { decision: 'approve' })).status).toBe(200);
    expect((await decide(refused!.userId, { decision: 'refuse', note: '本次会议需全员参加。' })).status).toBe(200);

    expect(await messagesOf(approved!.token)).toEqual([
      expect.objectContaining({ kind: 'leave_decided', title: '请假已批准', activityId: meeting.id }),
    ]);
    const [told] = await messagesOf(refused!.token);
    expect(told).toMatchObject({ kind: 'leave_decided', title: '请假未批准' });
    expect(told!.body).toContain('十二月主题党日');
    expect(told!.body).toContain('请假未批准：本次会议需全员参加。请按时参加。');
  });

  it('tells a volunteer their hours were approved with the points, or refused with the note', async () => {
    const [volunteer] = await newVolunteers(1);
    const { token: coordinator } = await signIn('coordinator');
    const servedOn = centerDate(new Date(Date.now() - 24 * 3600_000));
    const declare = async (note: string) =>
      (await call('POST', '/me/service-records', { token: volunteer!.token, body: { servedOn, minutes: 120, note } })).body.record.id;
    const first = await declare('社区环保清扫');
    const second = await declare('敬老院陪伴');
    await call('POST', `/service-records/${first}/decision`, { token: coordinator, body: { decision: 'approve' } });
    await call('POST', `/service-records/${second}/decision`, { token: coordinator, body: { decision: 'refuse', note: '缺少签到记录' } });
    const [refused, approved] = await messagesOf(volunteer!.token);
    expect(approved).toMatchObject({ kind: 'hours_decided', title: '服务时长已通过审核' });
    expect(approved!.body).toContain('社区环保清扫');
    expect(approved!.body).toContain('获得 20 积分');
    expect(refused).toMatchObject({ kind: 'hours_decided', title: '服务时长未通过审核' });
    expect(refused!.body).toContain('未通过审核：缺少签到记录。');
  });
});

describe('told by WeChat where the member allowed it', () => {
  let wechat: Awaited<ReturnType<typeof startWeChatStandIn>>;
  beforeAll(async () => {
    wechat = await startWeChatStandIn(() => ({ errcode: 0 }));
  });
  afterAll(() => wechat.close());

  it('sends one subscribe message per accepted prompt, and the inbox always', async () => {
    const [member] = await newMembers(1);
    const user = await loadUser(member!.userId);
    const granted = await call('POST', '/me/notice-consents', { token: member!.token, body: { topics: ['leave_result', 'leave_result'] } });
    expect([granted.status, granted.body]).toEqual([201, { credits: { leave_result: 1 } }]);
    const bad = await call('POST', '/me/notice-consents', { token: member!.token, body: { topics: ['marketing'] } });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'topics.0']);

    const notify = createNotifier({
      templates: { leave_result: 'TPL-LEAVE' },
      app: { appId: 'wx1', appSecret: async () => 's', apiBase: wechat.apiBase },
    });
    const message = { userId: member!.userId, kind: 'leave_decided' as const, title: '请假已批准', body: '……', activityId: 'a1' };
    const notice = {
      topic: 'leave_result' as const,
      fields: noticeFields({ subject: '请假：十二月主题党日（和乐社区党群服务中心）', result: '已批准' }),
      page: 'activity/detail/index?id=a1',
    };
    await notify(message, notice);
    await notify(message, notice); // the one accepted message is spent
    await notify({ ...message, kind: 'hours_decided' }, { ...notice, topic: 'hours_result' }); // no template, no consent

    expect(wechat.calls).toHaveLength(1);
    expect(wechat.calls[0]!.body).toMatchObject({
      touser: user!.openid,
      template_id: 'TPL-LEAVE',
      page: 'activity/detail/index?id=a1',
      data: { thing1: { value: '请假：十二月主题党日（和乐社区党群服务…' }, phrase2: { value: '已批准' } },
    });
    // Every notice reached the inbox; the credits are not messages.
    expect(await messagesOf(member!.token)).toHaveLength(3);
  });
});
