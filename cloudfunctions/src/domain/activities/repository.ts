/**
 * The activities and registrations tables. Seats and waitlist places change only here, and only
 * through conditional TransactWriteItems that move a registration and the activity's counters
 * together: a transaction either does all of it or nothing, whatever runs at the same time.
 * Each write method answers what happened (`ok`, or which condition lost) and never retries:
 * the service decides what to try next.
 */
import { GetCommand, PutCommand, type QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ActivityStatus } from '@hele/shared';
import * as z from 'zod';
import { countAll, everyPage, type ItemParser, type Page, queryAll, queryPage, sortedPage } from '../../lib/pagination';
import {
  batchGetAll,
  doc,
  fieldChanges,
  isConditionFailure,
  isRetryableWriteError,
  transactNamed,
  type DocClient,
  type TransactItem,
  type TxOutcome,
} from '../../lib/db';
import {
  cancelRegistration,
  onOpenActivity,
  promoteHead,
  type RegistrationRecord,
  readRegistration,
  readWaitlistHead,
  registrationKey,
  registrationOf,
  seatItems,
} from './seats';
import { isHot, newShards, readShards, registrationPartitions, reshare, SHARDS, shardItems, shardTotals } from './hot';
import { createHotSeats } from './hot-seats';
import { activitiesInOrder } from './indexed';
import { ActivityRecord, indexKeys } from './records';
import { tableName } from '../../lib/tables';

export type PageOf<T> = Page<T>;

/** Where a page of a hot activity's registrations ended. */
const RegistrationCursor = z.object({ userId: z.string() }).strict();

/** What the activities' global indexes hold of an activity: its key (indexed.ts). */
const IndexedActivity = z.object({ id: z.string() });

/** What goes with a registration's own items in its transaction. */
export interface Alongside {
  /** Counted alongside (each fails as `exists`). */
  counted?: TransactItem[];
  /** A condition the registering person's account must meet (accountOpenCondition). */
  holder?: TransactItem;
  /** The record of the request's Idempotency-Key (lib/idempotency-folded). */
  once?: TransactItem;
  /** The activity's version the caller decided on: its settings must be unchanged (seatItems). */
  version?: number;
}

