import { call, signIn } from '../../test/gateway';
import { startWeChatStandIn } from '../../test/wechat-stand-in';
import { createActivity, newMembers } from '../../test/fixtures';
import { loadUser } from '../lib/principal';
import { reminderRepository } from './repository';
import { createWeChatSender, inboxSender, type ReminderSender } from './sender';
import { createNotificationService } from './service';

const HOUR = 3_600_000;

const serviceAt = (offsetMs: number, sender: ReminderSender = inboxSender) =>
  createNotificationService({
    reminders: reminderRepository,
    sender,
    loadUser,
    leadMinutes: 60,
    now: () => new Date(Date.now() + offsetMs),
  });

const messagesOf = async (token: string) =>
  (await call('GET', '/me/messages', { token })).body.items as Array<{ kind: string; title: string; body: string }>;

describe('reminders (订阅消息)', () => {
  it('asks for a registration first, subscribes once, and sends once when due', async () => {
    const activity = await createActivity({ title: '越剧班 · 第一课：唱腔入门', ...{} });
    const [member] = await newMembers(1);
    const early = await call('POST', `/activities/${activity.id}/reminders`, { token: member!.token });
    expect([early.status, early.body.error.code]).toEqual([409, 'REGISTER_FIRST']);

    await call('POST', `/activities/${activity.id}/registrations`, { token: member!.token });
    const subscribed = await call('POST', `/activities/${activity.id}/reminders`, { token: member!.token });
    expect(subscribed.status).toBe(201);
    expect(subscribed.body.reminder).toMatchObject({
      status: 'pending',
      dueAt: new Date(Date.parse(activity.startsAt as string) - HOUR).toISOString(),
    });
    expect((await call('POST', `/activities/${activity.id}/reminders`, { token: member!.token })).status).toBe(200);

    // Not yet due: nothing goes out.
    await serviceAt(0).sendDue();
    expect(await messagesOf(member!.token)).toEqual([]);

    // 47 hours on (the activity starts at +48 h): due. Two scheduler runs at once send it once.
    const later = serviceAt(47.5 * HOUR);
    await Promise.all([later.sendDue(), later.sendDue()]);
    await later.sendDue();
    const messages = await messagesOf(member!.token);
    expect(messages.filter((message) => message.kind === 'reminder')).toHaveLength(1);
    expect(messages[0]!.title).toBe('活动提醒：越剧班 · 第一课：唱腔入门');
  });

  it('skips the reminder of an activity that was cancelled, and tells the registrants instead', async () => {
    const activity = await createActivity();
    const [member] = await newMembers(1);
    await call('POST', `/activities/${activity.id}/registrations`, { token: member!.token });
    await call('POST', `/activities/${activity.id}/reminders`, { token: member!.token });
    const { token } = await signIn('coordinator');
    await call('POST', `/activities/${activity.id}/cancel`, { token });
    const result = await serviceAt(47.5 * HOUR).sendDue();
    expect(result.skipped).toBeGreaterThanOrEqual(1);
    const messages = await messagesOf(member!.token);
    expect(messages.map((message) => message.kind)).toEqual(['activity_cancelled']);
  });

  it('tells a waitlisted member when a seat comes to them', async () => {
    const activity = await createActivity({ capacity: 1 });
    const [first, second] = await newMembers(2);
    await call('POST', `/activities/${activity.id}/registrations`, { token: first!.token });
    await call('POST', `/activities/${activity.id}/registrations`, { token: second!.token });
    await call('DELETE', `/activities/${activity.id}/registrations/me`, { token: first!.token });
    expect((await messagesOf(second!.token)).map((message) => message.title)).toEqual(['候补成功']);
  });
});

describe('WeChat subscribe-message sender', () => {
  let wechat: Awaited<ReturnType<typeof startWeChatStandIn>>;
  let apiBase: string;
  let nextErrcode = 0;

  beforeAll(async () => {
    wechat = await startWeChatStandIn(() => ({ errcode: nextErrcode, errmsg: nextErrcode ? 'refused' : 'ok' }));
    apiBase = wechat.apiBase;
  });
  afterAll(() => wechat.close());

  it('sends the template with the fields within limits and the page to open, reusing the token', async () => {
    const sender = createWeChatSender({ appId: 'wx1', appSecret: async () => 's', templateId: 'TPL', apiBase });
    const [member] = await newMembers(1);
    const delivery = {
      userId: member!.userId,
      openid: 'openid-1',
      activityId: 'act-1',
      fields: { thing1: '越剧班', time2: '2026年12月1日 14:00', thing3: '多功能厅', phrase4: '即将开始' },
    };
    await sender.send(delivery);
    await sender.send(delivery);
    expect(wechat.tokenCalls()).toBe(1);
    expect({ token: wechat.calls[0]!.token, ...wechat.calls[0]!.body }).toMatchObject({
      token: 'TOKEN',
      touser: 'openid-1',
      template_id: 'TPL',
      page: 'activity/detail/index?id=act-1',
      data: { thing1: { value: '越剧班' }, phrase4: { value: '即将开始' } },
    });
    // The inbox has it too.
    expect((await messagesOf(member!.token)).length).toBe(2);
  });

  it('puts the reminder back in the queue when WeChat fails, but not when the member has no subscription left', async () => {
    const activity = await createActivity();
    const [member] = await newMembers(1);
    await call('POST', `/activities/${activity.id}/registrations`, { token: member!.token });
    await call('POST', `/activities/${activity.id}/reminders`, { token: member!.token });
    const sender = createWeChatSender({ appId: 'wx1', appSecret: async () => 's', templateId: 'TPL', apiBase });

    nextErrcode = -1; // system busy: try again next run
    expect(await serviceAt(47.5 * HOUR, sender).sendDue()).toMatchObject({ sent: 0 });
    nextErrcode = 43101; // the member has no accepted subscription left: final
    const { sent: count } = await serviceAt(47.5 * HOUR, sender).sendDue();
    expect(count).toBe(1);
    nextErrcode = 0;
    expect(await serviceAt(47.5 * HOUR, sender).sendDue()).toMatchObject({ sent: 0 });
    // The failed attempt left nothing in the inbox; the final one left one message.
    expect((await messagesOf(member!.token)).filter((message) => message.kind === 'reminder')).toHaveLength(1);
  });
});
