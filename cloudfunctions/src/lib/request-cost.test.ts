/**
 * Each request reports what it cost DynamoDB (round trips, read and write units), measured on the
 * real local database: the figures the bench prints and CloudWatch receives on AWS.
 */
import { call, signIn } from '../../test/gateway';
import { createActivity, newMembers } from '../../test/fixtures';

const costOf = (headers: Record<string, string>) => {
  const [roundTrips, readUnits, writeUnits] = headers['x-dynamodb-cost']!.split(';').map(Number);
  return { roundTrips: roundTrips!, readUnits: readUnits!, writeUnits: writeUnits! };
};

it('counts the round trips and capacity units of a registration, and of a read', async () => {
  const activity = await createActivity({ capacity: 5 });
  const [member] = await newMembers(1, 'cost');

  const registered = await call('POST', `/activities/${activity.id}/registrations`, {
    token: member!.token,
    headers: { 'Idempotency-Key': 'cost-1' },
  });
  expect(registered.status).toBe(201);
  const write = costOf(registered.headers);
  // The seat path (docs/hot-activity.md): the activity, and one transaction that keeps the key too and checks the
  // caller the token names (not read first: lib/http `decidedOnToken`).
  expect(write.roundTrips).toBe(2);
  expect(write.writeUnits).toBeGreaterThan(0);

  const read = costOf((await call('GET', `/activities/${activity.id}`, { token: member!.token })).headers);
  expect(read.roundTrips).toBeGreaterThanOrEqual(1);
  expect(read.readUnits).toBeGreaterThan(0);
  expect(read.writeUnits).toBe(0);
});

it('redeems in two round trips: the reward with the balance, one transaction (the caller is checked in it)', async () => {
  const coordinator = (await signIn('coordinator')).token;
  const [member] = await newMembers(1, 'cost');
  await call('POST', '/points/adjustments', { token: coordinator, body: { userId: member!.userId, amount: 50, reason: '测试发放' } });
  const reward = (
    await call('POST', '/rewards', { token: coordinator, body: { title: '环保袋', kind: 'goods', cost: 10, stock: 5, perUserLimit: 5 } })
  ).body.reward;
  const redeemed = await call('POST', '/redemptions', {
    token: member!.token,
    body: { rewardId: reward.id },
    headers: { 'Idempotency-Key': 'cost-r' },
  });
  expect([redeemed.status, redeemed.body.balance]).toEqual([201, 40]);
  expect(costOf(redeemed.headers).roundTrips).toBe(2);
});
