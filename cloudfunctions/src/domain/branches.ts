/**
 * Branches as other features see them (a meeting names its branch, the statistics show its name, a
 * secretary keeps its plan): the directory's record of a branch, one GetItem on the branches table.
 * The directory feature writes these records; nothing else does.
 */
import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { BranchKindSchema } from '@hele/shared';
import * as z from 'zod';
import { doc } from '../lib/db';
import { tableName } from '../lib/tables';

/** The directory's partition: one item per branch, sorted by id. */
export const DIRECTORY = 'DIRECTORY';
export const directoryKey = (branchId: string) => ({ pk: DIRECTORY, sk: branchId });

export const BranchRecord = z.object({
  id: z.string(),
  name: z.string(),
  kind: BranchKindSchema,
  parentId: z.string().optional(),
  community: z.string().optional(),
  secretaryId: z.string().optional(),
  secretaryName: z.string().optional(),
  memberCount: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type BranchRecord = z.infer<typeof BranchRecord>;

export const branchRecord = async (branchId: string, consistent = false): Promise<BranchRecord | undefined> => {
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName('BRANCHES_TABLE'), Key: directoryKey(branchId), ConsistentRead: consistent }),
  );
  return Item ? BranchRecord.parse(Item) : undefined;
};

/** The names of several branches at once (a list that shows where each line belongs). */
export const branchNames = async (ids: Iterable<string>): Promise<Map<string, string>> => {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 100) {
    const keys = unique.slice(i, i + 100).map(directoryKey);
    const { Responses } = await doc.send(
      new BatchGetCommand({
        RequestItems: {
          [tableName('BRANCHES_TABLE')]: { Keys: keys, ProjectionExpression: 'id, #name', ExpressionAttributeNames: { '#name': 'name' } },
        },
      }),
    );
    for (const item of Responses?.[tableName('BRANCHES_TABLE')] ?? []) names.set(String(item.id), String(item.name));
  }
  return names;
};
