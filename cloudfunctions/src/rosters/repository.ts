/**
 * The roster imports in the branches table (`B#<branch>` / `RI#<import>`): the rows a preview read,
 * with the full numbers the commit writes, kept a day (DynamoDB's TTL removes them). The people
 * themselves are the domain's (domain/roster-people.ts).
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { RosterCellErrorSchema, RosterLineStatusSchema } from '@hele/shared';
import * as z from 'zod';
import { RosterDetails } from '../domain/roster-people';
import { doc } from '../lib/db';
import { tableName } from '../lib/tables';

const table = () => tableName('BRANCHES_TABLE');
const importKey = (branchId: string, importId: string) => ({ pk: `B#${branchId}`, sk: `RI#${importId}` });
/** A preview is committed soon after, or not at all. */
const IMPORT_KEEP_SECONDS = 24 * 60 * 60;

export const StoredLine = z.object({
  row: z.number().int(),
  ...RosterDetails.shape,
  status: RosterLineStatusSchema,
  errors: z.array(RosterCellErrorSchema),
});
export type StoredLine = z.infer<typeof StoredLine>;

export const ImportRecord = z.object({
  id: z.string(),
  branchId: z.string(),
  fileName: z.string().optional(),
  lines: z.array(StoredLine),
  createdAt: z.string(),
  createdBy: z.string(),
  committedAt: z.string().optional(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export const rosterRepository = {
  async putImport(record: ImportRecord) {
    const ttl = Math.floor(Date.parse(record.createdAt) / 1000) + IMPORT_KEEP_SECONDS;
    await doc.send(
      new PutCommand({
        TableName: table(),
        Item: { ...importKey(record.branchId, record.id), ...record, ttl },
        ConditionExpression: 'attribute_not_exists(sk)',
      }),
    );
  },

  async importRecord(branchId: string, importId: string): Promise<ImportRecord | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: table(), Key: importKey(branchId, importId), ConsistentRead: true }));
    return Item ? ImportRecord.parse(Item) : undefined;
  },

  /** The first commit's time (a later one finds the people there already). */
  async markCommitted(branchId: string, importId: string, at: string): Promise<string> {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: table(),
        Key: importKey(branchId, importId),
        UpdateExpression: 'SET committedAt = if_not_exists(committedAt, :at)',
        ConditionExpression: 'attribute_exists(sk)',
        ExpressionAttributeValues: { ':at': at },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return String(Attributes?.committedAt ?? at);
  },
};
