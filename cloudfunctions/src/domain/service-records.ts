/**
 * Service records (服务记录): one per stretch of volunteer service, from a sign-out at a service
 * activity, a hand declaration, or a lecturer's class. The attendance feature writes them on
 * sign-out and the volunteers feature decides them, so the record and its write items live here.
 * Approval happens once: the status moves from pending only under a condition, inside the ledger
 * transaction that pays the points and adds the hours.
 */
import { ServiceRecord } from '@hele/shared';
import type * as z from 'zod';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, doc, type TransactItem } from '../lib/db';
import { tableName } from '../lib/tables';

/** A stored record has exactly the API's shape (the volunteer sees all of it). */
export const ServiceRecordItem = ServiceRecord;
export type ServiceRecordItem = z.infer<typeof ServiceRecordItem>;

/** One record per volunteer per activity for sign-outs and teaching: the id says which. */
export const serviceRecordId = {
  signOut: (activityId: string, userId: string) => `so-${activityId}-${userId}`.slice(0, 64),
  teaching: (activityId: string, userId: string) => `te-${activityId}-${userId}`.slice(0, 64),
};

export const serviceItems = {
  /** A new record; a second one with the same id is refused. */
  put: (record: ServiceRecordItem): TransactItem => ({
    Put: { TableName: tableName('SERVICE_RECORDS_TABLE'), Item: record, ConditionExpression: 'attribute_not_exists(id)' },
  }),

  /** Moves a pending record to its decision, once. */
  decide: (
    id: string,
    decision: {
      status: 'approved' | 'refused';
      by: string;
      byName: string;
      at: string;
      note?: string;
      points?: number;
      pointsPending?: number;
    },
  ): TransactItem => ({
    Update: {
      TableName: tableName('SERVICE_RECORDS_TABLE'),
      Key: { id },
      UpdateExpression: `SET #status = :status, decidedBy = :by, decidedByName = :byName, decidedAt = :at${decision.note ? ', decisionNote = :note' : ''}${
        decision.points !== undefined ? ', points = :points' : ''
      }${decision.pointsPending !== undefined ? ', pointsPending = :pointsPending' : ''}`,
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': decision.status,
        ':pending': 'pending',
        ':by': decision.by,
        ':byName': decision.byName,
        ':at': decision.at,
        ...(decision.note ? { ':note': decision.note } : {}),
        ...(decision.points !== undefined ? { ':points': decision.points } : {}),
        ...(decision.pointsPending !== undefined ? { ':pointsPending': decision.pointsPending } : {}),
      },
    },
  }),

  /** The points an approved record kept waiting for the certification, now paid: once (the pending mark goes). */
  credit: (id: string, points: number): TransactItem => ({
    Update: {
      TableName: tableName('SERVICE_RECORDS_TABLE'),
      Key: { id },
      UpdateExpression: 'SET points = :points REMOVE pointsPending',
      ConditionExpression: '#status = :approved AND pointsPending = :points',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':points': points, ':approved': 'approved' },
    },
  }),

  /**
   * Holds while the user earns no service points yet (not a certified volunteer nor a lecturer): an approval that
   * keeps the points waiting must not land after the certification's credit ran.
   */
  notCertified: (userId: string, roles: readonly string[]): TransactItem => ({
    ConditionCheck: {
      TableName: tableName('USERS_TABLE'),
      Key: { id: userId },
      ConditionExpression: roles.map((_, i) => `NOT contains(#roles, :r${i})`).join(' AND '),
      ExpressionAttributeNames: { '#roles': 'roles' },
      ExpressionAttributeValues: Object.fromEntries(roles.map((role, i) => [`:r${i}`, role])),
    },
  }),

  /** The volunteer's total of approved minutes, kept beside the balance (star levels read it). */
  addHours: (userId: string, minutes: number): TransactItem => ({
    Update: {
      TableName: tableName('POINTS_TABLE'),
      Key: { userId, sk: 'HOURS' },
      UpdateExpression: 'ADD minutes :minutes',
      ExpressionAttributeValues: { ':minutes': minutes },
    },
  }),
};

/** Approved service time so far, in minutes. */
export const approvedMinutesOf = async (userId: string): Promise<number> => {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName('POINTS_TABLE'), Key: { userId, sk: 'HOURS' } }));
  return (Item?.minutes as number | undefined) ?? 0;
};

/** The status of each of these records that exists (the roster shows whose teaching is recorded). */
export const recordStatuses = async (ids: string[]): Promise<Map<string, string>> => {
  const records = await batchGetAll(
    tableName('SERVICE_RECORDS_TABLE'),
    ids.map((id) => ({ id })),
    { ProjectionExpression: 'id, #status', ExpressionAttributeNames: { '#status': 'status' } },
  );
  return new Map(records.map((item) => [item.id as string, item.status as string]));
};
