/**
 * Points that expire by the center's validity, run by the scheduled function as its trigger runs it,
 * against the local database. Earnings of two years ago are written through the ledger itself, dated
 * then (the ledger's `now`): nothing else can make points old.
 */
import { centerDate, expiryDay, LedgerType } from '@hele/shared';
import { reconcilePoints } from '../../../scripts/local/reconcile';
import { call, signIn } from '../../test/gateway';
import { ledgerEntriesOf, newMembers } from '../../test/fixtures';
import { invoke } from '../../test/lambda-endpoint';
import { doc } from '../lib/db';
import { ledger } from '../domain/ledger';
import { tableName } from '../lib/tables';

const DAY = 86_400_000;
const monthsAgo = (months: number, plusDays = 0) => {
  const at = new Date();
  at.setUTCMonth(at.getUTCMonth() - months);
  return new Date(at.getTime() + plusDays * DAY);
};

const earn = async (userId: string, amount: number, at: Date) => {
  const outcome = await ledger.append(
    {
      userId,
      type: LedgerType.EARN,
      amount,
      reason: '服务时长（测试）',
      actorId: userId,
      idempotencyKey: `test-earn:${at.toISOString()}:${amount}`,
    },
    [],
    at,
  );
  expect(outcome.status).toBe('applied');
  return outcome.status === 'applied' ? outcome.entry : undefined;
};

const runExpiry = () => invoke('pointsExpiry', { source: 'aws.events', 'detail-type': 'Scheduled Event', time: new Date().toISOString() });

const expiriesOf = async (userId: string) => (await ledgerEntriesOf(userId)).filter((entry) => entry.type === 'EXPIRE');
const pointsOf = async (token: string) => (await call('GET', '/me/points?limit=100', { token })).body;
const pointsMessagesOf = async (token: string) =>
  ((await call('GET', '/me/messages?limit=100', { token })).body.items as Array<{ kind: string; title: string; body: string }>).filter(
    (message) => message.kind === 'points',
  );

let coordinator: string;
beforeAll(async () => {
  coordinator = (await signIn('coordinator')).token;
  const set = await call('PUT', '/points/settings', { token: coordinator, body: { validityMonths: 24 } });
  expect(set.status).toBe(200);
});

describe('points settings (积分有效期)', () => {
  it('lets the center set the validity, states it to every member, and refuses a bad one by field', async () => {
    const [member] = await newMembers(1);
    expect((await call('GET', '/points/settings', { token: member!.token })).body.settings).toMatchObject({ validityMonths: 24 });
    for (const validityMonths of [-1, 1.5, 121, '24']) {
      const reply = await call('PUT', '/points/settings', { token: coordinator, body: { validityMonths } });
      expect([reply.status, reply.body.error.details[0].path]).toEqual([400, 'validityMonths']);
    }
    expect((await call('PUT', '/points/settings', { token: member!.token, body: { validityMonths: 1 } })).status).toBe(403);
    expect((await call('GET', '/points/settings', { token: member!.token })).body.settings.validityMonths).toBe(24);
  });
});

describe('points expiry (scheduled, FIFO by earning day)', () => {
  it('expires what is due, keeps what is not, takes only the unspent remainder, and never twice however often it runs', async () => {
    const [due, notDue, spent] = await newMembers(3);
    const old = await earn(due!.userId, 100, monthsAgo(25));
    await earn(due!.userId, 40, monthsAgo(1));
    await earn(notDue!.userId, 50, monthsAgo(20));
    const spentOld = await earn(spent!.userId, 100, monthsAgo(25));
    await earn(spent!.userId, 50, monthsAgo(2));
    // Spent now, before the run: the oldest earning pays first, so 30 of it are left to expire.
    const take = await call('POST', '/points/adjustments', {
      token: coordinator,
      body: { userId: spent!.userId, amount: -70, reason: '兑换补录' },
    });
    expect(take.status).toBe(201);

    // Two runs at once, then a third: each earning expires once.
    await Promise.all([runExpiry(), runExpiry()]);
    await runExpiry();

    expect(await expiriesOf(due!.userId)).toEqual([
      expect.objectContaining({
        amount: -100,
        balanceAfter: 40,
        ref: old!.id,
        actorId: 'system',
        reason: expect.stringContaining('有效期 24 个月'),
      }),
    ]);
    expect((await pointsOf(due!.token)).balance).toBe(40);
    expect(await expiriesOf(notDue!.userId)).toEqual([]);
    expect((await pointsOf(notDue!.token)).balance).toBe(50);
    expect(await expiriesOf(spent!.userId)).toEqual([expect.objectContaining({ amount: -30, balanceAfter: 50, ref: spentOld!.id })]);
    const mine = await pointsOf(spent!.token);
    expect(mine.balance).toBe(50);
    expect(mine.entries[0]).toMatchObject({ type: 'EXPIRE', amount: -30 });

    // earned − spent − expired = balance, and the whole table still reconciles.
    const report = await reconcilePoints(doc, tableName('POINTS_TABLE'));
    expect(report.problems.filter((problem) => [due, notDue, spent].some((user) => user!.userId === problem.userId))).toEqual([]);
  });

  it('tells the member 30 days ahead, once, and the points page says what expires when', async () => {
    const [soon, later] = await newMembers(2);
    const earnedAt = monthsAgo(24, 10);
    await earn(soon!.userId, 60, earnedAt);
    const laterAt = monthsAgo(22);
    await earn(later!.userId, 80, laterAt);
    const expiresOn = expiryDay(earnedAt.toISOString(), 24);
    expect(expiresOn > centerDate(new Date())).toBe(true);

    await runExpiry();
    await runExpiry();

    const told = await pointsMessagesOf(soon!.token);
    expect(told).toEqual([
      expect.objectContaining({ title: '积分即将过期', body: expect.stringContaining(`60 积分将于 ${expiresOn} 过期`) }),
    ]);
    expect(await pointsMessagesOf(later!.token)).toEqual([]);
    expect(await expiriesOf(soon!.userId)).toEqual([]);
    expect((await pointsOf(soon!.token)).expiring).toEqual({ points: 60, expiresOn });
    expect((await pointsOf(later!.token)).expiring).toEqual({ points: 80, expiresOn: expiryDay(laterAt.toISOString(), 24) });
  });
});
