import { ledgerProblems } from '@hele/shared';
import { call, signIn } from '../../test/gateway';
import { createActivity, ledgerEntriesOf, ledgerGuardsOf, newMembers } from '../../test/fixtures';
import { activityRepository } from '../domain/activities/repository';

const coordinator = async () => (await signIn('coordinator')).token;

const grant = async (userId: string, amount: number) => {
  const reply = await call('POST', '/points/adjustments', { token: await coordinator(), body: { userId, amount, reason: '测试发放' } });
  expect(reply.status).toBe(201);
  return reply.body.entry;
};

const newReward = async (overrides: Record<string, unknown> = {}) => {
  const reply = await call('POST', '/rewards', {
    token: await coordinator(),
    body: { title: '环保袋', kind: 'goods', cost: 10, stock: 100, perUserLimit: 100, ...overrides },
  });
  expect(reply.status).toBe(201);
  return reply.body.reward as { id: string; stock: number; cost: number };
};

const redeem = (token: string, rewardId: string, headers?: Record<string, string>) =>
  call('POST', '/redemptions', { token, body: { rewardId }, headers });
const pointsOf = async (token: string) => (await call('GET', '/me/points?limit=100', { token })).body;
const rewardOf = async (id: string, token: string) => (await call('GET', `/rewards/${id}`, { token })).body.reward;

describe('points ledger over the API', () => {
  it('adjusts with a reason, shows the balance and ledger newest first, and refuses to go below zero', async () => {
    const [member] = await newMembers(1);
    await grant(member!.userId, 100);
    const take = await call('POST', '/points/adjustments', {
      token: await coordinator(),
      body: { userId: member!.userId, amount: -30, reason: '纠正重复记录' },
    });
    expect(take.body.entry).toMatchObject({ type: 'ADJUST', amount: -30, balanceAfter: 70, reason: '纠正重复记录' });
    const tooMuch = await call('POST', '/points/adjustments', {
      token: await coordinator(),
      body: { userId: member!.userId, amount: -71, reason: '扣减' },
    });
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([409, 'INSUFFICIENT_POINTS']);
    const mine = await pointsOf(member!.token);
    expect(mine.balance).toBe(70);
    expect(mine.entries.map((entry: { amount: number }) => entry.amount)).toEqual([-30, 100]);
    expect(mine.entries[0].actorId).toBeTruthy();
  });

  it('applies one adjustment for one Idempotency-Key, even fired 20 times at once', async () => {
    const [member] = await newMembers(1);
    const token = await coordinator();
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        call('POST', '/points/adjustments', {
          token,
          headers: { 'Idempotency-Key': 'grant-once' },
          body: { userId: member!.userId, amount: 50, reason: '志愿服务' },
        }),
      ),
    );
    expect(new Set(replies.map((reply) => reply.body.entry.id)).size).toBe(1);
    expect((await pointsOf(member!.token)).balance).toBe(50);
  });

  it.each([
    ['a zero amount', { amount: 0 }, 'amount'],
    ['a fractional amount', { amount: 1.5 }, 'amount'],
    ['no reason', { reason: '' }, 'reason'],
    ['an unknown user', { userId: 'u_nobody' }, 'userId'],
    ['an amount as text', { amount: '10' }, 'amount'],
  ])('answers 400 for %s, writing nothing', async (_, overrides, field) => {
    const [member] = await newMembers(1);
    const reply = await call('POST', '/points/adjustments', {
      token: await coordinator(),
      body: { userId: member!.userId, amount: 10, reason: '测试', ...overrides },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((detail: { path: string }) => detail.path)).toContain(field);
    expect((await pointsOf(member!.token)).entries).toEqual([]);
  });
});

