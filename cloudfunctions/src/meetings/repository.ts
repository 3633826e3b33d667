/**
 * A meeting's board: ideas (I#<ULID>), one vote per member per idea (V#<idea>#<user>, written with
 * the idea's count in one transaction, so counts are exact), and action items (A#<ULID>) with
 * indexes by owner and, while open, by branch and due date (the secretary's overdue list); and the
 * minutes the facilitator edited (MINUTES).
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ActionItem, Idea, type ActionItemInput, type IdeaInput } from '@hele/shared';
import { ulid } from 'ulid';
import * as z from 'zod';
import { batchGetAll, doc, isConditionFailure, transactNamed } from '../lib/db';
import { queryAll, queryPage, type PageRequest } from '../lib/pagination';
import { tableName } from '../lib/tables';

const table = () => tableName('BOARDS_TABLE');
export const ideaSk = (id: string) => `I#${id}`;
const voteSk = (ideaId: string, userId: string) => `V#${ideaId}#${userId}`;
export const actionSk = (id: string) => `A#${id}`;

// A record always names its author and owner; the API leaves them out for some readers (meetings/service).
export const IdeaRecord = Idea.omit({ votedByMe: true }).extend({ sk: z.string(), authorId: z.string() });
export type IdeaRecord = z.infer<typeof IdeaRecord>;
export const ActionRecord = ActionItem.extend({ sk: z.string(), ownerId: z.string(), openBranchKey: z.string().optional() });
export type ActionRecord = z.infer<typeof ActionRecord>;

/** A new idea on a meeting's board, by `author`, at `at` (its id a ULID of that time unless given). */
export const newIdeaRecord = (
  activityId: string,
  input: IdeaInput,
  author: { id: string; nickname: string },
  at: Date,
  id = ulid(at.getTime()),
): IdeaRecord => ({
  activityId,
  sk: ideaSk(id),
  id,
  text: input.text,
  kind: input.kind,
  authorId: author.id,
  authorName: author.nickname,
  voteCount: 0,
  createdAt: at.toISOString(),
});

/** A new open measure of a meeting, owned by `owner`; a branch's meeting lists it among the branch's open ones. */
export const newActionRecord = (
  activity: { id: string; title: string; branchId?: string },
  input: ActionItemInput,
  owner: { id: string; nickname: string },
  at: Date,
): ActionRecord => {
  const id = ulid(at.getTime());
  return {
    activityId: activity.id,
    sk: actionSk(id),
    id,
    activityTitle: activity.title,
    ...(activity.branchId ? { branchId: activity.branchId, openBranchKey: activity.branchId } : {}),
    text: input.text,
    ownerId: owner.id,
    ownerName: owner.nickname,
    dueOn: input.dueOn,
    status: 'open',
    createdAt: at.toISOString(),
  };
};

/** Ideas and actions are kept the same way under their activity: each added once, listed by its key's prefix, read consistently. */
const addNew = async (record: { activityId: string; sk: string }) => {
  await doc.send(new PutCommand({ TableName: table(), Item: record, ConditionExpression: 'attribute_not_exists(sk)' }));
};
const allUnder = <T>(schema: z.ZodType<T>, activityId: string, prefix: string) =>
  queryAll(schema, {
    TableName: table(),
    KeyConditionExpression: 'activityId = :a AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':a': activityId, ':prefix': prefix },
  });
const readOne = async <T>(schema: z.ZodType<T>, activityId: string, sk: string): Promise<T | undefined> => {
  const { Item } = await doc.send(new GetCommand({ TableName: table(), Key: { activityId, sk }, ConsistentRead: true }));
  return Item ? schema.parse(Item) : undefined;
};

