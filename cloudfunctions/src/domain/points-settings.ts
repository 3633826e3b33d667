/**
 * The center's points rules, one item of the points table beside no account (`#center` / `SETTINGS`):
 * how long service points stay valid (0 until set: they never expire) and how 党员积分 are earned (the
 * usual rules until the center sets its own). Read by the points function, the daily expiry and every
 * write that pays 党员积分.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_PARTY_POINT_RULES, PartyPointRulesSchema, type PartyPointRules } from '@hele/shared';
import * as z from 'zod';
import { doc } from '../lib/db';
import { tableName } from '../lib/tables';

const SETTINGS_KEY = { userId: '#center', sk: 'SETTINGS' };

export interface PointsRules {
  validityMonths: number;
  party: PartyPointRules;
  updatedAt?: string;
}

export const pointsSettingsRepository = {
  async get(): Promise<PointsRules> {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName('POINTS_TABLE'), Key: SETTINGS_KEY, ConsistentRead: true }));
    const validity = z.number().int().min(0).safeParse(Item?.validityMonths);
    const party = PartyPointRulesSchema.safeParse(Item?.party);
    return {
      validityMonths: validity.success ? validity.data : 0,
      party: party.success ? party.data : structuredClone(DEFAULT_PARTY_POINT_RULES),
      ...(typeof Item?.updatedAt === 'string' ? { updatedAt: Item.updatedAt } : {}),
    };
  },

  /** Sets what is given and keeps the rest; answers the rules now in force. */
  async put(settings: Partial<Pick<PointsRules, 'validityMonths' | 'party'>>, by: string, at: string): Promise<PointsRules> {
    const fields = { ...settings, updatedBy: by, updatedAt: at };
    const names = Object.keys(fields);
    await doc.send(
      new UpdateCommand({
        TableName: tableName('POINTS_TABLE'),
        Key: SETTINGS_KEY,
        UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, fields[name as keyof typeof fields]])),
      }),
    );
    return this.get();
  },
};