describe('redemption (积分兑换)', () => {
  it('debits points and stock together, issues a voucher, and refuses without enough points', async () => {
    const [member] = await newMembers(1);
    await grant(member!.userId, 25);
    const reward = await newReward({ cost: 10, stock: 3 });
    const first = await redeem(member!.token, reward.id);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      balance: 15,
      redemption: { status: 'issued', cost: 10, voucher: expect.stringMatching(/^HLVC1\./) },
    });
    await redeem(member!.token, reward.id);
    const broke = await redeem(member!.token, reward.id);
    expect([broke.status, broke.body.error.code]).toEqual([409, 'INSUFFICIENT_POINTS']);
    expect((await rewardOf(reward.id, member!.token)).stock).toBe(1);
    expect((await pointsOf(member!.token)).balance).toBe(5);
  });

  it('200 concurrent redemptions from a balance that affords 10 make exactly 10 vouchers', async () => {
    const [member] = await newMembers(1);
    await grant(member!.userId, 100);
    const reward = await newReward({ cost: 10, stock: 1000, perUserLimit: 100 });
    const replies = await Promise.all(Array.from({ length: 200 }, () => redeem(member!.token, reward.id)));
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(replies.filter((reply) => reply.status !== 201).every((reply) => reply.body.error.code === 'INSUFFICIENT_POINTS')).toBe(true);
    const points = await pointsOf(member!.token);
    expect(points.balance).toBe(0);
    expect((await rewardOf(reward.id, member!.token)).stock).toBe(990);
    const entries = await ledgerEntriesOf(member!.userId);
    expect(ledgerProblems(0, entries)).toEqual([]);
    expect(entries.filter((entry) => entry.type === 'REDEEM')).toHaveLength(10);
    // A redemption's key is made with it (`redeem:<new id>`), so it needs no guard: only the grant's key has one.
    expect(await ledgerGuardsOf(member!.userId)).toEqual([expect.stringMatching(/^adjust:/)]);
  });

  it('stock 5 with 50 buyers at once sells exactly 5', async () => {
    const buyers = await newMembers(50, 'buyer');
    await Promise.all(buyers.map((buyer) => grant(buyer.userId, 20)));
    const reward = await newReward({ cost: 10, stock: 5 });
    const replies = await Promise.all(buyers.map((buyer) => redeem(buyer.token, reward.id)));
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(5);
    expect(replies.filter((reply) => reply.status === 409).every((reply) => reply.body.error.code === 'OUT_OF_STOCK')).toBe(true);
    expect((await rewardOf(reward.id, buyers[0]!.token)).stock).toBe(0);
    const balances = await Promise.all(buyers.map(async (buyer) => (await pointsOf(buyer.token)).balance));
    expect(balances.filter((balance) => balance === 10)).toHaveLength(5);
    expect(balances.filter((balance) => balance === 20)).toHaveLength(45);
  });

  it('debits once for one Idempotency-Key fired 20 times at once', async () => {
    const [member] = await newMembers(1);
    await grant(member!.userId, 100);
    const reward = await newReward({ cost: 10 });
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => redeem(member!.token, reward.id, { 'Idempotency-Key': 'tap-redeem' })),
    );
    expect(new Set(replies.map((reply) => reply.body.redemption?.id)).size).toBe(1);
    expect((await pointsOf(member!.token)).balance).toBe(90);
  });

  it('replays a refusal under its Idempotency-Key, and keeps each member’s keys apart', async () => {
    const [member, other] = await newMembers(2);
    const reward = await newReward({ cost: 10 });
    const headers = { 'Idempotency-Key': 'tap-broke' };
    const broke = await redeem(member!.token, reward.id, headers);
    expect([broke.status, broke.body.error.code]).toEqual([409, 'INSUFFICIENT_POINTS']);
    await grant(member!.userId, 10);
    // The same tap again is the same request: its first answer, and nothing debited.
    const again = await redeem(member!.token, reward.id, headers);
    expect([again.status, again.body]).toEqual([409, broke.body]);
    expect((await pointsOf(member!.token)).balance).toBe(10);
    // A new tap is a new request; another member's same key is theirs alone.
    expect((await redeem(member!.token, reward.id, { 'Idempotency-Key': 'tap-paid' })).status).toBe(201);
    await grant(other!.userId, 10);
    expect((await redeem(other!.token, reward.id, headers)).status).toBe(201);
    expect([(await pointsOf(member!.token)).balance, (await pointsOf(other!.token)).balance]).toEqual([0, 0]);
  });

  it('refunds once when a voucher is cancelled twice (even at once), and keeps a used voucher used', async () => {
    const [member] = await newMembers(1);
    await grant(member!.userId, 30);
    const reward = await newReward({ cost: 10, stock: 2 });
    const { redemption } = (await redeem(member!.token, reward.id)).body;
    const cancels = await Promise.all([1, 2, 3].map(() => call('POST', `/redemptions/${redemption.id}/cancel`, { token: member!.token })));
    expect(cancels.map((reply) => reply.status)).toEqual([200, 200, 200]);
    expect(cancels.every((reply) => reply.body.redemption.status === 'cancelled')).toBe(true);
    expect((await pointsOf(member!.token)).balance).toBe(30);
    expect((await ledgerEntriesOf(member!.userId)).filter((entry) => entry.type === 'REFUND')).toHaveLength(1);
    expect((await rewardOf(reward.id, member!.token)).stock).toBe(2);

    const second = (await redeem(member!.token, reward.id)).body.redemption;
    const token = await coordinator();
    const used = await call('POST', '/redemptions/fulfil', { token, body: { voucher: second.voucher } });
    expect(used.body.redemption.status).toBe('fulfilled');
    const again = await call('POST', '/redemptions/fulfil', { token, body: { voucher: second.voucher } });
    expect([again.status, again.body.error.code]).toEqual([409, 'VOUCHER_USED']);
    const late = await call('POST', `/redemptions/${second.id}/cancel`, { token: member!.token });
    expect([late.status, late.body.error.code]).toEqual([409, 'VOUCHER_USED']);
    const forged = await call('POST', '/redemptions/fulfil', { token, body: { voucher: `${second.voucher.slice(0, -2)}xx` } });
    expect([forged.status, forged.body.error.details[0].path]).toEqual([400, 'voucher']);
  });

  it('keeps to the per-member limit, tells each member how many they hold, and hides other members’ vouchers', async () => {
    const [member, other] = await newMembers(2);
    await grant(member!.userId, 100);
    const reward = await newReward({ cost: 10, perUserLimit: 2 });
    const heldBy = async (token: string) => (await call('GET', `/rewards/${reward.id}`, { token })).body.redeemedByMe;
    expect(await heldBy(member!.token)).toBe(0);
    expect((await redeem(member!.token, reward.id)).status).toBe(201);
    const { redemption } = (await redeem(member!.token, reward.id)).body;
    expect([await heldBy(member!.token), await heldBy(other!.token)]).toEqual([2, 0]);
    const third = await redeem(member!.token, reward.id);
    expect([third.status, third.body.error.code]).toEqual([409, 'REDEMPTION_LIMIT']);
    expect((await call('POST', `/redemptions/${redemption.id}/cancel`, { token: other!.token })).status).toBe(404);
    // Cancelling gives the allowance back.
    await call('POST', `/redemptions/${redemption.id}/cancel`, { token: member!.token });
    expect(await heldBy(member!.token)).toBe(1);
    expect((await redeem(member!.token, reward.id)).status).toBe(201);
  });

  it('redeems a class seat by registering in the same transaction, and gives the seat on when cancelled', async () => {
    const activity = await createActivity({ kind: 'class', title: '越剧班', capacity: 1 });
    const [first, second, waiting] = await newMembers(3);
    await Promise.all([first, second].map((user) => grant(user!.userId, 50)));
    const reward = await newReward({ title: '越剧班名额', kind: 'class_seat', activityId: activity.id, cost: 20, stock: 5 });

    const seat = await redeem(first!.token, reward.id);
    expect(seat.status).toBe(201);
    const detail = (await call('GET', `/activities/${activity.id}`, { token: first!.token })).body.activity;
    expect(detail).toMatchObject({ confirmedCount: 1, myRegistration: { status: 'confirmed' } });

    const full = await redeem(second!.token, reward.id);
    expect([full.status, full.body.error.code]).toEqual([409, 'CLASS_FULL']);
    expect((await pointsOf(second!.token)).balance).toBe(50);
    expect((await rewardOf(reward.id, second!.token)).stock).toBe(4);

    await call('POST', `/activities/${activity.id}/registrations`, { token: waiting!.token });
    await call('POST', `/redemptions/${seat.body.redemption.id}/cancel`, { token: first!.token });
    expect((await pointsOf(first!.token)).balance).toBe(50);
    const after = (await call('GET', `/activities/${activity.id}`, { token: waiting!.token })).body.activity;
    expect(after).toMatchObject({ confirmedCount: 1, waitlistCount: 0, myRegistration: { status: 'confirmed' } });
    // The dashboard's 报名人次: the seat bought and the waitlist place, each once (the refused redemption wrote nothing).
    expect((await activityRepository.getActivity(activity.id))?.signUps).toBe(2);
  });

  it('refuses a class seat of a hot activity (500 seats or more), whose seats are on its shards, naming activityId', async () => {
    const hot = await createActivity({ kind: 'class', title: '垃圾分类公开课', capacity: 500 });
    const reply = await call('POST', '/rewards', {
      token: await coordinator(),
      body: { title: '公开课名额', kind: 'class_seat', activityId: hot.id, cost: 10, stock: 5 },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([{ path: 'activityId', message: '热门活动（500 个名额以上）的名额不能用积分兑换' }]);
  });

  it.each([
    ['cost 0', { cost: 0 }, 'cost'],
    ['negative stock', { stock: -1 }, 'stock'],
    ['a class seat without its class', { kind: 'class_seat' }, 'activityId'],
    ['an unknown kind', { kind: 'cash' }, 'kind'],
    ['an end before the start', { availableFrom: '2026-12-02T00:00:00Z', availableUntil: '2026-12-01T00:00:00Z' }, 'availableUntil'],
  ])('POST /rewards with %s → 400', async (_, overrides, field) => {
    const reply = await call('POST', '/rewards', {
      token: await coordinator(),
      body: { title: '礼品', kind: 'goods', cost: 10, stock: 1, ...overrides },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((detail: { path: string }) => detail.path)).toContain(field);
  });

  it('refuses a reward outside its window or retired, and lets coordinators restock without going below zero', async () => {
    const [member] = await newMembers(1);
    await grant(member!.userId, 100);
    const later = await newReward({ availableFrom: new Date(Date.now() + 86_400_000).toISOString() });
    expect((await redeem(member!.token, later.id)).body.error.code).toBe('REWARD_UNAVAILABLE');
    const reward = await newReward({ stock: 2 });
    const token = await coordinator();
    expect((await call('PATCH', `/rewards/${reward.id}`, { token, body: { stockChange: -3 } })).body.error.details[0].path).toBe(
      'stockChange',
    );
    expect((await call('PATCH', `/rewards/${reward.id}`, { token, body: { stockChange: 5 } })).body.reward.stock).toBe(7);
    await call('PATCH', `/rewards/${reward.id}`, { token, body: { active: false } });
    expect((await redeem(member!.token, reward.id)).body.error.code).toBe('REWARD_UNAVAILABLE');
  });
});

describe('a redemption decided on the session token (the caller is not read first)', () => {
  it('redeems in two round trips, with the nickname of the record when it changed since sign-in', async () => {
    const [kept, renamed] = await newMembers(2, 'redeem-token');
    await grant(kept!.userId, 20);
    await grant(renamed!.userId, 20);
    const reward = await newReward();
    const first = await redeem(kept!.token, reward.id);
    expect([first.status, first.body.redemption.nickname]).toEqual([201, kept!.name]);
    // The reward with the balance, then one transaction that checks the account too.
    expect(Number(first.headers['x-dynamodb-cost']!.split(';')[0])).toBe(2);

    expect((await call('PATCH', '/me', { token: renamed!.token, body: { nickname: '改名后兑换' } })).status).toBe(200);
    const second = await redeem(renamed!.token, reward.id);
    expect([second.status, second.body.redemption.nickname, second.body.balance]).toEqual([201, '改名后兑换', 10]);
    const listed = await call('GET', `/redemptions?limit=100`, { token: await coordinator() });
    expect(listed.body.items.find((item: { id: string }) => item.id === second.body.redemption.id)?.nickname).toBe('改名后兑换');
  });

  it('answers 401 to the token of a closed account, spending nothing', async () => {
    const [person] = await newMembers(1, 'redeem-closed');
    await grant(person!.userId, 20);
    const reward = await newReward({ stock: 3 });
    expect((await call('DELETE', '/me', { token: person!.token })).status).toBe(200);
    const reply = await redeem(person!.token, reward.id);
    expect(reply.status).toBe(401);
    expect((await rewardOf(reward.id, await coordinator())).stock).toBe(3);
  });
});
