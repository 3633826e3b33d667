/**
 * The points ledger (docs/API.md): per user, a BALANCE item and append-only entries E#<seq>, each
 * written in one transaction with the balance it leads to and, for a key a caller may send again, a
 * guard item K#<key> that makes it usable once (a key made for the call, `redeem:<new id>`, cannot come
 * again and needs none). The balance is read, the entry computed with the shared rule
 * (`applyEntry`), and the write is conditional on nothing having moved since (the sequence number):
 * a lost race reads again. Other writes that must happen with the entry (stock, a voucher, an
 * approval) join the same transaction.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { applyEntry, centerMonth, ErrorCode, LedgerEntry, type LedgerType } from '@hele/shared';
import { ulid } from 'ulid';
import * as z from 'zod';
import { queryAll, queryPage } from '../lib/pagination';
import { doc, transactNamed, type DocClient, type TransactItem } from '../lib/db';
import { ConflictError, ValidationError } from '../lib/errors';
import { retrying, type RetryOptions, DEFAULT_RETRY } from '../lib/retry';
import { countItem } from './stats';
import { tableName } from '../lib/tables';

export const BALANCE_SK = 'BALANCE';

/**
 * 党员积分 are kept in an account of their own on this same ledger: the partition `party#<userId>`, so
 * service points (the partition `<userId>`) stay what they are, and each reconciles by itself.
 */
export const PARTY_ACCOUNT_PREFIX = 'party#';
export const partyAccount = (userId: string): string => `${PARTY_ACCOUNT_PREFIX}${userId}`;
const entrySk = (seq: number) => `E#${String(seq).padStart(12, '0')}`;
const keySk = (key: string) => `K#${key}`;

export const BalanceRecord = z.object({
  userId: z.string(),
  sk: z.literal(BALANCE_SK),
  balance: z.number().int(),
  seq: z.number().int(),
  updatedAt: z.string(),
});
export type BalanceRecord = z.infer<typeof BalanceRecord>;

/** An entry as stored: the API's shape under its account and sequence, with who wrote it and its idempotency key. */
export const EntryRecord = LedgerEntry.extend({
  userId: z.string(),
  sk: z.string(),
  seq: z.number().int(),
  /** Always set here (a person, or `system` for expiry); the API may leave it out. */
  actorId: z.string(),
  idempotencyKey: z.string(),
});
export type EntryRecord = z.infer<typeof EntryRecord>;

export interface LedgerOperation {
  userId: string;
  type: LedgerType;
  amount: number;
  reason: string;
  actorId: string;
  /** Unique per logical operation (`redeem:<id>`, `refund:<id>`, `adjust:<header key>`…). */
  idempotencyKey: string;
  ref?: string;
}

/** The ledger moved past the sequence an append was computed at (`AppendOptions.atSeq`). */
export class LedgerMovedError extends Error {
  constructor(readonly seq: number) {
    super(`The ledger moved on to ${seq}`);
  }
}

export type Named<Name extends string> = { name: Name; item: TransactItem };

export type LedgerOutcome<Name extends string> =
  | { status: 'applied'; entry: EntryRecord; balance: number }
  /** The key was used before: nothing was written; this is the entry it wrote then. */
  | { status: 'replayed'; entry: EntryRecord; balance: number }
  /** One of the caller's own items refused (out of stock, already used…): nothing was written. */
  | { status: 'refused'; by: Name };

/** Options of one append. */
export interface AppendOptions {
  /**
   * The key was made for this call (`redeem:<new id>`): no entry can hold it, so none is looked for first, and
   * no guard is written for it (nothing can send it again; reconcile still finds any key applied twice).
   */
  freshKey?: boolean;
  /** The balance as the caller read it with its own reads (`null`: none yet): the first attempt starts from it. */
  balance?: BalanceRecord | null;
  /**
   * One more item, first in the transaction, made for the balance the entry leads to: the record of the
   * request's Idempotency-Key (lib/idempotency-folded). When it fails, nothing was written and `used` ends the call.
   */
  once?: { item: (balanceAfter: number) => TransactItem; used: () => never };
  /**
   * Append only while the balance is at this sequence number: the caller computed the entry from the
   * ledger as it was then (an expiry takes what remained of one earning). If anything moved, the
   * append throws `LedgerMovedError` and writes nothing, so the caller reads the ledger again.
   */
  atSeq?: number;
}

