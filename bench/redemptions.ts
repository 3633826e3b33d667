/**
 * Redemption contention (issue #4): N concurrent redemptions spread over B balances, over HTTP on
 * the local stack, beside the raw TransactWriteItems that debits a balance and takes stock straight
 * against DynamoDB Local. Invariants after every run: no balance below zero, every ledger sums to
 * its balance (points:reconcile), stock = initial − vouchers.
 */
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { reconcilePoints } from '../scripts/local/reconcile';
import type { RequestCost } from './http';
import { burst, burstRounds, costRow, documentClient, openLoop, type Row, type BenchContext as Context, openLoopRounds } from './lib';

const COST = 10;

const grantAll = async (ctx: Context, users: Context['users'], amount: number) => {
  for (let i = 0; i < users.length; i += 25) {
    await Promise.all(
      users
        .slice(i, i + 25)
        .map((user) =>
          ctx.client.request('POST', '/points/adjustments', ctx.coordinator, { userId: user.userId, amount, reason: '压测发放' }),
        ),
    );
  }
};

const newReward = async (ctx: Context, stock: number): Promise<string> => {
  const reply = await ctx.client.request('POST', '/rewards', ctx.coordinator, {
    title: '压测礼品',
    kind: 'goods',
    cost: COST,
    stock,
    perUserLimit: 100,
  });
  if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
  return reply.body.reward.id;
};

const stockOf = async (ctx: Context, rewardId: string) =>
  (await ctx.client.request('GET', `/rewards/${rewardId}`, ctx.coordinator)).body.reward.stock as number;

const invariants = async (ctx: Context, rewardId: string, initialStock: number, vouchers: number) => {
  const problems: string[] = [];
  const report = await reconcilePoints(documentClient(ctx.databaseEndpoint), ctx.env.POINTS_TABLE!);
  // The raw baseline's balances (`raw-…`) keep no ledger: only the API's are checked.
  problems.push(
    ...report.problems.filter(({ userId }) => !userId.startsWith('raw-')).map(({ userId, problem }) => `${userId}: ${problem}`),
  );
  const stock = await stockOf(ctx, rewardId);
  if (stock < 0) problems.push(`stock ${stock} < 0`);
  if (stock !== initialStock - vouchers) problems.push(`stock ${stock} ≠ ${initialStock} − ${vouchers}`);
  return problems;
};

/** The raw operation: debit (conditional) + entry + one unit of stock, one TransactWriteItems. */
const rawRedemption = (ctx: Context) => {
  const doc = documentClient(ctx.databaseEndpoint);
  const points = ctx.env.POINTS_TABLE!;
  const rewards = ctx.env.REWARDS_TABLE!;
  let counter = 0;
  return {
    async setUp(users: Context['users'], balance: number, stock: number) {
      const rewardId = `raw-reward-${Date.now()}`;
      await doc.send(new PutCommand({ TableName: rewards, Item: { id: rewardId, stock, active: true } }));
      await Promise.all(
        users.map((user) =>
          doc.send(new PutCommand({ TableName: points, Item: { userId: `raw-${user.userId}`, sk: 'BALANCE', balance } })),
        ),
      );
      return rewardId;
    },
    async redeem(userId: string, rewardId: string) {
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: points,
                  Key: { userId: `raw-${userId}`, sk: 'BALANCE' },
                  UpdateExpression: 'SET balance = balance - :cost',
                  ConditionExpression: 'balance >= :cost',
                  ExpressionAttributeValues: { ':cost': COST },
                },
              },
              { Put: { TableName: points, Item: { userId: `raw-${userId}`, sk: `E#raw-${counter++}`, amount: -COST } } },
              {
                Update: {
                  TableName: rewards,
                  Key: { id: rewardId },
                  UpdateExpression: 'SET stock = stock - :one',
                  ConditionExpression: 'stock >= :one',
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
            ],
          }),
        );
        return true;
      } catch (error) {
        return (error as Error).name === 'TransactionCanceledException';
      }
    },
  };
};

export const redemptionBench = async (
  ctx: Context,
  { n, balances, rounds, seconds }: { n: number; balances: number; rounds: number; seconds: number },
) => {
  const rows: Row[] = [];
  const users = ctx.users.slice(0, balances);
  const perUser = Math.ceil(n / balances);
  const raw = rawRedemption(ctx);

  // Burst: each balance affords exactly its share, so every request must succeed; raw and HTTP alternate.
  const costs: Array<RequestCost | undefined> = [];
  const bursts = await burstRounds(rounds, `redemption burst: ${n} at once on ${balances} balances (drain)`, async () => {
    const rawReward = await raw.setUp(users, perUser * COST, n);
    const rawBurst = await burst(n, async (i) => (await raw.redeem(users[i % balances]!.userId, rawReward)) || 'raw failed');
    await grantAll(ctx, users, perUser * COST);
    const reward = await newReward(ctx, n);
    const httpBurst = await burst(n, async (i) => {
      const reply = await ctx.client.request('POST', '/redemptions', users[i % balances]!.token, { rewardId: reward });
      costs.push(reply.cost);
      return reply.status === 201 || `${reply.status} ${reply.body?.error?.code ?? ''}`;
    });
    if (httpBurst.errors) console.error(`redemption burst failures: ${JSON.stringify(httpBurst.failures)}`);
    const problems = await invariants(ctx, reward, n, n - httpBurst.errors);
    const balancesLeft = await Promise.all(
      users.map(async (user) => (await ctx.client.request('GET', '/me/points?limit=1', user.token)).body.balance as number),
    );
    if (balancesLeft.some((balance) => balance !== 0)) problems.push('a balance is not back to zero');
    if (problems.length) console.error(`redemption burst invariants broken: ${problems.join('; ')}`);
    return { raw: rawBurst, subject: httpBurst, problems };
  });
  rows.push(costRow('redemption', costs, '1 / 0 / — (one TransactWriteItems)'));
  rows.push(bursts.row);
  const httpBurst = bursts.subject;

  // Open loop at half the HTTP peak.
  const rate = Math.max(10, Math.floor(httpBurst.perSecond / 2));
  const count = Math.min(n, Math.floor(rate * seconds));
  const measured = await openLoopRounds(
    rounds,
    (key) => `redemption ${key}, open loop ${rate}/s × ${count} on ${balances} balances (median of ${rounds})`,
    async () => {
      const rawRound = await raw.setUp(users, Math.ceil(count / balances) * COST, count);
      const baseline = await openLoop(rate, count, (i) => raw.redeem(users[i % balances]!.userId, rawRound));
      await grantAll(ctx, users, Math.ceil(count / balances) * COST);
      const roundReward = await newReward(ctx, count);
      const subject = await openLoop(
        rate,
        count,
        async (i) =>
          (await ctx.client.request('POST', '/redemptions', users[i % balances]!.token, { rewardId: roundReward })).status === 201,
      );
      return { baseline, subject, problems: await invariants(ctx, roundReward, count, count - subject.errors) };
    },
  );
  rows.push(...measured.rows);
  if (measured.problems.length || measured.errors)
    console.error(`redemption open-loop problems: ${measured.errors} errors; ${measured.problems.join('; ')}`);
  return rows;
};
