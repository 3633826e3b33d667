/**
 * The writes that take and give back a seat of an activity, as named transaction items, and the two
 * strongly consistent reads they are checked against (a registration, the head of the waitlist). The
 * registration engine runs them on their own; a class-seat redemption runs them inside its own
 * transaction with the points and the stock, so all of it happens or none. The conditions here
 * are the invariants: confirmed ≤ capacity, nobody skips the waitlist, one live registration per user.
 */
import { Registration } from '@hele/shared';
import * as z from 'zod';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DocClient, TransactItem } from '../../lib/db';
import { tableName } from '../../lib/tables';
import { activityOfPartition, registrationPartition } from './hot';

/** A registration as stored: the API's shape (its waitlist place is worked out on read), with who checked the person in. */
export const RegistrationRecord = Registration.omit({ position: true }).extend({
  /** Present only while waitlisted: the number that orders the waitlist (sparse LSI byWaitSeq), see nextWaitSeq. */
  waitSeq: z.number().int().optional(),
  /** A check-in made for the person by a coordinator or the branch's secretary (代签): who, and their name. */
  checkedInBy: z.string().optional(),
  checkedInByName: z.string().optional(),
  /** Someone checked in at the door by name (现场登记): the userId is made up and no account is behind it. */
  walkIn: z.boolean().optional(),
  /** A hot activity's seat shard holding this seat, and the shard counting this waitlist place (hot.ts). */
  seatShard: z.number().int().optional(),
  waitShard: z.number().int().optional(),
  /** Older records: wrong check-in codes of a ten-minute window, now counted in the stats table. */
  checkInFailures: z.number().int().optional(),
  checkInFailureWindow: z.number().int().optional(),
});
export type RegistrationRecord = z.infer<typeof RegistrationRecord>;

export const isLive = (registration: RegistrationRecord | undefined): registration is RegistrationRecord =>
  registration !== undefined && registration.status !== 'cancelled';

/** The key of a person's registration for an activity (a hot activity's is under the person's bucket). */
export const registrationKey = (activityId: string, userId: string) => ({ activityId: registrationPartition(activityId, userId), userId });

/** A registration item read back as the record: its activity's id, whatever partition holds it. */
export const registrationOf = (item: Record<string, unknown>): RegistrationRecord =>
  RegistrationRecord.parse({ ...item, activityId: activityOfPartition(String(item.activityId)) });

type Named<Name extends string> = { name: Name; item: TransactItem };

const registrations = () => tableName('REGISTRATIONS_TABLE');
const activities = () => tableName('ACTIVITIES_TABLE');

/** The caller's registration, read strongly consistent (the seat writes are checked against it). */
export const readRegistration = async (client: DocClient, activityId: string, userId: string): Promise<RegistrationRecord | undefined> => {
  const { Item } = await client.send(
    new GetCommand({ TableName: registrations(), Key: registrationKey(activityId, userId), ConsistentRead: true }),
  );
  return Item ? registrationOf(Item) : undefined;
};

/** The earliest waitlisted registration of one partition (a hot activity has many): strongly consistent, through the local index. */
export const readWaitlistHead = async (client: DocClient, partition: string): Promise<RegistrationRecord | undefined> => {
  const { Items } = await client.send(
    new QueryCommand({
      TableName: registrations(),
      IndexName: 'byWaitSeq',
      KeyConditionExpression: 'activityId = :id',
      ExpressionAttributeValues: { ':id': partition },
      ConsistentRead: true,
      Limit: 1,
    }),
  );
  return Items?.[0] ? registrationOf(Items[0]) : undefined;
};

/** One live registration per user per activity; a cancelled one may be replaced. */
export const putRegistration = (record: RegistrationRecord): TransactItem => ({
  Put: {
    TableName: registrations(),
    Item: { ...record, ...registrationKey(record.activityId, record.userId) },
    ConditionExpression: 'attribute_not_exists(userId) OR #status = :cancelled',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':cancelled': 'cancelled' },
  },
});

/** Moves a registration to status `to`, stamped `stamp` = now, if `condition` holds; its waitlist number goes. */
const moveRegistration = (
  { activityId, userId }: RegistrationRecord,
  to: 'cancelled' | 'confirmed',
  stamp: 'cancelledAt' | 'promotedAt',
  now: string,
  condition: string,
  values: Record<string, unknown>,
  seatShard?: number,
): TransactItem => ({
  Update: {
    TableName: registrations(),
    Key: registrationKey(activityId, userId),
    UpdateExpression: `SET #status = :to, ${stamp} = :now, updatedAt = :now${seatShard === undefined ? '' : ', seatShard = :shard'} REMOVE waitSeq, waitShard`,
    ConditionExpression: condition,
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':to': to, ':now': now, ...values, ...(seatShard === undefined ? {} : { ':shard': seatShard }) },
  },
});

/** Cancels a registration that is still `status` (and still the same one). */
export const cancelRegistration = (record: RegistrationRecord, status: RegistrationRecord['status'], now: string): TransactItem =>
  moveRegistration(record, 'cancelled', 'cancelledAt', now, '#status = :current AND id = :id', { ':current': status, ':id': record.id });

