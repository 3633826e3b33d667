/**
 * A hot activity's seats and registrations (hot.ts) as the repository runs them: which shard a seat is tried on,
 * the gate closed when every shard is full, and the reads that go over every shard and bucket.
 */
import { queryAll } from '../../lib/pagination';
import { type DocClient, type TransactItem, type TxOutcome, transactNamed } from '../../lib/db';
import { recentReads } from '../../lib/recent-reads';
import { tableName } from '../../lib/tables';
import { bucketOf, readShards, registrationPartitions, SHARDS, type ShardRecord, shardItems } from './hot';
import { cancelRegistration, promoteHead, putRegistration, type RegistrationRecord, readWaitlistHead, registrationOf } from './seats';

type Named<Name extends string> = { name: Name; item: TransactItem };

/** The repository's transaction of a registration's own items with what goes alongside it (repository.ts `register`). */
export type Register = <Name extends string>(own: Array<Named<Name>>) => Promise<TxOutcome<Name | 'exists' | 'holder' | 'used'>>;

const range = Array.from({ length: SHARDS }, (_, shard) => shard);

export const createHotSeats = (client: DocClient) => {
  const transact = <Name extends string>(items: Array<Named<Name>>) => transactNamed(client, items);

  /** This container's view of an activity's shards: read at most once a second; shards found full since are skipped. */
  const views = recentReads((activityId) => readShards(client, activityId, false));
  const foundFull = new WeakMap<ShardRecord[], Set<number>>();
  const fullIn = (shards: ShardRecord[]) => {
    const known = foundFull.get(shards);
    if (known) return known;
    const full = new Set<number>();
    foundFull.set(shards, full);
    return full;
  };

  /** Closes the gate (every shard at once, only if every seat is taken); one attempt at a time per activity here. */
  const closing = new Map<string, Promise<TxOutcome<'seat-free'>>>();
  const closeGate = (activityId: string) => {
    let attempt = closing.get(activityId);
    if (!attempt) {
      attempt = transact(range.map((shard) => ({ name: 'seat-free' as const, item: shardItems.close(activityId, shard) }))).finally(() =>
        closing.delete(activityId),
      );
      closing.set(activityId, attempt);
    }
    return attempt;
  };

  /**
   * Closes the gate once every shard is full (the transaction checks each), then reads the shards again: one
   * attempt at a time in this container, which the registrations finding every shard full share.
   */
  const closeWhenFull = async (activityId: string, shards: ShardRecord[]): Promise<'closed' | 'seat-free' | 'conflict'> => {
    const outcome = await closeGate(activityId);
    views.forget(activityId, { outOfDate: shards });
    return outcome === 'ok' ? 'closed' : outcome;
  };

  /** Whether this container's view of the shards is of the activity as the caller read it (given a version). */
  const current = (shards: ShardRecord[], version: number | undefined) =>
    version === undefined || shards.every((shard) => shard.version === version);

  return {
    /**
     * A seat on a shard this container believes has one free. `full` when the gate is closed (every seat taken, or
     * people wait), or this container's view is of another version of the activity: the engine then tries the waitlist.
     * The shards are read once a second for all of the container's registrations, never once each: a burst would
     * spend the shards' read capacity.
     */
    async take(record: RegistrationRecord, version: number | undefined, register: Register) {
      for (let tries = 0; tries < 3; tries++) {
        const shards = await views.recent(record.activityId);
        if (!current(shards, version)) {
          views.forget(record.activityId, { outOfDate: shards });
          return 'full' as const;
        }
        const full = fullIn(shards);
        const open = shards.filter((shard) => !shard.closed && shard.taken < shard.seats && !full.has(shard.shard));
        if (open.length === 0) {
          if (shards.every((shard) => shard.closed)) return 'full' as const;
          const gate = await closeWhenFull(record.activityId, shards);
          if (gate === 'closed') return 'full' as const;
          if (gate === 'conflict') return 'conflict' as const;
          continue;
        }
        const shard = open[Math.floor(Math.random() * open.length)]!.shard;
        const outcome = await register([
          { name: 'full', item: shardItems.take(record.activityId, shard, version) },
          { name: 'exists', item: putRegistration({ ...record, seatShard: shard }) },
        ]);
        if (outcome !== 'full') return outcome;
        // Full, closed, or the activity changed: this container tries another shard.
        full.add(shard);
      }
      return 'conflict' as const;
    },

    /**
     * A waitlist place counted on the person's own shard, if the gate is closed. While it is open, closes it first if
     * every seat is taken; `seat-free` when a seat is free (or the activity is no longer what the caller read).
     * Nobody tries a place before the gate is closed: those attempts would hold the shards the closing needs.
     */
    async wait(record: RegistrationRecord, version: number | undefined, register: Register) {
      const shards = await views.recent(record.activityId);
      if (!current(shards, version)) {
        views.forget(record.activityId, { outOfDate: shards });
        return 'seat-free' as const;
      }
      if (!shards.every((shard) => shard.closed)) {
        const full = fullIn(shards);
        if (shards.some((shard) => shard.taken < shard.seats && !full.has(shard.shard))) return 'seat-free' as const;
        const gate = await closeWhenFull(record.activityId, shards);
        if (gate !== 'closed') return gate;
      }
      const shard = bucketOf(record.userId);
      const outcome = await register([
        { name: 'seat-free', item: shardItems.wait(record.activityId, shard, version) },
        { name: 'exists', item: putRegistration({ ...record, waitShard: shard }) },
      ]);
      // The gate opened again (or the activity changed): this container reads the shards again.
      if (outcome === 'seat-free') views.forget(record.activityId);
      return outcome;
    },

    /** Opens the gate again, if nobody waits on any shard (checked in the same step). */
    openGate: (activityId: string) =>
      transact(range.map((shard) => ({ name: 'waiting' as const, item: shardItems.open(activityId, shard) }))),

    /** Hands a seat back and gives it to the head of the waitlist (the activity must be open). */
    releaseToHead: (record: RegistrationRecord, head: RegistrationRecord, now: string) =>
      transact([
        { name: 'changed' as const, item: cancelRegistration(record, 'confirmed', now) },
        { name: 'head-changed' as const, item: promoteHead(head, now, record.seatShard) },
        { name: 'closed' as const, item: shardItems.leave(head.activityId, head.waitShard!, { open: true }) },
      ]),

    /** Hands a seat back to its shard (the engine's `fill` then gives it to anyone waiting). */
    release: (record: RegistrationRecord, now: string) =>
      transact([
        { name: 'changed' as const, item: cancelRegistration(record, 'confirmed', now) },
        { name: 'changed' as const, item: shardItems.free(record.activityId, record.seatShard!) },
      ]),

    /** Cancels a live registration, its seat or place off its shard, handing nothing on. */
    cancel: (record: RegistrationRecord, now: string) =>
      transact([
        { name: 'changed' as const, item: cancelRegistration(record, record.status, now) },
        {
          name: 'changed' as const,
          item:
            record.status === 'confirmed'
              ? shardItems.free(record.activityId, record.seatShard!)
              : shardItems.leave(record.activityId, record.waitShard!),
        },
      ]),

    /** Moves the head of the waitlist into a free seat of `shard`. */
    fillSeat: (head: RegistrationRecord, shard: number, now: string) =>
      transact([
        { name: 'head-changed' as const, item: promoteHead(head, now, shard) },
        { name: 'no-seat' as const, item: shardItems.fill(head.activityId, shard) },
        { name: 'head-changed' as const, item: shardItems.leave(head.activityId, head.waitShard!) },
      ]),

    shards: (activityId: string) => readShards(client, activityId, true),

    /** The earliest waitlisted registration: the earliest of the buckets' heads. */
    async waitlistHead(activityId: string): Promise<RegistrationRecord | undefined> {
      const heads = await Promise.all(registrationPartitions(activityId).map((partition) => readWaitlistHead(client, partition)));
      return heads.filter((head): head is RegistrationRecord => head !== undefined).sort((a, b) => (a.waitSeq ?? 0) - (b.waitSeq ?? 0))[0];
    },

    /** Every waiting registration's number, in order (over every bucket). */
    async waitSeqs(activityId: string): Promise<Array<{ userId: string; waitSeq: number }>> {
      const perBucket = await Promise.all(
        registrationPartitions(activityId).map((partition) =>
          queryAll(
            (item) => ({ userId: item.userId as string, waitSeq: item.waitSeq as number }),
            {
              TableName: tableName('REGISTRATIONS_TABLE'),
              IndexName: 'byWaitSeq',
              KeyConditionExpression: 'activityId = :id',
              ExpressionAttributeValues: { ':id': partition },
              ProjectionExpression: 'userId, waitSeq',
              ConsistentRead: true,
            },
            client,
          ),
        ),
      );
      return perBucket.flat().sort((a, b) => a.waitSeq - b.waitSeq);
    },

    /** Every registration of the activity, over every bucket, in order of user id. */
    async all(activityId: string): Promise<RegistrationRecord[]> {
      const perBucket = await Promise.all(
        registrationPartitions(activityId).map((partition) =>
          queryAll(
            registrationOf,
            {
              TableName: tableName('REGISTRATIONS_TABLE'),
              KeyConditionExpression: 'activityId = :id',
              ExpressionAttributeValues: { ':id': partition },
              ConsistentRead: true,
            },
            client,
          ),
        ),
      );
      return perBucket.flat().sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
    },
  };
};

export type HotSeats = ReturnType<typeof createHotSeats>;
