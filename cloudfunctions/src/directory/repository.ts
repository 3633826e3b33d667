/**
 * The directory's items in the branches table, beside each branch's plan data:
 * - `DIRECTORY` / `<branchId>`: the branch (domain/branches.ts reads it for other features);
 * - `B#<branch>` / `J#<user>`: a membership, pending until the branch approves, then active (the
 *   user's `branchId` says the same: both change in one transaction);
 * - `B#<branch>` / `T#<user>`: a member of this branch asking to move to another (组织关系转接);
 * - `INVITE#<code>` / `INVITE`: an invitation, found by its code; `B#<branch>` / `I#<code>`: the same,
 *   listed by branch. Both change together.
 * Writes are transaction items for the service to combine; a read is parsed, never cast.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Invite, Membership } from '@hele/shared';
import * as z from 'zod';
import { BranchRecord, branchChange, DIRECTORY, directoryKey, membershipKey } from '../domain/branches';
import { doc, type TransactItem } from '../lib/db';
import { queryAll, queryPage, type PageRequest } from '../lib/pagination';
import { tableName } from '../lib/tables';

const table = () => tableName('BRANCHES_TABLE');
const branchKey = (branchId: string) => `B#${branchId}`;
const leavingKey = (branchId: string, userId: string) => ({ pk: branchKey(branchId), sk: `T#${userId}` });
const inviteKeys = (branchId: string, code: string) => [
  { pk: `INVITE#${code}`, sk: 'INVITE' },
  { pk: branchKey(branchId), sk: `I#${code}` },
];

/** A membership as stored: the API's shape, with who approved or released it and the invitation it came by. */
export const MembershipRecord = Membership.extend({
  approvedBy: z.string().optional(),
  releasedBy: z.string().optional(),
  inviteCode: z.string().optional(),
});
export type MembershipRecord = z.infer<typeof MembershipRecord>;

export const LeavingRecord = z.object({ userId: z.string(), toBranchId: z.string(), requestedAt: z.string() });
export type LeavingRecord = z.infer<typeof LeavingRecord>;

/** An invitation as stored: the API's shape, with who made it and who used it. */
export const InviteRecord = Invite.extend({ createdBy: z.string(), usedBy: z.string().optional() });
export type InviteRecord = z.infer<typeof InviteRecord>;

/** Every item of one kind a branch holds, by its sort key's prefix (J#, T#, I#). */
const underBranch = <T>(schema: z.ZodType<T>, branchId: string, prefix: string, { consistent = false } = {}) =>
  queryAll(schema, {
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': branchKey(branchId), ':prefix': prefix },
    ...(consistent ? { ConsistentRead: true } : {}),
  });

/** Invitations are kept a month after they expire (DynamoDB's TTL removes them), for the branch's list. */
const INVITE_KEEP_SECONDS = 30 * 24 * 60 * 60;

const update = (
  key: Record<string, string>,
  expression: string,
  condition: string,
  values: Record<string, unknown> = {},
  names: Record<string, string> = {},
): TransactItem => ({
  Update: {
    TableName: table(),
    Key: key,
    UpdateExpression: expression,
    ConditionExpression: condition,
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
  },
});

