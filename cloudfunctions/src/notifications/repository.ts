/**
 * Reminder subscriptions: one per member per activity. An unsent one carries `pendingKey`, which
 * puts it in the sparse index of due reminders; sending claims it by removing that key first,
 * so two runs of the scheduler never send the same reminder twice.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Reminder } from '@hele/shared';
import * as z from 'zod';
import { ActivityRecord } from '../domain/activities/records';
import { registrationKey } from '../domain/activities/seats';
import { doc, isConditionFailure } from '../lib/db';
import { tableName } from '../lib/tables';

/** A reminder as stored: the API's shape under its member, with the sparse key of the due ones and when it went. */
export const ReminderRecord = Reminder.extend({
  userId: z.string(),
  pendingKey: z.string().optional(),
  createdAt: z.string(),
  sentAt: z.string().optional(),
});
export type ReminderRecord = z.infer<typeof ReminderRecord>;

/** What a reminder needs to know of its activity. */
export const ActivitySummary = ActivityRecord.pick({ id: true, title: true, venue: true, startsAt: true, status: true });
export type ActivitySummary = z.infer<typeof ActivitySummary>;

const PENDING = 'pending';

export const reminderRepository = {
  async activity(id: string): Promise<ActivitySummary | undefined> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName('ACTIVITIES_TABLE'),
        Key: { id },
        ProjectionExpression: 'id, title, venue, startsAt, #status',
        ExpressionAttributeNames: { '#status': 'status' },
      }),
    );
    return Item ? ActivitySummary.parse(Item) : undefined;
  },

  async hasLiveRegistration(activityId: string, userId: string): Promise<boolean> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName('REGISTRATIONS_TABLE'),
        Key: registrationKey(activityId, userId),
        ProjectionExpression: '#status',
        ExpressionAttributeNames: { '#status': 'status' },
      }),
    );
    return !!Item && Item.status !== 'cancelled';
  },

  /** Subscribes once; a pending subscription is answered as it is (`created: false`). */
  async subscribe(record: Omit<ReminderRecord, 'status' | 'pendingKey'>): Promise<{ reminder: ReminderRecord; created: boolean }> {
    const item: ReminderRecord = { ...record, status: 'pending', pendingKey: PENDING };
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName('REMINDERS_TABLE'),
          Item: item,
          ConditionExpression: 'attribute_not_exists(userId) OR #status <> :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': PENDING },
        }),
      );
      return { reminder: item, created: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const { Item } = await doc.send(
        new GetCommand({
          TableName: tableName('REMINDERS_TABLE'),
          Key: { activityId: record.activityId, userId: record.userId },
          ConsistentRead: true,
        }),
      );
      return { reminder: ReminderRecord.parse(Item), created: false };
    }
  },

  async due(now: string, limit = 100): Promise<ReminderRecord[]> {
    const { Items } = await doc.send(
      new QueryCommand({
        TableName: tableName('REMINDERS_TABLE'),
        IndexName: 'dueReminders',
        KeyConditionExpression: 'pendingKey = :pending AND dueAt <= :now',
        ExpressionAttributeValues: { ':pending': PENDING, ':now': now },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => ReminderRecord.parse(item));
  },

  /** Takes a pending reminder for sending (or skipping); false when another run took it first. */
  async claim(record: ReminderRecord, status: 'sent' | 'skipped', now: string): Promise<boolean> {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName('REMINDERS_TABLE'),
          Key: { activityId: record.activityId, userId: record.userId },
          UpdateExpression: 'SET #status = :status, sentAt = :now REMOVE pendingKey',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status, ':pending': PENDING, ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** Puts a claimed reminder back in the queue after its sending failed. */
  async release(record: ReminderRecord): Promise<void> {
    await doc.send(
      new UpdateCommand({
        TableName: tableName('REMINDERS_TABLE'),
        Key: { activityId: record.activityId, userId: record.userId },
        UpdateExpression: 'SET #status = :pending, pendingKey = :pending REMOVE sentAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': PENDING },
      }),
    );
  },
};

export type ReminderRepository = typeof reminderRepository;
