/**
 * The registration engine shared by every kind of activity: register, waitlist, cancel with
 * promotion of the earliest waitlisted, and the lists. Every change goes through one conditional
 * transaction of the repository; when a transaction loses a race, the engine reads again and
 * retries with backoff, so confirmed never exceeds capacity and no waitlist place is skipped.
 */
import {
  ActivityStatus,
  canCancel,
  admits,
  canRegister,
  compareForMyList,
  participationState,
  ErrorCode,
  TRAINING_TOPIC_LABELS,
  type Registration,
  type RegistrationListQuery,
} from '@hele/shared';
import { ulid } from 'ulid';
import * as z from 'zod';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../../lib/errors';
import { postMessage } from '../inbox';
import { myLeaves } from '../leaves';
import { sortedPage } from '../../lib/pagination';
import { logger } from '../../lib/logger';
import type { TransactItem } from '../../lib/db';
import { accountOpenCondition, onClaimsThenRecord, type Principal } from '../../lib/principal';
import { retrying, type RetryOptions, DEFAULT_RETRY } from '../../lib/retry';
import { trainings } from '../trainings';
import { isLive, toRegistration, type ActivityRecord, type RegistrationRecord } from './records';
import { isHot } from './hot';
import { nextWaitSeq } from './seats';
import { SeatAttempts } from './seat-attempts';
import { recentReads } from '../../lib/recent-reads';
import type { ActivityRepository } from './repository';

export interface EngineDeps {
  repository: ActivityRepository;
  now?: () => Date;
  retry?: RetryOptions;
  /** How long a read of an activity decides this container's registrations (their transactions check its version). */
  activityReadMs?: number;
}

/**
 * The record of a registration's Idempotency-Key, folded into its transaction (lib/idempotency-folded):
 * the engine puts it in the seat's or the waitlist place's transaction and says what became of it.
 */
export interface RegistrationOnce {
  /** The record answering `registration` (a new one), as a transaction item that fails if the key was used. */
  record(registration: Registration): TransactItem;
  kept(): void;
  /** The key was used already: stops here (the first answer is replayed). */
  used(): never;
}

export interface CancelOptions {
  /** The account is closing: its seat goes back even past the cancellation deadline (the person will not come). */
  closingAccount?: boolean;
}

/** Tells a member they moved from the waitlist into a seat; a lost message never undoes the seat. */
const tellPromoted = (head: RegistrationRecord, activity: Pick<ActivityRecord, 'title'>) =>
  postMessage({
    userId: head.userId,
    kind: 'promoted',
    activityId: head.activityId,
    title: '候补成功',
    body: `你已从候补转为正式报名：${activity.title}。如不能参加，请及时取消，把名额让给他人。`,
  }).catch((error: Error) => logger.warn('promotion message not posted', { activityId: head.activityId, error }));

/** Where a page of 我的报名 ended: the last activity's place in the list's order. */
const MyListKey = z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string() }).strict();

export const busy = () => new ConflictError(ErrorCode.BUSY, 'Too many people are registering right now, try again');

const closed = () => new UnauthenticatedError('This account was closed');

/** Why `caller` may not register for `activity` at `at`, if they may not. */
const refusalOf = async (activity: ActivityRecord | undefined, caller: Principal, at: Date): Promise<Error | undefined> => {
  if (!activity) return new NotFoundError('Activity');
  const verdict = canRegister(activity, at);
  if (!verdict.ok) return new ConflictError(verdict.code, verdict.message);
  if (!admits(activity, caller)) {
    return new ConflictError(ErrorCode.BRANCH_ONLY, 'This meeting is for its branch only', [
      { path: 'branchId', message: '仅限本支部党员' },
    ]);
  }
  // Some service activities need an academy training first (e.g. first aid before elderly outings).
  if (activity.requiredTraining && !(await trainings.hasCompleted(caller.id, activity.requiredTraining))) {
    return new ConflictError('TRAINING_REQUIRED', `Complete the ${activity.requiredTraining} training first`, [
      { path: 'requiredTraining', message: TRAINING_TOPIC_LABELS[activity.requiredTraining] },
    ]);
  }
  return undefined;
};

