/**
 * 党员积分 (shared/rules/party-points): what organisational life pays a party member, written by the
 * feature where it happens (a check-in at a branch meeting, a learning material finished, a quiz passed).
 * The points go through the ledger's transaction into the member's party account (`party#<userId>`), with
 * the month's counter of the kind, which holds only while it is as read, so no month pays past its cap
 * however many occasions arrive at once; and the year's total, which a branch's ranking and the yearly
 * statistics read. Each occasion pays once (its key), and a failure to pay never undoes the occasion.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { centerMonth, isPartyMember, LedgerType, partyAward, partyEarnReason, PARTY_POINT_KINDS, type PartyPointKind } from '@hele/shared';
import { batchGetAll, doc, type TransactItem } from '../lib/db';
import { logger } from '../lib/logger';
import { loadUser } from '../lib/principal';
import { DEFAULT_RETRY, retrying } from '../lib/retry';
import { tableName } from '../lib/tables';
import { ledger as stageLedger, partyAccount, type Ledger } from './ledger';
import { pointsSettingsRepository } from './points-settings';

const monthSk = (month: string, kind: PartyPointKind) => `M#${month}#${kind}`;
const yearSk = (year: string | number) => `Y#${year}`;

/** The month's counter of a kind, moved only from the value read (so the cap holds under concurrency). */
const monthItem = (account: string, month: string, kind: PartyPointKind, read: number, award: number): TransactItem => ({
  Update: {
    TableName: tableName('POINTS_TABLE'),
    Key: { userId: account, sk: monthSk(month, kind) },
    UpdateExpression: 'SET earned = :next',
    ConditionExpression: read === 0 ? 'attribute_not_exists(earned) OR earned = :read' : 'earned = :read',
    ExpressionAttributeValues: { ':next': read + award, ':read': read },
  },
});

/** The year's total (and per kind), what rankings and the statistics workbook read. */
export const partyYearItem = (account: string, year: string, amount: number, kind?: PartyPointKind): TransactItem => ({
  Update: {
    TableName: tableName('POINTS_TABLE'),
    Key: { userId: account, sk: yearSk(year) },
    UpdateExpression: kind ? 'ADD #total :amount, #kind :amount' : 'ADD #total :amount',
    ExpressionAttributeNames: { '#total': 'total', ...(kind ? { '#kind': kind } : {}) },
    ExpressionAttributeValues: { ':amount': amount },
  },
});

const earnedOf = async (account: string, month: string, kind: PartyPointKind): Promise<number> => {
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName('POINTS_TABLE'), Key: { userId: account, sk: monthSk(month, kind) }, ConsistentRead: true }),
  );
  return Number(Item?.earned ?? 0);
};

export interface PartyOccasion {
  userId: string;
  kind: PartyPointKind;
  /** What the occasion is (the meeting, the material, the quiz attempt): with the kind, it pays once. */
  ref: string;
  /** How the ledger line names it. */
  what: string;
  actorId: string;
  at: Date;
}

export type PartyAward = { status: 'paid' | 'replayed'; points: number } | { status: 'capped' | 'not_member' | 'off'; points: 0 };

export const createPartyPoints = (ledger: Ledger = stageLedger) => ({
  /** Pays an occasion by the center's rules, if the person is a party member and the month's cap leaves room. */
  async award({ userId, kind, ref, what, actorId, at }: PartyOccasion): Promise<PartyAward> {
    const user = await loadUser(userId);
    if (!user || !isPartyMember(user)) return { status: 'not_member', points: 0 };
    const rule = (await pointsSettingsRepository.get()).party[kind];
    if (rule.points === 0) return { status: 'off', points: 0 };
    const account = partyAccount(userId);
    const month = centerMonth(at.toISOString());
    const key = `party:${kind}:${ref}`;
    return retrying(async (): Promise<PartyAward | undefined> => {
      const earned = await earnedOf(account, month, kind);
      const points = partyAward(rule, earned);
      if (points === 0) {
        const before = await ledger.entryForKey(account, key);
        return before ? { status: 'replayed', points: before.amount } : { status: 'capped', points: 0 };
      }
      const outcome = await ledger.append(
        { userId: account, type: LedgerType.EARN, amount: points, reason: partyEarnReason(kind, what), actorId, idempotencyKey: key, ref },
        [
          { name: 'cap', item: monthItem(account, month, kind, earned, points) },
          { name: 'year', item: partyYearItem(account, month.slice(0, 4), points, kind) },
        ],
        at,
      );
      if (outcome.status === 'refused') return undefined; // the month moved meanwhile: read it again
      return { status: outcome.status === 'applied' ? 'paid' : 'replayed', points: outcome.entry.amount };
    }, DEFAULT_RETRY);
  },

  /** As `award`, for the writes of other features: the occasion stands whatever happens here. */
  async awardQuietly(occasion: PartyOccasion): Promise<void> {
    try {
      await this.award(occasion);
    } catch (error) {
      logger.warn('party points not paid', { userId: occasion.userId, kind: occasion.kind, ref: occasion.ref, error: error as Error });
    }
  },

  /** This month's earnings of each kind. */
  async monthOf(userId: string, month: string): Promise<Record<PartyPointKind, number>> {
    const { Items = [] } = await doc.send(
      new QueryCommand({
        TableName: tableName('POINTS_TABLE'),
        KeyConditionExpression: 'userId = :account AND begins_with(sk, :month)',
        ExpressionAttributeValues: { ':account': partyAccount(userId), ':month': `M#${month}#` },
        ConsistentRead: true,
      }),
    );
    const earned = Object.fromEntries(PARTY_POINT_KINDS.map((kind) => [kind, 0])) as Record<PartyPointKind, number>;
    for (const item of Items) earned[String(item.sk).split('#')[2] as PartyPointKind] = Number(item.earned ?? 0);
    return earned;
  },

  /** The year's totals of several members (those with none: 0). */
  async yearTotals(userIds: string[], year: number): Promise<Map<string, number>> {
    const totals = new Map(userIds.map((id) => [id, 0]));
    const keys = userIds.map((id) => ({ userId: partyAccount(id), sk: yearSk(year) }));
    for (const item of await batchGetAll(tableName('POINTS_TABLE'), keys, { ConsistentRead: true }))
      totals.set(String(item.userId).slice(partyAccount('').length), Number(item.total ?? 0));
    return totals;
  },
});

export const partyPoints = createPartyPoints();