export const createLedger = (client: DocClient = doc, retry: RetryOptions = DEFAULT_RETRY) => {
  const table = () => tableName('POINTS_TABLE');
  /** The query of one account's entries, in sequence order. */
  const entriesOf = (userId: string) => ({
    TableName: table(),
    KeyConditionExpression: 'userId = :user AND begins_with(sk, :entry)',
    ExpressionAttributeValues: { ':user': userId, ':entry': 'E#' },
  });

  const balanceOf = async (userId: string): Promise<BalanceRecord | undefined> => {
    const { Item } = await client.send(new GetCommand({ TableName: table(), Key: { userId, sk: BALANCE_SK }, ConsistentRead: true }));
    return Item ? BalanceRecord.parse(Item) : undefined;
  };

  const entryForKey = async (userId: string, key: string): Promise<EntryRecord | undefined> => {
    const { Item } = await client.send(new GetCommand({ TableName: table(), Key: { userId, sk: keySk(key) }, ConsistentRead: true }));
    if (!Item) return undefined;
    const entry = await client.send(
      new GetCommand({ TableName: table(), Key: { userId, sk: entrySk(Item.seq as number) }, ConsistentRead: true }),
    );
    return EntryRecord.parse(entry.Item);
  };

  const busy = () => new ConflictError('BUSY', 'Points are changing right now, try again');

  return {
    balanceOf,
    entryForKey,

    /**
     * Appends one entry, together with `alongside` (named items of the caller), in one
     * transaction. An insufficient balance is a 409 INSUFFICIENT_POINTS and writes nothing.
     */
    async append<Name extends string>(
      operation: LedgerOperation,
      alongside: Array<Named<Name>> = [],
      now = new Date(),
      { freshKey = false, balance: readBefore, once, atSeq }: AppendOptions = {},
    ): Promise<LedgerOutcome<Name>> {
      return retrying(
        async (attempt) => {
          const previous = freshKey ? undefined : await entryForKey(operation.userId, operation.idempotencyKey);
          const current = attempt === 0 && readBefore !== undefined ? (readBefore ?? undefined) : await balanceOf(operation.userId);
          if (previous) return { status: 'replayed' as const, entry: previous, balance: current?.balance ?? 0 };
          if (atSeq !== undefined && (current?.seq ?? 0) !== atSeq) throw new LedgerMovedError(current?.seq ?? 0);
          const balance = current?.balance ?? 0;
          const seq = (current?.seq ?? 0) + 1;
          const verdict = applyEntry(balance, operation.type, operation.amount);
          if (!verdict.ok) {
            if (verdict.code === ErrorCode.INSUFFICIENT_POINTS) {
              throw new ConflictError(ErrorCode.INSUFFICIENT_POINTS, `Balance ${balance} is not enough`, [
                { path: 'amount', message: verdict.message },
              ]);
            }
            throw ValidationError.field('amount', verdict.message);
          }
          const at = now.toISOString();
          const entry: EntryRecord = {
            ...operation,
            sk: entrySk(seq),
            id: ulid(now.getTime()),
            seq,
            balanceAfter: verdict.balanceAfter,
            createdAt: at,
          };
          const outcome = await transactNamed<'used' | 'balance' | 'entry' | 'key' | Name>(client, [
            // First, so that a used Idempotency-Key is the reason reported whatever else moved.
            ...(once ? [{ name: 'used' as const, item: once.item(verdict.balanceAfter) }] : []),
            {
              name: 'balance',
              item: {
                Put: {
                  TableName: table(),
                  Item: { userId: operation.userId, sk: BALANCE_SK, balance: verdict.balanceAfter, seq, updatedAt: at },
                  // Nothing moved since the read: the first entry finds no balance, later ones the same sequence.
                  ConditionExpression: current ? 'seq = :seq' : 'attribute_not_exists(sk)',
                  ...(current ? { ExpressionAttributeValues: { ':seq': current.seq } } : {}),
                },
              },
            },
            { name: 'entry', item: { Put: { TableName: table(), Item: entry, ConditionExpression: 'attribute_not_exists(sk)' } } },
            ...(freshKey
              ? []
              : [
                  {
                    name: 'key' as const,
                    item: {
                      Put: {
                        TableName: table(),
                        Item: { userId: operation.userId, sk: keySk(operation.idempotencyKey), seq, createdAt: at },
                        ConditionExpression: 'attribute_not_exists(sk)',
                      },
                    },
                  },
                ]),
            // The dashboard's points per month, by entry type (signed, as in the ledger).
            // (党员积分 count apart, under `partyPoints#<month>`.)
            {
              name: 'entry',
              item: countItem(
                `${operation.userId.startsWith(PARTY_ACCOUNT_PREFIX) ? 'partyPoints' : 'points'}#${centerMonth(now.toISOString())}`,
                { [operation.type]: operation.amount },
              ),
            },
            ...alongside,
          ]);
          if (outcome === 'ok') return { status: 'applied' as const, entry, balance: verdict.balanceAfter };
          if (outcome === 'used') once!.used();
          if (outcome === 'conflict' || outcome === 'balance' || outcome === 'entry' || outcome === 'key') return undefined; // read again
          return { status: 'refused' as const, by: outcome as Name };
        },
        retry,
        busy,
      );
    },

    /** Every entry of one account, oldest first (what the expiry rule reads). */
    async allEntries(userId: string): Promise<EntryRecord[]> {
      return queryAll(EntryRecord, { ...entriesOf(userId), ConsistentRead: true }, client);
    },

    /** Entries newest first. */
    async entries(userId: string, { limit, cursor }: { limit: number; cursor?: string }) {
      return queryPage(EntryRecord, { ...entriesOf(userId), ScanIndexForward: false }, { limit, cursor }, client);
    },
  };
};

export type Ledger = ReturnType<typeof createLedger>;
export const ledger = createLedger();
