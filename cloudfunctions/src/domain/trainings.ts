/**
 * Academy trainings (志愿者学院), one item per volunteer and topic. Checking in at a training
 * completes its topic (in the check-in's own transaction), unless the topic has a quiz: then the
 * check-in records attendance, and passing the quiz completes the topic (in the transaction that
 * closes the attempt). Registering for a service activity that requires a topic reads completion.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { CompletedTraining, type TrainingTopic } from '@hele/shared';
import * as z from 'zod';
import { doc, type TransactItem } from '../lib/db';
import { queryAll } from '../lib/pagination';
import { tableName } from '../lib/tables';

/** A training as stored: the API's shape under its volunteer; its status follows from the dates. */
export const TrainingRecord = CompletedTraining.omit({ status: true }).extend({ userId: z.string() });
export type TrainingRecord = z.infer<typeof TrainingRecord>;

type Attendance = Pick<TrainingRecord, 'userId' | 'topic' | 'activityId' | 'title'>;

export const toMyTraining = ({ userId: _user, ...record }: TrainingRecord): CompletedTraining => ({
  ...record,
  status: record.completedAt ? 'completed' : 'quiz_pending',
});

export const trainings = {
  /** Completed at check-in (a topic without a quiz); recording it again (a later session) keeps the latest. */
  complete: (record: Attendance & { completedAt: string }): TransactItem => ({
    Put: { TableName: tableName('TRAININGS_TABLE'), Item: record },
  }),

  /** Attended a training of a topic with a quiz; a completion already recorded stays. */
  attend: ({ userId, topic, activityId, title }: Attendance, at: string): TransactItem => ({
    Update: {
      TableName: tableName('TRAININGS_TABLE'),
      Key: { userId, topic },
      UpdateExpression: 'SET attendedAt = :at, activityId = :activityId, title = :title',
      ExpressionAttributeValues: { ':at': at, ':activityId': activityId, ':title': title },
    },
  }),

  /** Completed by passing the quiz: once, and only after attending. */
  completeByQuiz: (userId: string, topic: TrainingTopic, at: string): TransactItem => ({
    Update: {
      TableName: tableName('TRAININGS_TABLE'),
      Key: { userId, topic },
      UpdateExpression: 'SET completedAt = :at',
      ConditionExpression: 'attribute_exists(attendedAt) AND attribute_not_exists(completedAt)',
      ExpressionAttributeValues: { ':at': at },
    },
  }),

  async get(userId: string, topic: TrainingTopic): Promise<TrainingRecord | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName('TRAININGS_TABLE'), Key: { userId, topic }, ConsistentRead: true }),
    );
    return Item ? TrainingRecord.parse(Item) : undefined;
  },

  /** Attending alone (a quiz still to pass) does not count. */
  async hasCompleted(userId: string, topic: TrainingTopic): Promise<boolean> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName('TRAININGS_TABLE'), Key: { userId, topic }, ProjectionExpression: 'completedAt' }),
    );
    return typeof Item?.completedAt === 'string';
  },

  of: (userId: string) =>
    queryAll(TrainingRecord, {
      TableName: tableName('TRAININGS_TABLE'),
      KeyConditionExpression: 'userId = :user',
      ExpressionAttributeValues: { ':user': userId },
    }),
};
