/**
 * Recomputes every balance from its ledger and reports any difference: entries must sum to the
 * balance, each balanceAfter must follow from the one before, and each entry must have its
 * idempotency guard. Reads the whole points table (an operator's tool, not a request path).
 */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ledgerProblems } from '@hele/shared';

export interface ReconcileReport {
  users: number;
  entries: number;
  problems: Array<{ userId: string; problem: string }>;
}

type Item = { userId: string; sk: string; balance?: number; amount?: number; balanceAfter?: number; seq?: number };

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
    const guards = new Set(items.filter((item) => item.sk.startsWith('K#')).map((item) => item.seq));
    const balance = items.find((item) => item.sk === 'BALANCE')?.balance ?? 0;
    entries += ledger.length;
    for (const problem of ledgerProblems(balance, ledger as Array<{ amount: number; balanceAfter: number }>))
      problems.push({ userId, problem });
    for (const entry of ledger)
      if (!guards.has(entry.seq)) problems.push({ userId, problem: `entry ${entry.sk} has no idempotency guard` });
  }
  return {
    users: [...byUser.keys()].filter((userId) => byUser.get(userId)!.some((item) => item.sk === 'BALANCE')).length,
    entries,
    problems,
  };
};
