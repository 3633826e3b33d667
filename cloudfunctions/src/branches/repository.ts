/**
 * The branches table: each branch's roster (pk `B#<branch>`, sk `M#<user>`) and notes (sk `NOTES`),
 * the module library of the plan generator (pk `MODULES`) and the period themes (pk `THEMES`).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { EducationSchema, PlanModuleRecord, Theme, type RosterEntryInput } from '@hele/shared';
import * as z from 'zod';
import { planRosterKey } from '../domain/branches';
import { batchPutAll, doc, transactNamed } from '../lib/db';
import { accountOpenCondition } from '../lib/principal';
import { queryAll } from '../lib/pagination';
import { tableName } from '../lib/tables';

const table = () => tableName('BRANCHES_TABLE');
const branchKey = (branchId: string) => `B#${branchId}`;
const MODULES = 'MODULES';
const THEMES = 'THEMES';

export const RosterRecord = z.object({
  userId: z.string(),
  nickname: z.string(),
  birthYear: z.number().int(),
  education: EducationSchema,
  joinedOn: z.string().optional(),
});
export type RosterRecord = z.infer<typeof RosterRecord>;
const Notes = z.object({ needs: z.string(), constraints: z.string() });

export const branchRepository = {
  roster: (branchId: string) =>
    queryAll(RosterRecord, {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
      ExpressionAttributeValues: { ':pk': branchKey(branchId), ':m': 'M#' },
    }),

  /**
   * Writes a member's line only while the person is still on the branch, under the name the line carries: a move
   * or a leaving, which deletes the line in its own transaction, cannot slip in between and leave one behind.
   * False when the person's record no longer says so.
   */
  async putMember(branchId: string, member: { userId: string; nickname: string } & RosterEntryInput): Promise<boolean> {
    const outcome = await transactNamed(doc, [
      { name: 'line', item: { Put: { TableName: table(), Item: { ...planRosterKey(branchId, member.userId), ...member } } } },
      { name: 'person', item: accountOpenCondition(member.userId, { nickname: member.nickname, branchId }) },
    ]);
    return outcome === 'ok';
  },

  async notes(branchId: string) {
    const { Item } = await doc.send(new GetCommand({ TableName: table(), Key: { pk: branchKey(branchId), sk: 'NOTES' } }));
    return Item ? Notes.parse(Item) : { needs: '', constraints: '' };
  },

  async putNotes(branchId: string, notes: z.infer<typeof Notes>) {
    await doc.send(new PutCommand({ TableName: table(), Item: { pk: branchKey(branchId), sk: 'NOTES', ...notes } }));
  },

  /** Every period theme, by start day. */
  themes: () => queryAll(Theme, { TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': THEMES } }),
  async putTheme(theme: Theme) {
    await doc.send(new PutCommand({ TableName: table(), Item: { pk: THEMES, sk: `${theme.from}#${theme.id}`, ...theme } }));
  },

  /** The library in the order it was built (ids sort by creation). */
  modules: () =>
    queryAll(PlanModuleRecord, { TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': MODULES } }),

  async putModules(modules: PlanModuleRecord[]) {
    await batchPutAll(
      table(),
      modules.map((module) => ({ pk: MODULES, sk: module.id, ...module })),
    );
  },
};
