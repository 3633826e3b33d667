import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { reconcilePoints } from '../../../scripts/local/reconcile';
import { call, signIn } from '../../test/gateway';
import { newMembers } from '../../test/fixtures';
import { doc } from '../lib/db';
import { tableName } from '../lib/tables';

describe('points:reconcile', () => {
  it('finds every balance equal to its ledger, then the one someone changed by hand, and a guard of no entry', async () => {
    const [member] = await newMembers(1);
    const { token } = await signIn('coordinator');
    for (const amount of [40, -15, 5]) {
      await call('POST', '/points/adjustments', { token, body: { userId: member!.userId, amount, reason: '对账测试' } });
    }
    const clean = await reconcilePoints(doc, tableName('POINTS_TABLE'));
    expect(clean.problems.filter((problem) => problem.userId === member!.userId)).toEqual([]);
    expect(clean.entries).toBeGreaterThanOrEqual(3);

    await doc.send(
      new PutCommand({
        TableName: tableName('POINTS_TABLE'),
        Item: { userId: member!.userId, sk: 'BALANCE', balance: 999, seq: 3, updatedAt: 'x' },
      }),
    );
    const tampered = await reconcilePoints(doc, tableName('POINTS_TABLE'));
    expect(tampered.problems).toContainEqual({ userId: member!.userId, problem: 'entries sum to 30, balance says 999' });

    // A guard must stand for the entry that applied its key.
    await doc.send(
      new PutCommand({
        TableName: tableName('POINTS_TABLE'),
        Item: { userId: member!.userId, sk: 'K#adjust:nobody', seq: 2, createdAt: 'x' },
      }),
    );
    const guarded = await reconcilePoints(doc, tableName('POINTS_TABLE'));
    expect(guarded.problems).toContainEqual({ userId: member!.userId, problem: 'guard K#adjust:nobody names no entry of its key' });
  });
});
