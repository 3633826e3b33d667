/**
 * Each user's in-app messages (我的 › 消息): reminders, activity cancellations, waitlist promotions,
 * decisions on their leave and hours. Any feature may post one; only the owner reads them. Newest first.
 * Where the member accepted WeChat's prompt for the outcome (a credit per accept, kept beside their
 * messages) and the stage has its template, `notify` also sends the subscribe message.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MessageKindSchema, parseNoticeTemplates, type Message, type MessageKind, type NoticeFields, type NoticeTopic } from '@hele/shared';
import { ulid } from 'ulid';
import * as z from 'zod';
import { env } from '../lib/config';
import { doc, isConditionFailure } from '../lib/db';
import { logger } from '../lib/logger';
import { type PageRequest, queryPage } from '../lib/pagination';
import { loadUser } from '../lib/principal';
import { tableName } from '../lib/tables';
import { createSubscribeSender } from '../lib/wechat-subscribe';
import { stageWeChatApp, type WeChatAppOptions } from '../lib/wechat-token';

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

/** The member's subscribe-message credits, one attribute per topic, in their partition after every message (`~` sorts last). */
const CREDITS_SK = '~notices';

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
      KeyConditionExpression: 'userId = :user AND sk < :credits',
      ExpressionAttributeValues: { ':user': userId, ':credits': CREDITS_SK },
      ScanIndexForward: false,
    },
    page,
  );

/** The member accepted WeChat's prompt for these topics: one more message each. Answers the credits now held. */
export const grantNotices = async (userId: string, topics: NoticeTopic[]): Promise<Partial<Record<NoticeTopic, number>>> => {
  const unique = [...new Set(topics)];
  const { Attributes } = await doc.send(
    new UpdateCommand({
      TableName: tableName('MESSAGES_TABLE'),
      Key: { userId, sk: CREDITS_SK },
      UpdateExpression: `ADD ${unique.map((_, i) => `#t${i} :one`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(unique.map((topic, i) => [`#t${i}`, topic])),
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return Object.fromEntries(unique.map((topic) => [topic, Number(Attributes?.[topic] ?? 0)]));
};

/** Spends one credit of the topic, if the member has one. */
const takeNotice = async (userId: string, topic: NoticeTopic): Promise<boolean> => {
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName('MESSAGES_TABLE'),
        Key: { userId, sk: CREDITS_SK },
        UpdateExpression: 'ADD #topic :minus',
        ConditionExpression: '#topic > :zero',
        ExpressionAttributeNames: { '#topic': topic },
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/** A subscribe message to go with an inbox message: its topic, its fields and the page it opens. */
export interface Notice {
  topic: NoticeTopic;
  fields: NoticeFields;
  page: string;
}

export const createNotifier = ({
  templates,
  app,
}: {
  templates: Partial<Record<NoticeTopic, string>>;
  app: WeChatAppOptions | undefined;
}) => {
  const send = app ? createSubscribeSender(app) : undefined;
  /** Tells the member in the inbox and, where they allowed one, by subscribe message. A failure to tell never undoes what is told. */
  return async (message: NewMessage, notice?: Notice): Promise<void> => {
    try {
      await postMessage(message);
      const templateId = notice && templates[notice.topic];
      if (!send || !notice || !templateId) return;
      const user = await loadUser(message.userId);
      if (!user?.openid || !(await takeNotice(message.userId, notice.topic))) return;
      await send({ openid: user.openid, templateId, page: notice.page, fields: notice.fields });
    } catch (error) {
      logger.warn('member not told', { userId: message.userId, kind: message.kind, error: error as Error });
    }
  };
};

let stageNotifier: ReturnType<typeof createNotifier> | undefined;
/** The stage's notifier: its templates, and WeChat where the stage has an app (never locally). */
export const notify = (message: NewMessage, notice?: Notice): Promise<void> => {
  stageNotifier ??= createNotifier({ templates: parseNoticeTemplates(env().NOTICE_TEMPLATES), app: stageWeChatApp(env()) });
  return stageNotifier(message, notice);
};
