/**
 * 热门活动: an activity made with HOT_CAPACITY seats or more takes a burst of registrations past one partition's
 * limits (docs/hot-activity.md §5). One activity item and one registrations partition cap a plain activity at a few
 * hundred registrations a second on AWS; a hot activity spreads both:
 *
 * - its seats over SHARDS seat shards (items `<id>#seats#<k>` of the activities table), each with its share of the
 *   capacity (`seats`), the seats taken, the places waiting and the gate (`closed`); a seat is `taken + 1` on one
 *   shard if it has one free and the gate is open, a waitlist place `waiting + 1` on the person's shard if the gate
 *   is closed. The gate closes in one transaction over every shard, only when all are full; it opens again in one
 *   transaction, only when nobody waits anywhere. So confirmed ≤ capacity stays exact, nobody takes a seat while
 *   someone waits, and seats freed while people wait go to the head of the waitlist (the engine's `fill`);
 * - its registrations over SHARDS key buckets: a registration's partition key is `<id>#<bucket of the user>`.
 *
 * The shards mirror what a seat's condition needs from the activity (status, version), written with every edit.
 * Which activity is hot is in its id (`hot-…`), so any reader finds a registration's key without the activity.
 */
import { ActivityStatus } from '@hele/shared';
import { ulid } from 'ulid';
import * as z from 'zod';
import { batchGetAll, type DocClient, type TransactItem } from '../../lib/db';
import { tableName } from '../../lib/tables';

/** Activities made with this many seats or more are hot. */
export const HOT_CAPACITY = 500;
/** Seat shards, and registration buckets, of a hot activity (a transaction over every shard stays within 100 items). */
export const SHARDS = 64;
const HOT_PREFIX = 'hot-';

export const isHot = (activityId: string): boolean => activityId.startsWith(HOT_PREFIX);

/** A new activity's id: hot if it is made with HOT_CAPACITY seats or more. */
export const newActivityId = (capacity: number): string => (capacity >= HOT_CAPACITY ? `${HOT_PREFIX}${ulid()}` : ulid());

/** The bucket of a user (FNV-1a of the id): spreads users evenly, the same for every hot activity. */
export const bucketOf = (userId: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), 0x01000193) >>> 0;
  return hash % SHARDS;
};

/** The partition key value of a registration: the activity's id, or for a hot activity the user's bucket of it. */
export const registrationPartition = (activityId: string, userId: string): string =>
  isHot(activityId) ? `${activityId}#${bucketOf(userId)}` : activityId;

/** Every partition holding an activity's registrations. */
export const registrationPartitions = (activityId: string): string[] =>
  isHot(activityId) ? Array.from({ length: SHARDS }, (_, bucket) => `${activityId}#${bucket}`) : [activityId];