export const createActivityRepository = (client: DocClient = doc) => {
  const activities = () => tableName('ACTIVITIES_TABLE');
  const registrations = () => tableName('REGISTRATIONS_TABLE');

  const transact = <Name extends string>(items: Array<{ name: Name; item: TransactItem }>) => transactNamed(client, items);
  const hot = createHotSeats(client);
  /** A hot activity's counters are its shards' (hot.ts); a plain one's are on its item. */
  const withTotals = async (record: ActivityRecord, consistent: boolean): Promise<ActivityRecord> =>
    isHot(record.id) ? { ...record, ...shardTotals(await readShards(client, record.id, consistent)) } : record;
  const heldBy = (holder: TransactItem | undefined) => (holder ? [{ name: 'holder' as const, item: holder }] : []);
  // The Idempotency-Key's record goes first: when a retry meets it, that is the reason reported.
  const keyed = (once: TransactItem | undefined) => (once ? [{ name: 'used' as const, item: once }] : []);
  /** A registration's own items, with what goes alongside: `counted` (each fails as `exists`), `holder` and `once`. */
  const register = <Name extends string>(own: Array<{ name: Name; item: TransactItem }>, { counted = [], holder, once }: Alongside) =>
    transact<Name | 'exists' | 'holder' | 'used'>([
      ...keyed(once),
      ...own,
      ...counted.map((item) => ({ name: 'exists' as const, item })),
      ...heldBy(holder),
    ]);

  /** Cancels a registration that is still `status` (and still the same one) and takes it off its counter, handing nothing on. */
  const cancelCounted = (record: RegistrationRecord, status: RegistrationRecord['status'], now: string) => {
    const counter = status === 'confirmed' ? 'confirmedCount' : 'waitlistCount';
    return transact([
      { name: 'changed', item: cancelRegistration(record, status, now) },
      {
        name: 'changed',
        item: {
          Update: {
            TableName: activities(),
            Key: { id: record.activityId },
            UpdateExpression: `SET ${counter} = ${counter} - :one`,
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      },
    ]);
  };

  const page = <T>(input: QueryCommandInput, parse: ItemParser<T>, cursor: string | undefined, limit: number) =>
    queryPage(parse, input, { limit, cursor }, client);
  /** A page of registrations (of an activity, or through an index). */
  const registrationPage = (input: Omit<QueryCommandInput, 'TableName'>, { limit, cursor }: { limit: number; cursor?: string }) =>
    page({ TableName: registrations(), ...input }, registrationOf, cursor, limit);

  /** Stamps a confirmed registration once (check-in, sign-out), with what must be written with it. */
  const stampOnce = async (
    key: { activityId: string; userId: string },
    update: string,
    condition: string,
    values: Record<string, unknown>,
    alongside: TransactItem[] = [],
  ) => {
    const outcome = await transactNamed(client, [
      {
        name: 'registration',
        item: {
          Update: {
            TableName: registrations(),
            Key: registrationKey(key.activityId, key.userId),
            UpdateExpression: update,
            ConditionExpression: `#status = :confirmed AND ${condition}`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':confirmed': 'confirmed', ...values },
          },
        },
      },
      ...alongside.map((item) => ({ name: 'alongside' as const, item })),
    ]);
    return outcome === 'ok' || outcome === 'conflict' ? outcome : ('refused' as const);
  };

  return {
    /** A new activity; a hot one with its seat shards, in the same step (hot.ts). */
    async createActivity(record: ActivityRecord): Promise<void> {
      const put = { Put: { TableName: activities(), Item: record, ConditionExpression: 'attribute_not_exists(id)' } };
      if (!isHot(record.id)) {
        await client.send(new PutCommand(put.Put));
        return;
      }
      const outcome = await transact([put, ...newShards(record).map(shardItems.put)].map((item) => ({ name: 'exists' as const, item })));
      if (outcome !== 'ok') throw new Error(`hot activity ${record.id} not made: ${outcome}`);
    },

    async getActivity(id: string): Promise<ActivityRecord | undefined> {
      const { Item } = await client.send(new GetCommand({ TableName: activities(), Key: { id }, ConsistentRead: true }));
      return Item ? withTotals(ActivityRecord.parse(Item), true) : undefined;
    },

    /**
     * A page of the activities of one status (and kind) starting from `from`: their keys on the index, then
     * the items (indexed.ts). One that left the index since (its status changed) is left out.
     */
    async listActivities({
      kind,
      status,
      from,
      limit,
      cursor,
    }: {
      kind?: string;
      status: ActivityStatus;
      from: string;
      limit: number;
      cursor?: string;
    }): Promise<PageOf<ActivityRecord>> {
      const keys = indexKeys(kind ?? '', status);
      const listed = await page(
        kind
          ? {
              TableName: activities(),
              IndexName: 'byKindStart',
              KeyConditionExpression: 'kindKey = :key AND startsAt >= :from',
              ExpressionAttributeValues: { ':key': keys.kindKey, ':from': from },
            }
          : {
              TableName: activities(),
              IndexName: 'byStart',
              KeyConditionExpression: 'listKey = :key AND startsAt >= :from',
              ExpressionAttributeValues: { ':key': keys.listKey, ':from': from },
            },
        IndexedActivity,
        cursor,
        limit,
      );
      const items = (
        await activitiesInOrder(
          listed.items.map(({ id }) => id),
          {},
          client,
        )
      )
        .map((item) => ActivityRecord.parse(item))
        .filter((activity) => (kind ? activity.kindKey === keys.kindKey : activity.listKey === keys.listKey));
      return { items: await Promise.all(items.map((activity) => withTotals(activity, false))), nextCursor: listed.nextCursor };
    },

    /**
     * Writes the edited fields of an activity if nobody edited it since `expectedVersion` was read,
     * and if the capacity still covers the confirmed seats. The counters are never written here:
     * registrations change them meanwhile, and only the engine's transactions may.
     */
    async updateActivity(
      id: string,
      changes: Partial<Omit<ActivityRecord, 'id' | 'confirmedCount' | 'waitlistCount' | 'waitTicket' | 'signUps' | 'version'>>,
      expectedVersion: number,
    ): Promise<'ok' | 'stale' | 'below-confirmed' | 'conflict'> {
      if (isHot(id)) return this.updateHotActivity(id, changes, expectedVersion);
      const fields = fieldChanges(changes);
      const capacityCheck = changes.capacity !== undefined ? ' AND confirmedCount <= :capacity' : '';
      try {
        await client.send(
          new UpdateCommand({
            TableName: activities(),
            Key: { id },
            UpdateExpression: `SET ${['#version = :next', ...fields.set].join(', ')}`,
            ConditionExpression: `#version = :version${capacityCheck}`,
            ExpressionAttributeNames: { ...fields.names, '#version': 'version' },
            ExpressionAttributeValues: { ...fields.values, ':version': expectedVersion, ':next': expectedVersion + 1 },
          }),
        );
        return 'ok';
      } catch (error) {
        if (isRetryableWriteError(error)) return 'conflict';
        if (!isConditionFailure(error)) throw error;
        const current = await this.getActivity(id);
        return current && current.version === expectedVersion ? 'below-confirmed' : 'stale';
      }
    },

    /**
     * A hot activity's edit (updateActivity): the activity and, in the same step, each shard's copy of its status and
     * version; a new capacity is shared out again over the shards, each keeping at least the seats taken there.
     */
    async updateHotActivity(
      id: string,
      changes: Partial<Omit<ActivityRecord, 'id' | 'confirmedCount' | 'waitlistCount' | 'waitTicket' | 'signUps' | 'version'>>,
      expectedVersion: number,
    ): Promise<'ok' | 'stale' | 'below-confirmed' | 'conflict'> {
      const current = await this.getActivity(id);
      if (!current || current.version !== expectedVersion) return 'stale';
      const seats =
        changes.capacity === undefined
          ? undefined
          : reshare(
              changes.capacity,
              (await hot.shards(id)).map((shard) => shard.taken),
            );
      if (changes.capacity !== undefined && !seats) return 'below-confirmed';
      const fields = fieldChanges(changes);
      const version = expectedVersion + 1;
      const status = changes.status ?? current.status;
      const outcome = await transact([
        {
          name: 'stale' as const,
          item: {
            Update: {
              TableName: activities(),
              Key: { id },
              UpdateExpression: `SET ${['#version = :next', ...fields.set].join(', ')}`,
              ConditionExpression: '#version = :version',
              ExpressionAttributeNames: { ...fields.names, '#version': 'version' },
              ExpressionAttributeValues: { ...fields.values, ':version': expectedVersion, ':next': version },
            },
          },
        },
        ...Array.from({ length: SHARDS }, (_, shard) => ({
          // A seat taken since the shards were read, past a shard's new share: share out again.
          name: 'conflict' as const,
          item: shardItems.edit(id, shard, { status, version, ...(seats ? { seats: seats[shard] } : {}) }),
        })),
      ]);
      return outcome === 'ok' || outcome === 'conflict' ? outcome : 'stale';
    },

    getRegistration(activityId: string, userId: string): Promise<RegistrationRecord | undefined> {
      return readRegistration(client, activityId, userId);
    },

    /** The activity's check-in secret, made once if an older record has none. */
    async ensureCheckInSecret(activityId: string, fresh: string): Promise<string> {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: activities(),
          Key: { id: activityId },
          UpdateExpression: 'SET checkInSecret = if_not_exists(checkInSecret, :secret)',
          ConditionExpression: 'attribute_exists(id)',
          ExpressionAttributeValues: { ':secret': fresh },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes!.checkInSecret as string;
    },

    /**
     * Records a check-in once, for a confirmed registration only, with what goes with it (a training
     * completed, counters); `by` is the coordinator or secretary who checked the person in for them.
     */
    checkIn: (activityId: string, userId: string, now: string, alongside: TransactItem[], by?: { id: string; name: string }) =>
      stampOnce(
        { activityId, userId },
        `SET checkedInAt = :now, updatedAt = :now${by ? ', checkedInBy = :by, checkedInByName = :byName' : ''} REMOVE checkInFailures, checkInFailureWindow`,
        'attribute_not_exists(checkedInAt)',
        { ':now': now, ...(by ? { ':by': by.id, ':byName': by.name } : {}) },
        alongside,
      ),

    /** Marks the sign-out of a checked-in registrant once, with the service record it yields (if any). */
    signOut: (activityId: string, userId: string, now: string, record?: TransactItem) =>
      stampOnce(
        { activityId, userId },
        'SET signedOutAt = :now, updatedAt = :now',
        'attribute_exists(checkedInAt) AND attribute_not_exists(signedOutAt)',
        { ':now': now },
        record ? [record] : [],
      ),

    /**
     * Takes one of the `max` code tries a person has per window, before the code is looked at: so
     * guesses sent all at once are capped too. Counted in the stats table under the person and the
     * activity, since a roster member may check in without a registration to count on. Answers whether a try was left.
     */
    async takeCheckInTry(activityId: string, userId: string, window: number, max: number): Promise<'ok' | 'locked'> {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName('STATS_TABLE'),
            Key: { scope: `check-in-tries#${activityId}#${userId}`, shard: window },
            UpdateExpression: 'ADD tries :one',
            ConditionExpression: 'attribute_not_exists(tries) OR tries < :max',
            ExpressionAttributeValues: { ':one': 1, ':max': max },
          }),
        );
        return 'ok';
      } catch (error) {
        if (isConditionFailure(error)) return 'locked';
        throw error;
      }
    },

    async getMine(activityIds: string[], userId: string): Promise<Map<string, RegistrationRecord>> {
      const keys = activityIds.map((activityId) => registrationKey(activityId, userId));
      const mine = (await batchGetAll(registrations(), keys, {}, client)).map(registrationOf);
      return new Map(mine.map((record) => [record.activityId, record]));
    },

    /** A seat, if the activity is open, has one free and nobody is waiting for it (with what goes alongside). */
    confirmSeat(record: RegistrationRecord, alongside: Alongside = {}): Promise<TxOutcome<'full' | 'exists' | 'holder' | 'used'>> {
      if (isHot(record.activityId)) return hot.take(record, alongside.version, (own) => register(own, alongside));
      return register(seatItems.take(record, alongside.version), alongside);
    },

    /** A waitlist place, if every seat is taken or others already wait (with what goes alongside, as confirmSeat). */
    joinWaitlist(record: RegistrationRecord, alongside: Alongside = {}): Promise<TxOutcome<'seat-free' | 'exists' | 'holder' | 'used'>> {
      if (isHot(record.activityId)) return hot.wait(record, alongside.version, (own) => register(own, alongside));
      return register(seatItems.wait(record, alongside.version), alongside);
    },

    /** A hot activity's shards, strongly consistent (the engine's `fill`). */
    hotShards: (activityId: string) => hot.shards(activityId),
    /** Moves the head of a hot activity's waitlist into a free seat of `shard`. */
    fillSeat: (head: RegistrationRecord, shard: number, now: string) => hot.fillSeat(head, shard, now),
    /** Opens a hot activity's gate again, if nobody waits. */
    openGate: (activityId: string) => hot.openGate(activityId),

    /** The earliest waitlisted registration: strongly consistent, through the local index. */
    waitlistHead(activityId: string): Promise<RegistrationRecord | undefined> {
      return isHot(activityId) ? hot.waitlistHead(activityId) : readWaitlistHead(client, activityId);
    },

    /** 1-based place of a waitlist ticket (a hot activity's: counted over every bucket). */
    async waitlistPosition(activityId: string, waitSeq: number): Promise<number> {
      const counts = await Promise.all(
        registrationPartitions(activityId).map((partition) =>
          countAll(
            {
              TableName: registrations(),
              IndexName: 'byWaitSeq',
              KeyConditionExpression: 'activityId = :id AND waitSeq <= :seq',
              ExpressionAttributeValues: { ':id': partition, ':seq': waitSeq },
              ConsistentRead: true,
            },
            client,
          ),
        ),
      );
      return counts.reduce((sum, count) => sum + count, 0);
    },

    /** The whole waitlist in order, as user id → position. */
    async waitlistPositions(activityId: string): Promise<Map<string, number>> {
      if (isHot(activityId)) return new Map((await hot.waitSeqs(activityId)).map(({ userId }, index) => [userId, index + 1]));
      const waiting = await queryAll(
        (item) => item.userId as string,
        {
          TableName: registrations(),
          IndexName: 'byWaitSeq',
          KeyConditionExpression: 'activityId = :id',
          ExpressionAttributeValues: { ':id': activityId },
          ProjectionExpression: 'userId',
          ConsistentRead: true,
        },
        client,
      );
      return new Map(waiting.map((userId, index) => [userId, index + 1]));
    },

    /** Gives up a waitlist place. */
    leaveWaitlist(record: RegistrationRecord, now: string): Promise<TxOutcome<'changed'>> {
      return isHot(record.activityId) ? hot.cancel(record, now) : cancelCounted(record, 'waitlisted', now);
    },

    /** Gives a confirmed seat back and, in the same step, hands it to the head of the waitlist. */
    releaseSeatToHead(record: RegistrationRecord, head: RegistrationRecord, now: string) {
      return isHot(record.activityId) ? hot.releaseToHead(record, head, now) : transact(seatItems.releaseToHead(record, head, now));
    },

    /**
     * Gives a confirmed seat back when nobody waits (checked in the same step). A hot activity's goes back to its
     * shard whatever waits: the engine's `fill` then hands it on.
     */
    releaseSeat(record: RegistrationRecord, now: string) {
      return isHot(record.activityId) ? hot.release(record, now) : transact(seatItems.release(record, now));
    },

    /** Moves the head of the waitlist into a seat that is free (capacity was raised). */
    promoteIntoFreeSeat(head: RegistrationRecord, now: string): Promise<TxOutcome<'head-changed' | 'no-seat'>> {
      return transact([
        { name: 'head-changed', item: promoteHead(head, now) },
        {
          name: 'no-seat',
          item: onOpenActivity(
            head.activityId,
            'SET confirmedCount = confirmedCount + :one, waitlistCount = waitlistCount - :one',
            'confirmedCount < #capacity',
            { names: { '#capacity': 'capacity' } },
          ),
        },
      ]);
    },

    /** Cancels a live registration without handing its seat on (the activity itself is cancelled). */
    cancelWithoutPromotion(record: RegistrationRecord, now: string): Promise<TxOutcome<'changed'>> {
      return isHot(record.activityId) ? hot.cancel(record, now) : cancelCounted(record, record.status, now);
    },

    /** A page of an activity's registrations, in order of user id (a hot activity's read over every bucket). */
    async listRegistrations(
      activityId: string,
      { limit, cursor, status }: { limit: number; cursor?: string; status?: string },
    ): Promise<PageOf<RegistrationRecord>> {
      if (isHot(activityId)) {
        const all = (await hot.all(activityId)).filter((record) => !status || record.status === status);
        return sortedPage(
          all,
          {
            key: RegistrationCursor,
            keyOf: ({ userId }) => ({ userId }),
            compare: (a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
            list: `registrations:${activityId}`,
          },
          { limit, cursor },
        );
      }
      return registrationPage(
        {
          KeyConditionExpression: 'activityId = :id',
          ...(status
            ? {
                FilterExpression: '#status = :status',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':id': activityId, ':status': status },
              }
            : { ExpressionAttributeValues: { ':id': activityId } }),
          ConsistentRead: true,
        },
        { limit, cursor },
      );
    },

    /** Every registration of one activity (the coordinator's roster; activity cancellation). */
    allRegistrations(activityId: string): Promise<RegistrationRecord[]> {
      return everyPage((cursor) => this.listRegistrations(activityId, { limit: 500, cursor }));
    },

    listByUser(userId: string, { limit, cursor }: { limit: number; cursor?: string }): Promise<PageOf<RegistrationRecord>> {
      return registrationPage(
        {
          IndexName: 'byUser',
          KeyConditionExpression: 'userId = :user',
          ExpressionAttributeValues: { ':user': userId },
          ScanIndexForward: false,
        },
        { limit, cursor },
      );
    },

    /** Every registration of one user (a member holds tens: 我的公益班 reads them all). */
    allOfUser(userId: string): Promise<RegistrationRecord[]> {
      return everyPage((cursor) => this.listByUser(userId, { limit: 500, cursor }));
    },

    async getActivities(ids: string[]): Promise<Map<string, ActivityRecord>> {
      const keys = [...new Set(ids)].map((id) => ({ id }));
      const found = await Promise.all(
        (await batchGetAll(activities(), keys, {}, client)).map((item) => withTotals(ActivityRecord.parse(item), false)),
      );
      return new Map(found.map((record) => [record.id, record]));
    },
  };
};

export type ActivityRepository = ReturnType<typeof createActivityRepository>;
export const activityRepository = createActivityRepository();