const update = async (
  key: Record<string, string>,
  input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key' | 'ReturnValues'>,
) => {
  try {
    const { Attributes } = await doc.send(new UpdateCommand({ TableName: table(), Key: key, ...input, ReturnValues: 'ALL_NEW' }));
    return Attributes;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
};

const MINUTES = 'MINUTES';
export const MinutesRecord = z.object({ text: z.string(), updatedAt: z.string(), updatedBy: z.string() });

export const boardRepository = {
  async minutes(activityId: string) {
    const { Item } = await doc.send(new GetCommand({ TableName: table(), Key: { activityId, sk: MINUTES } }));
    return Item ? MinutesRecord.parse(Item) : undefined;
  },
  async putMinutes(activityId: string, minutes: z.infer<typeof MinutesRecord>) {
    await doc.send(new PutCommand({ TableName: table(), Item: { activityId, sk: MINUTES, ...minutes } }));
  },

  addIdea: (record: IdeaRecord) => addNew(record),
  ideas: (activityId: string) => allUnder(IdeaRecord, activityId, 'I#'),
  idea: (activityId: string, id: string) => readOne(IdeaRecord, activityId, ideaSk(id)),
  /** Casts or takes back a vote, with the count: `vote` refused means nothing to change. */
  vote: (activityId: string, ideaId: string, userId: string, voted: boolean) =>
    transactNamed<'vote' | 'idea'>(doc, [
      {
        name: 'vote',
        item: voted
          ? {
              Put: {
                TableName: table(),
                Item: { activityId, sk: voteSk(ideaId, userId), userId },
                ConditionExpression: 'attribute_not_exists(sk)',
              },
            }
          : {
              Delete: { TableName: table(), Key: { activityId, sk: voteSk(ideaId, userId) }, ConditionExpression: 'attribute_exists(sk)' },
            },
      },
      {
        name: 'idea',
        item: {
          Update: {
            TableName: table(),
            Key: { activityId, sk: ideaSk(ideaId) },
            UpdateExpression: 'ADD voteCount :step',
            ConditionExpression: 'attribute_exists(sk)',
            ExpressionAttributeValues: { ':step': voted ? 1 : -1 },
          },
        },
      },
    ]),
  /** Which of the ideas the member voted for. */
  async votedBy(activityId: string, userId: string, ideaIds: string[]): Promise<Set<string>> {
    const keys = ideaIds.map((ideaId) => ({ activityId, sk: voteSk(ideaId, userId) }));
    const votes = await batchGetAll(table(), keys, { ProjectionExpression: 'sk' });
    return new Set(votes.map((item) => (item.sk as string).split('#')[1]!));
  },
  async group(activityId: string, ideaId: string, group: string) {
    const item = await update(
      { activityId, sk: ideaSk(ideaId) },
      group
        ? {
            UpdateExpression: 'SET #group = :group',
            ConditionExpression: 'attribute_exists(sk)',
            ExpressionAttributeNames: { '#group': 'group' },
            ExpressionAttributeValues: { ':group': group },
          }
        : {
            UpdateExpression: 'REMOVE #group',
            ConditionExpression: 'attribute_exists(sk)',
            ExpressionAttributeNames: { '#group': 'group' },
          },
    );
    return item ? IdeaRecord.parse(item) : undefined;
  },

  addAction: (record: ActionRecord) => addNew(record),
  actions: (activityId: string) => allUnder(ActionRecord, activityId, 'A#'),
  action: (activityId: string, id: string) => readOne(ActionRecord, activityId, actionSk(id)),
  /** Done takes the item off its branch's open list; reopened puts it back. */
  async updateAction(record: ActionRecord, change: { status?: 'open' | 'done'; note?: string }, at: string) {
    const sets: string[] = [];
    const removes: string[] = [];
    const values: Record<string, unknown> = {};
    if (change.note !== undefined) {
      sets.push('note = :note');
      values[':note'] = change.note;
    }
    if (change.status === 'done') {
      sets.push('#status = :done', 'doneAt = :at');
      removes.push('openBranchKey');
      Object.assign(values, { ':done': 'done', ':at': at });
    }
    if (change.status === 'open') {
      sets.push('#status = :open');
      removes.push('doneAt');
      values[':open'] = 'open';
      if (record.branchId) {
        sets.push('openBranchKey = :branch');
        values[':branch'] = record.branchId;
      }
    }
    const item = await update(
      { activityId: record.activityId, sk: record.sk },
      {
        UpdateExpression: `${sets.length ? `SET ${sets.join(', ')}` : ''}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: 'attribute_exists(sk)',
        ...(change.status ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      },
    );
    return item ? ActionRecord.parse(item) : undefined;
  },
  ofOwner: (ownerId: string, page: PageRequest) =>
    queryPage(
      ActionRecord,
      {
        TableName: table(),
        IndexName: 'actionsByOwner',
        KeyConditionExpression: 'ownerId = :o',
        ExpressionAttributeValues: { ':o': ownerId },
      },
      page,
    ),
  /** Open items of a branch due before `today` (YYYY-MM-DD), most overdue first. */
  overdue: (branchId: string, today: string, page: PageRequest) =>
    queryPage(
      ActionRecord,
      {
        TableName: table(),
        IndexName: 'openActionsByBranch',
        KeyConditionExpression: 'openBranchKey = :b AND dueOn < :today',
        ExpressionAttributeValues: { ':b': branchId, ':today': today },
      },
      page,
    ),
};