export const directoryRepository = {
  branch: (branchId: string) => directoryRepository.get(directoryKey(branchId), BranchRecord),

  async create(record: BranchRecord) {
    await doc.send(
      new PutCommand({
        TableName: table(),
        Item: { ...directoryKey(record.id), ...record },
        ConditionExpression: 'attribute_not_exists(sk)',
      }),
    );
  },

  list: (page: PageRequest, parentId?: string) =>
    queryPage(
      BranchRecord,
      {
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': DIRECTORY, ...(parentId ? { ':parent': parentId } : {}) },
        ...(parentId ? { FilterExpression: 'parentId = :parent' } : {}),
      },
      page,
    ),

  async get<T>(key: Record<string, string>, schema: z.ZodType<T>): Promise<T | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }));
    return Item ? schema.parse(Item) : undefined;
  },

  membership: (branchId: string, userId: string) => directoryRepository.get(membershipKey(branchId, userId), MembershipRecord),
  leaving: (branchId: string, userId: string) => directoryRepository.get(leavingKey(branchId, userId), LeavingRecord),
  invite: (code: string) => directoryRepository.get({ pk: `INVITE#${code}`, sk: 'INVITE' }, InviteRecord),

  memberships: (branchId: string) => underBranch(MembershipRecord, branchId, 'J#', { consistent: true }),
  leavers: (branchId: string) => underBranch(LeavingRecord, branchId, 'T#', { consistent: true }),
  invites: (branchId: string) => underBranch(InviteRecord, branchId, 'I#'),

  items: {
    /** The branch's fields, changed only while it exists. */
    editBranch: (branchId: string, set: Record<string, unknown>, remove: string[]): TransactItem => {
      const names = Object.fromEntries([...Object.keys(set), ...remove].map((field) => [`#${field}`, field]));
      const assignments = Object.keys(set).map((field) => `#${field} = :${field}`);
      const expression = [
        assignments.length ? `SET ${assignments.join(', ')}` : '',
        remove.length ? `REMOVE ${remove.map((field) => `#${field}`).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return update(
        directoryKey(branchId),
        expression,
        'attribute_exists(sk)',
        Object.fromEntries(Object.entries(set).map(([field, value]) => [`:${field}`, value])),
        names,
      );
    },
    branchChange,
    /** A request to join: one per person and branch (asking again finds the first). */
    request: (record: MembershipRecord): TransactItem => ({
      Put: {
        TableName: table(),
        Item: { ...membershipKey(record.branchId, record.userId), ...record },
        ConditionExpression: 'attribute_not_exists(sk)',
      },
    }),
    /** An active membership written at once (a secretary named by the center). */
    putActive: (record: MembershipRecord): TransactItem => ({
      Put: { TableName: table(), Item: { ...membershipKey(record.branchId, record.userId), ...record } },
    }),
    activate: (branchId: string, userId: string, at: string, by: string): TransactItem =>
      update(
        membershipKey(branchId, userId),
        'SET #status = :active, approvedAt = if_not_exists(approvedAt, :at), approvedBy = if_not_exists(approvedBy, :by)',
        '#status = :pending',
        {
          ':active': 'active',
          ':pending': 'pending',
          ':at': at,
          ':by': by,
        },
        { '#status': 'status' },
      ),
    /** The new branch's half of a move: approved, waiting for the old branch to release. */
    approveMove: (branchId: string, userId: string, at: string, by: string): TransactItem =>
      update(
        membershipKey(branchId, userId),
        'SET approvedAt = :at, approvedBy = :by',
        '#status = :pending AND attribute_not_exists(approvedAt)',
        { ':pending': 'pending', ':at': at, ':by': by },
        { '#status': 'status' },
      ),
    releaseMove: (branchId: string, userId: string, fromBranchId: string, at: string, by: string): TransactItem =>
      update(
        membershipKey(branchId, userId),
        'SET releasedAt = :at, releasedBy = :by',
        '#status = :pending AND fromBranchId = :from AND attribute_not_exists(releasedAt)',
        {
          ':pending': 'pending',
          ':from': fromBranchId,
          ':at': at,
          ':by': by,
        },
        { '#status': 'status' },
      ),
    /** Completes a move both branches agreed to. */
    completeMove: (branchId: string, userId: string): TransactItem =>
      update(
        membershipKey(branchId, userId),
        'SET #status = :active',
        '#status = :pending AND attribute_exists(approvedAt) AND attribute_exists(releasedAt)',
        { ':active': 'active', ':pending': 'pending' },
        { '#status': 'status' },
      ),
    removeMembership: (branchId: string, userId: string, status: 'pending' | 'active'): TransactItem => ({
      Delete: {
        TableName: table(),
        Key: membershipKey(branchId, userId),
        ConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status },
      },
    }),
    leaving: (fromBranchId: string, record: LeavingRecord): TransactItem => ({
      Put: { TableName: table(), Item: { ...leavingKey(fromBranchId, record.userId), ...record } },
    }),
    notLeaving: (fromBranchId: string, userId: string): TransactItem => ({
      Delete: { TableName: table(), Key: leavingKey(fromBranchId, userId) },
    }),

    /** An invitation under both its keys. */
    invite: (record: InviteRecord): TransactItem[] => {
      const ttl = Math.floor(Date.parse(record.expiresAt) / 1000) + INVITE_KEEP_SECONDS;
      return inviteKeys(record.branchId, record.code).map((key) => ({
        Put: { TableName: table(), Item: { ...key, ...record, ttl }, ConditionExpression: 'attribute_not_exists(sk)' },
      }));
    },
    withdrawInvite: (record: InviteRecord, at: string): TransactItem[] =>
      inviteKeys(record.branchId, record.code).map((key) =>
        update(key, 'SET withdrawnAt = :at', 'attribute_exists(sk) AND attribute_not_exists(withdrawnAt)', { ':at': at }),
      ),
    /** A secretary's invitation, or one made for a person, is taken once: the second taker loses this condition. */
    useInvite: (record: InviteRecord, userId: string, at: string): TransactItem[] =>
      inviteKeys(record.branchId, record.code).map((key) =>
        update(key, 'SET usedAt = :at, usedBy = :user', 'attribute_not_exists(usedAt) AND attribute_not_exists(withdrawnAt)', {
          ':at': at,
          ':user': userId,
        }),
      ),
  },
};
