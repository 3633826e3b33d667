/**
 * Where the center holds a person's data, table by table, read by queries on the person (a key or an
 * index by user, never a scan): what the export shows, and what closing the account anonymises
 * (copies of the name on records others see) or deletes. One list serves both, so nothing the export
 * finds is left out of closing.
 */
import { DeleteCommand, type QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CLOSED_ACCOUNT_NAME, ExamBank } from '@hele/shared';
import { bankSuffix } from '../domain/question-bank';
import { doc, isConditionFailure } from '../lib/db';
import { queryAll } from '../lib/pagination';
import { tableName, type TableVariable } from '../lib/tables';

export type Row = Record<string, unknown>;

export interface Holding {
  table: TableVariable;
  /** The queries that find the person's items. */
  queries: (userId: string) => QueryCommandInput[];
  /** The attributes of the table's key. */
  key: string[];
  /** Closing: the attribute holding a copy of the person's name, shown to others, becomes 已注销用户… */
  nameField?: string;
  /** …and these personal fields are blanked (a leave request's reason). */
  erase?: Row;
  /** Closing deletes the items (nobody else reads them and no count needs them). */
  deleteOnClose?: boolean;
}

/** Items of an index whose hash key is the person. */
const onIndex =
  (table: TableVariable, IndexName: string, attribute: string) =>
  (userId: string): QueryCommandInput[] => [
    {
      TableName: tableName(table),
      IndexName,
      KeyConditionExpression: '#who = :who',
      ExpressionAttributeNames: { '#who': attribute },
      ExpressionAttributeValues: { ':who': userId },
    },
  ];

/** Items of an index whose hash key is the person, of a `type` (or not of it). */
const ofType =
  (table: TableVariable, IndexName: string, attribute: string, comparison: '=' | '<>', type: string) =>
  (userId: string): QueryCommandInput[] =>
    onIndex(
      table,
      IndexName,
      attribute,
    )(userId).map((input) => ({
      ...input,
      FilterExpression: `#type ${comparison} :type`,
      ExpressionAttributeNames: { ...input.ExpressionAttributeNames, '#type': 'type' },
      ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':type': type },
    }));

/** The items of partitions named after the person (optionally those whose sort key starts with `prefix`). */
const inPartitions =
  (table: TableVariable, attribute: string, partitions: (userId: string) => string[], prefix?: string) =>
  (userId: string): QueryCommandInput[] =>
    partitions(userId).map((partition) => ({
      TableName: tableName(table),
      KeyConditionExpression: `#pk = :pk${prefix ? ' AND begins_with(sk, :prefix)' : ''}`,
      ExpressionAttributeNames: { '#pk': attribute },
      ExpressionAttributeValues: { ':pk': partition, ...(prefix ? { ':prefix': prefix } : {}) },
      ConsistentRead: true,
    }));

