/**
 * The academy's table: the rubric (pk `RUBRIC`); per meeting (pk `A#<activity>`) its observer seats
 * taken (sk `SEATS`), observers (`O#<user>`) and score sheets (`S#<user>`); per year (pk
 * `BOARD#<year>`) each meeting's (`M#<activity>`) and branch's (`B#<branch>`) sum of marks and count
 * of sheets, moved in the transaction that stores a sheet.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Observer, Rubric, type RubricInput } from '@hele/shared';
import * as z from 'zod';
import { doc, transactNamed, type TransactItem } from '../lib/db';
import { queryAll } from '../lib/pagination';
import { observerKey } from '../domain/observers';
import { branchScope, countItem } from '../domain/stats';
import { tableName } from '../lib/tables';

const table = () => tableName('ACADEMY_TABLE');
const meetingKey = (activityId: string) => `A#${activityId}`;
const boardKey = (year: number) => `BOARD#${year}`;

export const SheetRecord = z.object({
  activityId: z.string(),
  userId: z.string(),
  marks: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
  mark: z.number().int(),
  at: z.string(),
});
export type SheetRecord = z.infer<typeof SheetRecord>;
const BoardRecord = z.object({
  sk: z.string(),
  sum: z.number(),
  count: z.number(),
  title: z.string().optional(),
  branchId: z.string().optional(),
});

const addToBoard = (year: number, sk: string, mark: number, fields: Record<string, string>): TransactItem => ({
  Update: {
    TableName: table(),
    Key: { pk: boardKey(year), sk },
    UpdateExpression: `ADD #sum :mark, #count :one${
      Object.keys(fields).length
        ? ` SET ${Object.keys(fields)
            .map((field) => `#${field} = :${field}`)
            .join(', ')}`
        : ''
    }`,
    ExpressionAttributeNames: {
      '#sum': 'sum',
      '#count': 'count',
      ...Object.fromEntries(Object.keys(fields).map((field) => [`#${field}`, field])),
    },
    ExpressionAttributeValues: {
      ':mark': mark,
      ':one': 1,
      ...Object.fromEntries(Object.entries(fields).map(([field, value]) => [`:${field}`, value])),
    },
  },
});

export const academyRepository = {
  async rubric() {
    const { Item } = await doc.send(new GetCommand({ TableName: table(), Key: { pk: 'RUBRIC', sk: '#' } }));
    return Item ? Rubric.parse(Item) : undefined;
  },
  async putRubric(rubric: RubricInput) {
    await doc.send(new PutCommand({ TableName: table(), Item: { pk: 'RUBRIC', sk: '#', ...rubric } }));
  },

  /** Takes one of `seats` observer places and records the observer, or answers why not. */
  observe: (observer: Observer, seats: number) =>
    // The observer first: one who is seated already hears so, even when the seats are full.
    transactNamed<'seats' | 'observer'>(doc, [
      {
        name: 'observer',
        item: {
          Put: {
            TableName: table(),
            Item: { ...observerKey(observer.activityId, observer.userId), ...observer },
            ConditionExpression: 'attribute_not_exists(sk)',
          },
        },
      },
      {
        name: 'seats',
        item: {
          Update: {
            TableName: table(),
            Key: { pk: meetingKey(observer.activityId), sk: 'SEATS' },
            UpdateExpression: 'ADD taken :one',
            ConditionExpression: 'attribute_not_exists(taken) OR taken < :seats',
            ExpressionAttributeValues: { ':one': 1, ':seats': seats },
          },
        },
      },
    ]),

  observers: (activityId: string) =>
    queryAll(Observer, {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :o)',
      ExpressionAttributeValues: { ':pk': meetingKey(activityId), ':o': 'O#' },
    }),

  sheets: (activityId: string) =>
    queryAll(SheetRecord, {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': meetingKey(activityId), ':s': 'S#' },
    }),

  /** Stores an observer's one sheet and adds its mark to the year's board (meeting and branch). */
  score: (sheet: SheetRecord, board: { year: number; title: string; branchId: string }) =>
    transactNamed<'observer' | 'sheet'>(doc, [
      {
        name: 'observer',
        item: {
          // The observer's line says they scored, so the page offers no second sheet.
          Update: {
            TableName: table(),
            Key: observerKey(sheet.activityId, sheet.userId),
            UpdateExpression: 'SET scoredAt = :at',
            ConditionExpression: 'attribute_exists(sk)',
            ExpressionAttributeValues: { ':at': sheet.at },
          },
        },
      },
      {
        name: 'sheet',
        item: {
          Put: {
            TableName: table(),
            Item: { pk: meetingKey(sheet.activityId), sk: `S#${sheet.userId}`, ...sheet },
            ConditionExpression: 'attribute_not_exists(sk)',
          },
        },
      },
      {
        name: 'sheet',
        item: addToBoard(board.year, `M#${sheet.activityId}`, sheet.mark, { title: board.title, branchId: board.branchId }),
      },
      { name: 'sheet', item: addToBoard(board.year, `B#${board.branchId}`, sheet.mark, {}) },
      // The branch's statistics of the year (average observer mark).
      { name: 'sheet', item: countItem(branchScope(board.branchId, board.year), { scoreSum: sheet.mark, scores: 1 }) },
    ]),

  async board(year: number) {
    const items = await queryAll(BoardRecord, {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': boardKey(year) },
    });
    const of = (prefix: string) => items.filter((item) => item.sk.startsWith(prefix)).map((item) => ({ ...item, id: item.sk.slice(2) }));
    return { meetings: of('M#'), branches: of('B#') };
  },
};
