/**
 * Branches as other features see them (a meeting names its branch, the statistics show its name, a
 * secretary keeps its plan): the directory's record of a branch, one GetItem on the branches table.
 * The directory feature writes these records; nothing else does.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Branch } from '@hele/shared';
import * as z from 'zod';
import { batchGetAll, doc, type TransactItem } from '../lib/db';
import { tableName } from '../lib/tables';

/** The directory's partition: one item per branch, sorted by id. */
export const DIRECTORY = 'DIRECTORY';
export const directoryKey = (branchId: string) => ({ pk: DIRECTORY, sk: branchId });

/** A person's membership of a branch: pending, then active (the directory writes it). */
export const membershipKey = (branchId: string, userId: string) => ({ pk: `B#${branchId}`, sk: `J#${userId}` });

/** A member's line of the branch's plan roster (一支部一方案: birth year, education, joining date; the branches feature keeps it). */
export const planRosterKey = (branchId: string, userId: string) => ({ pk: `B#${branchId}`, sk: `M#${userId}` });

/** Whoever leaves a branch takes their line of its plan roster with them: the branch no longer keeps their personal data. */
export const dropPlanRosterLine = (branchId: string, userId: string): TransactItem => ({
  Delete: { TableName: tableName('BRANCHES_TABLE'), Key: planRosterKey(branchId, userId) },
});

/**
 * What a membership change does to the branch (a transaction may touch it once): one more or one
 * fewer member, and a secretary named (provided the branch still has the one the service read) or
 * cleared (provided it is still `from`).
 */
export const branchChange = (
  branchId: string,
  {
    count = 0,
    secretary,
  }: { count?: -1 | 0 | 1; secretary?: { to: { id: string; name: string }; from: string | undefined } | { to: null; from: string } },
): TransactItem => {
  const parts: string[] = [];
  const values: Record<string, unknown> = {};
  let condition = 'attribute_exists(sk)';
  if (secretary?.to) {
    parts.push('SET secretaryId = :id, secretaryName = :name');
    Object.assign(values, { ':id': secretary.to.id, ':name': secretary.to.name });
  }
  if (count) {
    parts.push('ADD memberCount :by');
    values[':by'] = count;
  }
  if (secretary?.to === null) parts.push('REMOVE secretaryId, secretaryName');
  if (secretary) {
    condition += secretary.from ? ' AND secretaryId = :previous' : ' AND attribute_not_exists(secretaryId)';
    if (secretary.from) values[':previous'] = secretary.from;
  }
  return {
    Update: {
      TableName: tableName('BRANCHES_TABLE'),
      Key: directoryKey(branchId),
      UpdateExpression: parts.join(' '),
      ConditionExpression: condition,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    },
  };
};

/** Someone leaves their branch for good (closing their account): the membership goes, the count with it, and the post if they held it. */
export const leaveBranchItems = (branch: BranchRecord, userId: string): TransactItem[] => [
  {
    Delete: { TableName: tableName('BRANCHES_TABLE'), Key: membershipKey(branch.id, userId), ConditionExpression: 'attribute_exists(sk)' },
  },
  branchChange(branch.id, { count: -1, ...(branch.secretaryId === userId ? { secretary: { to: null, from: userId } } : {}) }),
];

/** A branch as stored: the API's shape, with who founded it. */
export const BranchRecord = Branch.extend({ createdBy: z.string() });
export type BranchRecord = z.infer<typeof BranchRecord>;

export const branchRecord = async (branchId: string, consistent = false): Promise<BranchRecord | undefined> => {
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName('BRANCHES_TABLE'), Key: directoryKey(branchId), ConsistentRead: consistent }),
  );
  return Item ? BranchRecord.parse(Item) : undefined;
};

/** The names of several branches at once (a list that shows where each line belongs). */
export const branchNames = async (ids: Iterable<string>): Promise<Map<string, string>> => {
  const branches = await batchGetAll(tableName('BRANCHES_TABLE'), [...new Set(ids)].map(directoryKey), {
    ProjectionExpression: 'id, #name',
    ExpressionAttributeNames: { '#name': 'name' },
  });
  return new Map(branches.map((item) => [String(item.id), String(item.name)]));
};
