/**
 * Completed trainings (志愿者学院), one item per volunteer and topic. Checking in at a training
 * records it (in the check-in's own transaction); registering for a service activity that requires
 * a topic reads it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { TrainingTopicSchema, type TrainingTopic } from '@hele/shared';
import { z } from 'zod';
import { env } from './config';
import { doc, type TransactItem } from './db';
import { queryAll } from './query';

export const TrainingRecord = z.object({
  userId: z.string(),
  topic: TrainingTopicSchema,
  activityId: z.string(),
  title: z.string(),
  completedAt: z.string(),
});
export type TrainingRecord = z.infer<typeof TrainingRecord>;

export const trainings = {
  /** Recording a completion again (a later session of the same topic) keeps the latest. */
  complete: (record: TrainingRecord): TransactItem => ({ Put: { TableName: env().TRAININGS_TABLE, Item: record } }),

  async hasCompleted(userId: string, topic: TrainingTopic): Promise<boolean> {
    const { Item } = await doc.send(new GetCommand({ TableName: env().TRAININGS_TABLE, Key: { userId, topic }, ProjectionExpression: 'topic' }));
    return !!Item;
  },

  of: (userId: string) =>
    queryAll(TrainingRecord, { TableName: env().TRAININGS_TABLE, KeyConditionExpression: 'userId = :user', ExpressionAttributeValues: { ':user': userId } }),
};