export const HOLDINGS = {
  registrations: {
    table: 'REGISTRATIONS_TABLE',
    queries: onIndex('REGISTRATIONS_TABLE', 'byUser', 'userId'),
    key: ['activityId', 'userId'],
    nameField: 'nickname',
  },
  serviceRecords: {
    table: 'SERVICE_RECORDS_TABLE',
    queries: onIndex('SERVICE_RECORDS_TABLE', 'byUser', 'userId'),
    key: ['id'],
    nameField: 'nickname',
  },
  // Issued certificates carry the real name on a public page: closing revokes them and removes the name.
  certificates: {
    table: 'CERTIFICATES_TABLE',
    queries: onIndex('CERTIFICATES_TABLE', 'byUser', 'userId'),
    key: ['serial'],
    nameField: 'realName',
    erase: { status: 'revoked' },
  },
  redemptions: {
    table: 'REDEMPTIONS_TABLE',
    queries: onIndex('REDEMPTIONS_TABLE', 'byUser', 'userId'),
    key: ['id'],
    nameField: 'nickname',
  },
  leaveRequests: {
    table: 'LEAVES_TABLE',
    queries: onIndex('LEAVES_TABLE', 'byUser', 'userId'),
    key: ['activityId', 'userId'],
    nameField: 'nickname',
    erase: { reason: '（已注销）' },
  },
  posts: {
    table: 'POSTS_TABLE',
    queries: onIndex('POSTS_TABLE', 'byAuthor', 'authorId'),
    key: ['activityId', 'id'],
    nameField: 'authorName',
  },
  comments: {
    table: 'REACTIONS_TABLE',
    queries: onIndex('REACTIONS_TABLE', 'byAuthor', 'authorId'),
    key: ['postId', 'sk'],
    nameField: 'authorName',
  },
  measures: {
    table: 'BOARDS_TABLE',
    queries: onIndex('BOARDS_TABLE', 'actionsByOwner', 'ownerId'),
    key: ['activityId', 'sk'],
    nameField: 'ownerName',
  },
  // Attempts of each bank sit in the candidate's partition of that bank, beside its STATE item.
  examAttempts: {
    table: 'EXAMS_TABLE',
    queries: inPartitions('EXAMS_TABLE', 'pk', (userId) => Object.values(ExamBank).map((bank) => `A#${userId}${bankSuffix(bank)}`), 'T#'),
    key: ['pk', 'sk'],
    nameField: 'nickname',
  },
  // The application: kept for the counts of volunteers, without the person's contact and self-description.
  volunteer: {
    table: 'VOLUNTEERS_TABLE',
    queries: inPartitions('VOLUNTEERS_TABLE', 'userId', (userId) => [userId]),
    key: ['userId'],
    nameField: 'nickname',
    erase: { phone: '', availability: '', intro: '' },
  },
  trainings: {
    table: 'TRAININGS_TABLE',
    queries: inPartitions('TRAININGS_TABLE', 'userId', (userId) => [userId]),
    key: ['userId', 'topic'],
  },
  messages: {
    table: 'MESSAGES_TABLE',
    queries: inPartitions('MESSAGES_TABLE', 'userId', (userId) => [userId]),
    key: ['userId', 'sk'],
    deleteOnClose: true,
  },
  libraryProgress: { table: 'LIBRARY_TABLE', queries: inPartitions('LIBRARY_TABLE', 'pk', (userId) => [`P#${userId}`]), key: ['pk', 'sk'] },
  // Providers and offers the person is the contact user of: the organisation's records, kept as they are.
  resources: {
    table: 'RESOURCES_TABLE',
    queries: ofType('RESOURCES_TABLE', 'byContact', 'contactUserId', '<>', 'case'),
    key: ['pk', 'sk'],
  },
  // Needs the person raised (提出需求): the case goes on for the center's counts, without who, where and how to reach them.
  needs: {
    table: 'RESOURCES_TABLE',
    queries: ofType('RESOURCES_TABLE', 'byContact', 'contactUserId', '=', 'case'),
    key: ['pk', 'sk'],
    nameField: 'raisedByName',
    erase: { contact: '', location: '', requester: CLOSED_ACCOUNT_NAME },
  },
} satisfies Record<string, Holding>;

export type HoldingName = keyof typeof HOLDINGS;

/** Every item of one holding, as stored. */
export const readHolding = async (name: HoldingName, userId: string): Promise<Row[]> => {
  const holding: Holding = HOLDINGS[name];
  const pages = await Promise.all(holding.queries(userId).map((input) => queryAll((item) => item, input)));
  return pages.flat();
};

const keyOf = (holding: Holding, item: Row) => Object.fromEntries(holding.key.map((attribute) => [attribute, item[attribute]]));

/** What closing does to one item: nothing, a rewrite of the name (and erased fields), or a delete. */
const closeItem = async (holding: Holding, item: Row): Promise<boolean> => {
  const Key = keyOf(holding, item);
  // Each write finds the item still there: one deleted meanwhile is not made again.
  const exists = { ConditionExpression: 'attribute_exists(#key)', ExpressionAttributeNames: { '#key': holding.key[0]! } };
  try {
    if (holding.deleteOnClose) {
      await doc.send(new DeleteCommand({ TableName: tableName(holding.table), Key, ...exists }));
      return true;
    }
    const fields: Row = {
      ...(holding.nameField && item[holding.nameField] !== undefined && item[holding.nameField] !== CLOSED_ACCOUNT_NAME
        ? { [holding.nameField]: CLOSED_ACCOUNT_NAME }
        : {}),
      ...holding.erase,
    };
    const changed = Object.entries(fields).filter(([field, value]) => item[field] !== undefined && item[field] !== value);
    if (!changed.length) return false;
    await doc.send(
      new UpdateCommand({
        TableName: tableName(holding.table),
        Key,
        UpdateExpression: `SET ${changed.map((_, index) => `#f${index} = :v${index}`).join(', ')}`,
        ...exists,
        ExpressionAttributeNames: {
          ...exists.ExpressionAttributeNames,
          ...Object.fromEntries(changed.map(([field], index) => [`#f${index}`, field])),
        },
        ExpressionAttributeValues: Object.fromEntries(changed.map(([, value], index) => [`:v${index}`, value])),
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/** A few writes at a time: a person holds tens to hundreds of items, and the function's time is bounded. */
const CLOSE_CONCURRENCY = 8;

/** Anonymises or deletes the person's items of one holding; answers how many changed. */
export const closeHolding = async (name: HoldingName, userId: string): Promise<number> => {
  const holding: Holding = HOLDINGS[name];
  const items = await readHolding(name, userId);
  let changed = 0;
  for (let i = 0; i < items.length; i += CLOSE_CONCURRENCY) {
    const results = await Promise.all(items.slice(i, i + CLOSE_CONCURRENCY).map((item) => closeItem(holding, item)));
    changed += results.filter(Boolean).length;
  }
  return changed;
};
