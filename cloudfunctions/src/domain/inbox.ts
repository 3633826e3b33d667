/**
 * Each user's in-app messages (我的 › 消息): reminders, activity cancellations, waitlist
 * promotions. Any feature may post one; only the owner reads them. Newest first.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { MessageKindSchema, type Message, type MessageKind } from '@hele/shared';
import { ulid } from 'ulid';
import * as z from 'zod';
import { type PageRequest, queryPage } from '../lib/pagination';
import { doc } from '../lib/db';
import { tableName } from '../lib/tables';

const MessageRecord = z.object({
  userId: z.string(),
  /** `<createdAt>#<id>`: sorts by time. */
  sk: z.string(),
  id: z.string(),
  kind: MessageKindSchema,
  title: z.string(),
  body: z.string(),
  activityId: z.string().optional(),
  createdAt: z.string(),
});

export interface NewMessage {
  userId: string;
  kind: MessageKind;
  title: string;
  body: string;
  activityId?: string;
}

export const postMessage = async (message: NewMessage, now = new Date()): Promise<Message> => {
  const id = ulid(now.getTime());
  const createdAt = now.toISOString();
  const record = { ...message, id, createdAt, sk: `${createdAt}#${id}` };
  await doc.send(new PutCommand({ TableName: tableName('MESSAGES_TABLE'), Item: record }));
  return toMessage(MessageRecord.parse(record));
};

const toMessage = ({ userId: _user, sk: _sk, ...message }: z.infer<typeof MessageRecord>): Message => message;

export const listMessages = (userId: string, page: PageRequest) =>
  queryPage(
    (item) => toMessage(MessageRecord.parse(item)),
    {
      TableName: tableName('MESSAGES_TABLE'),
      KeyConditionExpression: 'userId = :user',
      ExpressionAttributeValues: { ':user': userId },
      ScanIndexForward: false,
    },
    page,
  );