export const createRegistrationEngine = ({
  repository,
  now = () => new Date(),
  retry = DEFAULT_RETRY,
  activityReadMs = 1000,
}: EngineDeps) => {
  const withRetries = <T>(attempt: (n: number) => Promise<T | undefined>): Promise<T> => retrying(attempt, retry, busy);

  const requireActivity = async (activityId: string): Promise<ActivityRecord> => {
    const activity = await repository.getActivity(activityId);
    if (!activity) throw new NotFoundError('Activity');
    return activity;
  };

  const activityReads = recentReads((id) => repository.getActivity(id), {
    maxAgeMs: activityReadMs,
    clock: () => now().getTime(),
  });
  // The seat attempts made on each shared read (a new read starts afresh).
  const seatAttempts = new WeakMap<ActivityRecord, SeatAttempts>();
  const seatAttemptsOn = (activity: ActivityRecord): SeatAttempts => {
    const known = seatAttempts.get(activity);
    if (known) return known;
    const attempts = new SeatAttempts(activity);
    seatAttempts.set(activity, attempts);
    return attempts;
  };

  /**
   * The activity, if it takes the caller's registration now, as this container read it in the last
   * `activityReadMs` (a registration's transaction holds only while the activity's version is the one read;
   * a refusal may rest on a read that old: an edit that lets the caller in reaches them within that time).
   */
  const admitting = async (activityId: string, caller: Principal, at: Date): Promise<ActivityRecord> => {
    const activity = await activityReads.recent(activityId);
    const refusal = await refusalOf(activity, caller, at);
    if (refusal) throw refusal;
    return activity!;
  };

  const withPosition = async (record: RegistrationRecord): Promise<Registration> =>
    toRegistration(
      record,
      record.status === 'waitlisted' && record.waitSeq !== undefined
        ? await repository.waitlistPosition(record.activityId, record.waitSeq)
        : undefined,
    );

  /**
   * A hot activity's seats and waitlist brought in line (hot.ts): while people wait and a shard has a seat free, the
   * head of the waitlist takes it; when nobody waits and a seat is free, the gate opens again. Run after anything
   * that frees a seat or a place, or adds seats.
   */
  const fill = async (activityId: string): Promise<number> => {
    let promoted = 0;
    let activity: ActivityRecord | undefined;
    await withRetries(async () => {
      for (;;) {
        const shards = await repository.hotShards(activityId);
        if (shards[0]?.status !== ActivityStatus.PUBLISHED) return true;
        const waiting = shards.some((shard) => shard.waiting > 0);
        const free = shards.filter((shard) => shard.taken < shard.seats);
        if (free.length === 0) return true;
        if (!waiting) {
          if (!shards.some((shard) => shard.closed)) return true;
          // Nobody waits and a seat is free: open the gate, unless someone joined meanwhile (then read again).
          return (await repository.openGate(activityId)) === 'ok' ? true : undefined;
        }
        const head = await repository.waitlistHead(activityId);
        if (!head) return undefined;
        const outcome = await repository.fillSeat(head, free[Math.floor(Math.random() * free.length)]!.shard, now().toISOString());
        if (outcome !== 'ok') return undefined;
        promoted++;
        activity ??= await requireActivity(activityId);
        await tellPromoted(head, activity);
      }
    });
    return promoted;
  };

  /** Hands free seats (capacity raised) to the waitlist, earliest first. */
  const promoteWhileSeatsFree = async (activityId: string): Promise<number> => {
    if (isHot(activityId)) return fill(activityId);
    const activity = await requireActivity(activityId);
    let promoted = 0;
    await withRetries(async () => {
      for (;;) {
        const head = await repository.waitlistHead(activityId);
        if (!head) return true;
        const outcome = await repository.promoteIntoFreeSeat(head, now().toISOString());
        if (outcome === 'no-seat') return true;
        if (outcome !== 'ok') return undefined;
        promoted++;
        await tellPromoted(head, activity);
      }
    });
    return promoted;
  };

  /** Gives the caller's place back; a freed seat goes to the earliest waitlisted in the same step. */
  const cancel = async (activityId: string, caller: Principal, { closingAccount = false }: CancelOptions = {}): Promise<Registration> => {
    const at = now();
    const activity = await requireActivity(activityId);
    const registration = await repository.getRegistration(activityId, caller.id);
    if (!isLive(registration)) throw new NotFoundError('Live registration', ErrorCode.NOT_REGISTERED);
    const verdict = canCancel(activity, registration.status, at);
    if (!verdict.ok && !closingAccount) throw new ConflictError(verdict.code, verdict.message);
    const nowIso = at.toISOString();
    const cancelled = (record: RegistrationRecord): Registration =>
      toRegistration({ ...record, status: 'cancelled', cancelledAt: nowIso, updatedAt: nowIso });

    const outcome = await withRetries(async (attempt) => {
      const current = attempt === 0 ? registration : await repository.getRegistration(activityId, caller.id);
      if (!isLive(current)) return current ? toRegistration(current) : undefined;
      if (current.status === 'waitlisted') {
        return (await repository.leaveWaitlist(current, nowIso)) === 'ok' ? cancelled(current) : undefined;
      }
      const head = await repository.waitlistHead(activityId);
      const outcome = head ? await repository.releaseSeatToHead(current, head, nowIso) : await repository.releaseSeat(current, nowIso);
      if (outcome === 'ok') {
        if (head) await tellPromoted(head, activity);
        return cancelled(current);
      }
      if (outcome === 'closed') {
        // The activity was cancelled meanwhile: nobody is promoted into it.
        return (await repository.cancelWithoutPromotion(current, nowIso)) === 'ok' ? cancelled(current) : undefined;
      }
      return undefined;
    });
    // A hot activity's freed seat or place: anyone waiting takes a free seat, or the gate opens again.
    if (isHot(activityId)) await fill(activityId);
    return outcome;
  };

  /**
   * `created` is false when the caller already held a live registration (docs/API.md: 200, not a second one).
   * A new waitlist place is answered without its position: counting the people ahead is left to the reads
   * (the activity, 我的报名), so the place costs one transaction however long the queue.
   */
  const decide = async (
    activityId: string,
    caller: Principal,
    once?: RegistrationOnce,
  ): Promise<{ registration: Registration; created: boolean }> => {
    const at = now();
    let activity = await admitting(activityId, caller, at);
    const nowIso = at.toISOString();
    const fresh: RegistrationRecord = {
      activityId,
      userId: caller.id,
      id: ulid(),
      nickname: caller.nickname,
      status: 'confirmed',
      registeredAt: nowIso,
      updatedAt: nowIso,
    };
    // Where a waitlist place would stand: asked for now (later tries keep it).
    const waitSeq = nextWaitSeq(at);
    // A live registration of the caller fails the put's condition; then we answer with it.
    const theOneThatExists = async () => {
      const current = await repository.getRegistration(activityId, caller.id);
      return isLive(current) ? { registration: await withPosition(current), created: false } : undefined;
    };
    // Closing an account tombstones it before cancelling its registrations (account/close.ts): the
    // registration's own transaction holds only while the account is open, so none is written after. A
    // caller taken from the token is held to the nickname the record gets and the branch it was admitted on.
    const holderOn = ({ branchOnly }: ActivityRecord) =>
      accountOpenCondition(
        caller.id,
        caller.fromToken ? { nickname: caller.nickname, ...(branchOnly ? { branchId: caller.branchId } : {}) } : undefined,
      );

    let readAgain = false;

    return await withRetries(async () => {
      if (readAgain) {
        // Concurrent registrations that found this read out of date share the next one.
        activityReads.forget(activityId, { outOfDate: activity });
        activity = await admitting(activityId, caller, at);
        readAgain = false;
      }
      // The dashboard's sign-ups are counted by the seat's or the place's own update of the activity (seats.ts).
      const alongside = {
        holder: holderOn(activity),
        version: activity.version,
      };
      // When the read (and what this container learnt since) shows a full house or a queue, go straight for a waitlist place.
      const attempts = seatAttemptsOn(activity);
      if (await attempts.worthTrying()) {
        const registration = toRegistration(fresh);
        let seat: Awaited<ReturnType<typeof repository.confirmSeat>> | undefined;
        try {
          seat = await repository.confirmSeat(fresh, { ...alongside, once: once?.record(registration) });
        } finally {
          attempts.settled(seat === 'ok' || seat === 'full' ? seat : 'other');
        }
        if (seat === 'ok') {
          once?.kept();
          return { registration, created: true };
        }
        if (seat === 'used') once!.used();
        if (seat === 'exists') return theOneThatExists();
        if (seat === 'holder') throw closed();
        if (seat === 'conflict') return undefined;
        // Full, or the activity changed: this container's next registrations read it again.
        activityReads.forget(activityId, { outOfDate: activity });
      }

      const waiting: RegistrationRecord = { ...fresh, status: 'waitlisted', waitSeq };
      const registration = toRegistration(waiting);
      const place = await repository.joinWaitlist(waiting, { ...alongside, once: once?.record(registration) });
      if (place === 'ok') {
        once?.kept();
        return { registration, created: true };
      }
      if (place === 'used') once!.used();
      if (place === 'exists') return theOneThatExists();
      if (place === 'holder') throw closed();
      // A seat came free, the activity was edited or closed meanwhile: read it again. Or a conflict: try again.
      if (place === 'seat-free') readAgain = true;
      return undefined;
    });
  };

  return {
    promoteWhileSeatsFree,
    cancel,

    /**
     * Registers the caller (`decide`). A caller taken from the token (`fromToken`, not read) is registered on
     * what the token says, which the registration's own transaction checks; a refusal, or a check that fails
     * (a changed nickname or branch, a closed account), is decided again on their record (onClaimsThenRecord).
     */
    async register(
      activityId: string,
      caller: Principal,
      once?: RegistrationOnce,
    ): Promise<{ registration: Registration; created: boolean }> {
      return onClaimsThenRecord(caller, (who) => decide(activityId, who, once));
    },

    /**
     * A seat taken on arrival, with its check-in in the same transaction (a roster member checking in without
     * having registered, a walk-in): the seat's conditions are registration's, so confirmed never exceeds
     * capacity and nobody skips the waitlist. `exists`: the person holds a live registration already.
     */
    seatOnArrival: (record: RegistrationRecord, alongside: TransactItem[]): Promise<'ok' | 'full' | 'exists'> =>
      withRetries(async () => {
        const outcome = await repository.confirmSeat(record, { counted: alongside });
        // No account condition nor key record was given (a walk-in has no account), so none can fail.
        if (outcome === 'holder' || outcome === 'used') throw new Error(`unexpected ${outcome} condition on a seat taken on arrival`);
        return outcome === 'conflict' ? undefined : outcome;
      }),

    /** Cancels every live registration of a cancelled activity; returns whom it affected. */
    async cancelAll(activityId: string): Promise<RegistrationRecord[]> {
      const nowIso = now().toISOString();
      const affected: RegistrationRecord[] = [];
      for (const record of await repository.allRegistrations(activityId)) {
        if (!isLive(record)) continue;
        await withRetries(async (attempt) => {
          const current = attempt === 0 ? record : await repository.getRegistration(activityId, record.userId);
          if (!isLive(current)) return true;
          if ((await repository.cancelWithoutPromotion(current, nowIso)) !== 'ok') return undefined;
          affected.push(current);
          return true;
        });
      }
      return affected;
    },

    async list(activityId: string, query: RegistrationListQuery) {
      await requireActivity(activityId);
      const [page, positions] = await Promise.all([
        repository.listRegistrations(activityId, query),
        repository.waitlistPositions(activityId),
      ]);
      const items = page.items.map((record) => toRegistration(record, positions.get(record.userId)));
      return { items, nextCursor: page.nextCursor };
    },

    /**
     * 我的报名: every registration of the caller, each with its activity and the caller's state there
     * (their leave included), what is to come first by start time, then what is over, most recent first.
     */
    async listMine(caller: Principal, query: { limit: number; cursor?: string }) {
      const at = now();
      const records = await repository.allOfUser(caller.id);
      const ids = records.map((record) => record.activityId);
      const [activities, leaves] = await Promise.all([repository.getActivities(ids), myLeaves(caller.id, ids)]);
      const lines = await Promise.all(
        records.flatMap((record) => {
          const activity = activities.get(record.activityId);
          if (!activity) return [];
          const leave = leaves.get(record.activityId)?.status;
          return [
            withPosition(record).then((registration) => ({
              ...registration,
              activity: {
                id: activity.id,
                title: activity.title,
                kind: activity.kind,
                startsAt: activity.startsAt,
                endsAt: activity.endsAt,
                venue: activity.venue,
                status: activity.status,
              },
              state: participationState({ status: record.status, checkedInAt: record.checkedInAt, leave, activity }, at),
              ...(leave ? { leave } : {}),
            })),
          ];
        }),
      );
      const order = compareForMyList(at);
      const keyOf = ({ activity }: (typeof lines)[number]) => ({ id: activity.id, startsAt: activity.startsAt, endsAt: activity.endsAt });
      return sortedPage(
        lines.sort((a, b) => order(keyOf(a), keyOf(b))),
        { key: MyListKey, keyOf, compare: order, list: 'my-registrations' },
        query,
      );
    },
  };
};

export type RegistrationEngine = ReturnType<typeof createRegistrationEngine>;
