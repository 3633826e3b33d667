/**
 * Recomputes every balance from its ledger and reports any difference: entries must sum to the
 * balance, each balanceAfter must follow from the one before, no idempotency key may be applied twice,
 * and each idempotency guard must name the entry of its key. Reads the whole points table (an
 * operator's tool, not a request path).
 */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ledgerProblems } from '@hele/shared';

export interface ReconcileReport {
  users: number;
  entries: number;
  problems: Array<{ userId: string; problem: string }>;
}

type Item = {
  userId: string;
  sk: string;
  balance?: number;
  amount?: number;
  balanceAfter?: number;
  seq?: number;
  idempotencyKey?: string;
};

export const reconcilePoints = async (client: Pick<DynamoDBDocumentClient, 'send'>, table: string): Promise<ReconcileReport> => {
  const byUser = new Map<string, Item[]>();
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey, ConsistentRead: true }));
    for (const item of (page.Items ?? []) as Item[]) {
      const list = byUser.get(item.userId) ?? [];
      list.push(item);
      byUser.set(item.userId, list);
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);

  const problems: ReconcileReport['problems'] = [];
  let entries = 0;
  for (const [userId, items] of byUser) {
    const ledger = items.filter((item) => item.sk.startsWith('E#')).sort((a, b) => a.sk.localeCompare(b.sk));
    const keyAt = new Map(ledger.map((entry) => [entry.seq, entry.idempotencyKey]));
    const balance = items.find((item) => item.sk === 'BALANCE')?.balance ?? 0;
    entries += ledger.length;
    for (const problem of ledgerProblems(balance, ledger as Array<{ amount: number; balanceAfter: number; idempotencyKey?: string }>))
      problems.push({ userId, problem });
    for (const guard of items.filter((item) => item.sk.startsWith('K#')))
      if (keyAt.get(guard.seq) !== guard.sk.slice('K#'.length))
        problems.push({ userId, problem: `guard ${guard.sk} names no entry of its key` });
  }
  return {
    users: [...byUser.keys()].filter((userId) => byUser.get(userId)!.some((item) => item.sk === 'BALANCE')).length,
    entries,
    problems,
  };
};