/** The activity of a registration's partition key value. */
export const activityOfPartition = (partition: string): string => partition.replace(/#\d+$/, '');

export const ShardRecord = z.object({
  id: z.string(),
  activityId: z.string(),
  shard: z.number().int(),
  seats: z.number().int(),
  taken: z.number().int(),
  waiting: z.number().int(),
  closed: z.boolean(),
  status: z.enum(ActivityStatus),
  version: z.number().int(),
  signUps: z.number().int().optional(),
});
export type ShardRecord = z.infer<typeof ShardRecord>;

const shardKey = (activityId: string, shard: number) => ({ id: `${activityId}#seats#${shard}` });

/** The seats of each shard: `capacity` split as evenly as it goes. */
export const seatsOfShard = (capacity: number, shard: number): number =>
  Math.floor(capacity / SHARDS) + (shard < capacity % SHARDS ? 1 : 0);

/** A hot activity's shards as it is made: each with its share of the seats, the gate open. */
export const newShards = (activity: { id: string; capacity: number; status: ActivityStatus; version: number }): ShardRecord[] =>
  Array.from({ length: SHARDS }, (_, shard) => ({
    ...shardKey(activity.id, shard),
    activityId: activity.id,
    shard,
    seats: seatsOfShard(activity.capacity, shard),
    taken: 0,
    waiting: 0,
    closed: false,
    status: activity.status,
    version: activity.version,
    signUps: 0,
  }));

/** Every shard of a hot activity, in order. */
export const readShards = async (client: DocClient, activityId: string, consistent: boolean): Promise<ShardRecord[]> => {
  const keys = Array.from({ length: SHARDS }, (_, shard) => shardKey(activityId, shard));
  const items = await batchGetAll(tableName('ACTIVITIES_TABLE'), keys, consistent ? { ConsistentRead: true } : {}, client);
  return items.map((item) => ShardRecord.parse(item)).sort((a, b) => a.shard - b.shard);
};

/** The counters a hot activity shows: the sums of its shards. */
export const shardTotals = (shards: ShardRecord[]) => ({
  confirmedCount: shards.reduce((sum, shard) => sum + shard.taken, 0),
  waitlistCount: shards.reduce((sum, shard) => sum + shard.waiting, 0),
  signUps: shards.reduce((sum, shard) => sum + (shard.signUps ?? 0), 0),
});

const NAMES: Record<string, string> = {
  '#seats': 'seats',
  '#taken': 'taken',
  '#waiting': 'waiting',
  '#closed': 'closed',
  '#status': 'status',
  '#version': 'version',
};
const VALUES: Record<string, unknown> = { ':one': 1, ':zero': 0, ':true': true, ':false': false, ':published': ActivityStatus.PUBLISHED };

/** Those of `known` an expression names (DynamoDB refuses names and values an expression does not use). */
const usedIn = (text: string, pattern: RegExp, known: Record<string, unknown>) =>
  Object.fromEntries([...new Set(text.match(pattern) ?? [])].filter((token) => token in known).map((token) => [token, known[token]]));

/**
 * An update of one shard if `condition` holds (it may use `#seats`, `#taken`, `#waiting`, `#closed`, `#status` and `:one`,
 * `:zero`, `:true`, `:false`, `:published`), and given `version`, only while the activity is still at the version read.
 */
const shardItem = (activityId: string, shard: number, set: string, condition?: string, version?: number): TransactItem => {
  const conditions = [condition, version === undefined ? undefined : '#version = :version'].filter(Boolean).join(' AND ');
  const text = `SET ${set} ${conditions}`;
  return {
    Update: {
      TableName: tableName('ACTIVITIES_TABLE'),
      Key: shardKey(activityId, shard),
      UpdateExpression: `SET ${set}`,
      ...(conditions ? { ConditionExpression: conditions } : {}),
      ExpressionAttributeNames: usedIn(text, /#\w+/g, NAMES) as Record<string, string>,
      ExpressionAttributeValues: usedIn(text, /:\w+/g, { ...VALUES, ...(version === undefined ? {} : { ':version': version }) }),
    },
  };
};

export const shardItems = {
  /** A seat on `shard`, if it has one free, the gate is open and the activity is open (at `version`, given one). */
  take: (activityId: string, shard: number, version?: number) =>
    shardItem(
      activityId,
      shard,
      '#taken = #taken + :one, signUps = if_not_exists(signUps, :zero) + :one',
      '#status = :published AND #taken < #seats AND #closed = :false',
      version,
    ),

  /** A waitlist place counted on `shard`, if the gate is closed and the activity is open (at `version`, given one). */
  wait: (activityId: string, shard: number, version?: number) =>
    shardItem(
      activityId,
      shard,
      '#waiting = #waiting + :one, signUps = if_not_exists(signUps, :zero) + :one',
      '#status = :published AND #closed = :true',
      version,
    ),

  /** Closes the gate on one shard if it is full: all shards in one transaction close it only when every seat is taken. */
  close: (activityId: string, shard: number) => shardItem(activityId, shard, '#closed = :true', '#taken >= #seats'),

  /** Opens the gate on one shard if nobody waits there: all shards in one transaction, only when nobody waits at all. */
  open: (activityId: string, shard: number) => shardItem(activityId, shard, '#closed = :false', '#waiting = :zero'),

  /** A seat of `shard` given back (nobody to hand it to, or the activity cancelled). */
  free: (activityId: string, shard: number) => shardItem(activityId, shard, '#taken = #taken - :one', undefined),

  /** A waitlist place of `shard` given up, or moved into a seat (given `open`, only while the activity is open). */
  leave: (activityId: string, shard: number, { open = false } = {}) =>
    shardItem(activityId, shard, '#waiting = #waiting - :one', open ? '#status = :published' : undefined),

  /** A free seat of `shard` handed to the waitlist's head, if it is still free and the activity open. */
  fill: (activityId: string, shard: number) =>
    shardItem(activityId, shard, '#taken = #taken + :one', '#status = :published AND #taken < #seats', undefined),

  /**
   * The shard as the activity now is: its status and version, and `seats` if the capacity changed, which must still
   * cover the seats taken there.
   */
  edit: (activityId: string, shard: number, change: { status: ActivityStatus; version: number; seats?: number }): TransactItem => ({
    Update: {
      TableName: tableName('ACTIVITIES_TABLE'),
      Key: shardKey(activityId, shard),
      UpdateExpression: `SET #status = :status, #version = :version${change.seats === undefined ? '' : ', #seats = :seats'}`,
      ConditionExpression: change.seats === undefined ? 'attribute_exists(id)' : '#taken <= :seats',
      ExpressionAttributeNames: {
        '#status': 'status',
        '#version': 'version',
        ...(change.seats === undefined ? {} : { '#seats': 'seats', '#taken': 'taken' }),
      },
      ExpressionAttributeValues: {
        ':status': change.status,
        ':version': change.version,
        ...(change.seats === undefined ? {} : { ':seats': change.seats }),
      },
    },
  }),

  /** A shard as the activity is made. */
  put: (shard: ShardRecord): TransactItem => ({
    Put: { TableName: tableName('ACTIVITIES_TABLE'), Item: shard, ConditionExpression: 'attribute_not_exists(id)' },
  }),
};

/**
 * The seats of each shard for a new `capacity`, given what each has taken: every shard keeps at least its taken seats,
 * and the rest is shared out evenly. Undefined if the capacity is below the seats taken.
 */
export const reshare = (capacity: number, taken: number[]): number[] | undefined => {
  const rest = capacity - taken.reduce((sum, count) => sum + count, 0);
  if (rest < 0) return undefined;
  return taken.map((count, shard) => count + Math.floor(rest / taken.length) + (shard < rest % taken.length ? 1 : 0));
};