/** Gives the head of the waitlist a seat (of a hot activity: on `seatShard`), if it is still waiting with the same number. */
export const promoteHead = (head: RegistrationRecord, now: string, seatShard?: number): TransactItem =>
  moveRegistration(
    head,
    'confirmed',
    'promotedAt',
    now,
    '#status = :waitlisted AND waitSeq = :seq',
    { ':waitlisted': 'waitlisted', ':seq': head.waitSeq },
    seatShard,
  );

/**
 * Changes the counters of an activity that is still open (`update` adds or takes `:one`), if `condition`
 * holds too; `names` and `values` are the further ones the expressions use (DynamoDB refuses unused ones).
 */
export const onOpenActivity = (
  activityId: string,
  update: string,
  condition?: string,
  { names = {}, values = {} }: { names?: Record<string, string>; values?: Record<string, unknown> } = {},
): TransactItem => ({
  Update: {
    TableName: activities(),
    Key: { id: activityId },
    UpdateExpression: update,
    ConditionExpression: condition ? `#status = :published AND ${condition}` : '#status = :published',
    ExpressionAttributeNames: { '#status': 'status', ...names },
    ExpressionAttributeValues: { ':one': 1, ':published': 'published', ...values },
  },
});

let lastWaitSeq = 0;

/**
 * The number that places a new waitlist entry: microseconds since the epoch of `at`, with a random tie-break
 * within its millisecond, and strictly increasing within this container. No counter item is written for it,
 * so a waitlist place is one transaction, not a ticket update first. Older entries' tickets (1, 2, …) stay ahead.
 */
export const nextWaitSeq = (at: Date): number => {
  lastWaitSeq = Math.max(at.getTime() * 1000 + Math.floor(Math.random() * 1000), lastWaitSeq + 1);
  return lastWaitSeq;
};

/**
 * One more on an open activity's seat or waitlist counter, if `condition` holds too, and, given `version`,
 * if nobody edited the activity since the read its caller decided on (a cached read is checked here).
 * The dashboard's sign-ups are counted on the same item (`signUps`): one item fewer in every registration's
 * transaction, and no center-wide counter that every registration of every activity writes.
 */
const countOne = (
  record: RegistrationRecord,
  counter: 'confirmedCount' | 'waitlistCount',
  condition: string,
  version: number | undefined,
): TransactItem => {
  const unedited: { condition: string; names: Record<string, string>; values: Record<string, unknown> } =
    version === undefined
      ? { condition, names: {}, values: {} }
      : { condition: `${condition} AND #version = :version`, names: { '#version': 'version' }, values: { ':version': version } };
  return onOpenActivity(
    record.activityId,
    `SET ${counter} = ${counter} + :one, signUps = if_not_exists(signUps, :zero) + :one`,
    unedited.condition,
    {
      names: { '#capacity': 'capacity', ...unedited.names },
      values: { ':zero': 0, ...unedited.values },
    },
  );
};

export const seatItems = {
  /** A seat, if the activity is open (still at `version`, given one), has one free and nobody is waiting for it. */
  take: (record: RegistrationRecord, version?: number): [Named<'full'>, Named<'exists'>] => [
    { name: 'full', item: countOne(record, 'confirmedCount', 'confirmedCount < #capacity AND waitlistCount = :zero', version) },
    { name: 'exists', item: putRegistration(record) },
  ],

  /** A waitlist place, if the activity is open (still at `version`, given one) and every seat is taken or others already wait. */
  wait: (record: RegistrationRecord, version?: number): [Named<'seat-free'>, Named<'exists'>] => [
    { name: 'seat-free', item: countOne(record, 'waitlistCount', '(confirmedCount >= #capacity OR waitlistCount > :zero)', version) },
    { name: 'exists', item: putRegistration(record) },
  ],

  /** Gives a confirmed seat back and hands it to the head of the waitlist (the activity must be open). */
  releaseToHead: (
    record: RegistrationRecord,
    head: RegistrationRecord,
    now: string,
  ): Array<Named<'changed' | 'head-changed' | 'closed'>> => [
    { name: 'changed', item: cancelRegistration(record, 'confirmed', now) },
    { name: 'head-changed', item: promoteHead(head, now) },
    { name: 'closed', item: onOpenActivity(record.activityId, 'SET waitlistCount = waitlistCount - :one') },
  ],

  /** Gives a confirmed seat back when nobody waits (checked in the same step). */
  release: (record: RegistrationRecord, now: string): Array<Named<'changed' | 'waitlist-appeared'>> => [
    { name: 'changed', item: cancelRegistration(record, 'confirmed', now) },
    {
      name: 'waitlist-appeared',
      item: {
        Update: {
          TableName: activities(),
          Key: { id: record.activityId },
          UpdateExpression: 'SET confirmedCount = confirmedCount - :one',
          ConditionExpression: 'waitlistCount = :zero',
          ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
        },
      },
    },
  ],
};
