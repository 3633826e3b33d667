/**
 * Points: the member's balance and ledger, coordinators' adjustments, the rewards catalogue, and
 * redemption (积分兑换) — debit, stock, voucher and, for a class seat, the registration, in one
 * transaction — with cancellation that gives all of it back exactly once, and fulfilment by scan.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  hasAnyRole,
  LedgerType,
  parseVoucher,
  ErrorCode,
  Role,
  rewardAvailability,
  centerMonth,
  isPartyMember,
  PARTY_POINT_KINDS,
  rankByTotal,
  starLevel,
  upcomingExpiries,
  type AdjustmentRequest,
  type PointsSettings,
  type CreateRewardRequest,
  type LedgerEntry,
  type RedemptionResponse,
  type UpdateRewardRequest,
} from '@hele/shared';
import { ulid } from 'ulid';
import { doc, transactNamed } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../lib/errors';
import { partyAccount, type EntryRecord, type Ledger, type Named } from '../domain/ledger';
import { partyYearItem, type createPartyPoints } from '../domain/party-points';
import type { IdempotencyClaim } from '../lib/idempotency-folded';
import { accountOpenCondition, branchMembers, loadUser, onClaimsThenRecord, type Principal } from '../lib/principal';
import { oneAtATime } from '../lib/one-at-a-time';
import { DEFAULT_RETRY, retrying } from '../lib/retry';
import { HOT_CAPACITY, isHot } from '../domain/activities/hot';
import { isLive, seatItems, type RegistrationRecord } from '../domain/activities/seats';
import { approvedMinutesOf } from '../domain/service-records';
import { toRedemption, toReward, type RedemptionRecord, type RewardRecord } from './records';
import { lotsOf } from './expiry';
import type {
  pointsSettingsRepository as PointsSettingsRepository,
  classSeats as ClassSeats,
  redemptionRepository as RedemptionRepository,
  rewardRepository as RewardRepository,
} from './repository';

export interface PointsDeps {
  ledger: Ledger;
  rewards: typeof RewardRepository;
  redemptions: typeof RedemptionRepository;
  seats: typeof ClassSeats;
  settings: typeof PointsSettingsRepository;
  party: ReturnType<typeof createPartyPoints>;
  now?: () => Date;
}

const isCoordinator = (caller: Principal) => hasAnyRole(caller.roles, [Role.COORDINATOR]);

export const toEntry = ({ id, type, amount, balanceAfter, reason, createdAt, actorId, ref }: EntryRecord): LedgerEntry => ({
  id,
  type,
  amount,
  balanceAfter,
  reason,
  createdAt,
  actorId,
  ...(ref ? { ref } : {}),
});

const REFUSALS: Record<string, () => ConflictError> = {
  stock: () => new ConflictError(ErrorCode.OUT_OF_STOCK, 'This reward is out of stock'),
  limit: () => new ConflictError(ErrorCode.REDEMPTION_LIMIT, 'You have redeemed this reward as often as allowed'),
  full: () => new ConflictError(ErrorCode.CLASS_FULL, 'The class has no free seat'),
  exists: () => new ConflictError(ErrorCode.ALREADY_REGISTERED, 'You are already registered for this class'),
  redemption: () => new ConflictError('CONFLICT', 'Try again'),
};

const secretsMatch = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const createPointsService = ({ ledger, rewards, redemptions, seats, settings, party, now = () => new Date() }: PointsDeps) => {
  const requireReward = async (id: string) => {
    const reward = await rewards.get(id);
    if (!reward) throw new NotFoundError('Reward');
    return reward;
  };
  const requireRedemption = async (id: string, caller: Principal) => {
    const redemption = await redemptions.get(id);
    // Someone else's voucher does not exist for a member.
    if (!redemption || (redemption.userId !== caller.id && !isCoordinator(caller))) throw new NotFoundError('Redemption');
    return redemption;
  };

  const soonestExpiry = async (userId: string, balance: number) => {
    if (balance <= 0) return null;
    const { validityMonths } = await settings.get();
    if (validityMonths <= 0) return null;
    const { lots } = await lotsOf(ledger, userId);
    return upcomingExpiries(lots, validityMonths, now())[0] ?? null;
  };

  const perAccount = oneAtATime();

  /** One redemption for `caller` (see `redeem`). */
  const redeemAs = async (rewardId: string, caller: Principal, claim?: IdempotencyClaim): Promise<RedemptionResponse> => {
    const at = now();
    const { reward, balance } = await rewards.withBalance(rewardId, caller.id);
    if (!reward) throw new NotFoundError('Reward');
    const available = rewardAvailability(reward, at);
    if (!available.ok) throw new ConflictError(available.code, available.message);
    const id = ulid(at.getTime());
    const iso = at.toISOString();
    const registration: RegistrationRecord | undefined =
      reward.kind === 'class_seat' && reward.activityId
        ? {
            activityId: reward.activityId,
            userId: caller.id,
            id: ulid(at.getTime()),
            nickname: caller.nickname,
            status: 'confirmed',
            registeredAt: iso,
            updatedAt: iso,
          }
        : undefined;
    const record: RedemptionRecord = {
      id,
      rewardId,
      userId: caller.id,
      nickname: caller.nickname,
      title: reward.title,
      kind: reward.kind,
      cost: reward.cost,
      status: 'issued',
      voucherSecret: randomBytes(18).toString('base64url'),
      ...(registration ? { activityId: registration.activityId, registrationId: registration.id } : {}),
      createdAt: iso,
    };
    const items: Array<Named<string>> = [
      { name: 'stock', item: rewards.items.takeStock(rewardId) },
      { name: 'limit', item: rewards.items.countForMember(rewardId, caller.id, reward.perUserLimit) },
      { name: 'redemption', item: rewards.items.putRedemption(record) },
      ...(registration ? seatItems.take(registration) : []),
      // Nothing is spent after the account's closing; a caller taken from the token still has the nickname the voucher gets.
      { name: 'holder', item: accountOpenCondition(caller.id, caller.fromToken ? { nickname: caller.nickname } : undefined) },
    ];
    const redemption = toRedemption(record, { withVoucher: true });
    const outcome = await ledger.append(
      {
        userId: caller.id,
        type: LedgerType.REDEEM,
        amount: -reward.cost,
        reason: `兑换：${reward.title}`,
        actorId: caller.id,
        idempotencyKey: `redeem:${id}`,
        ref: id,
      },
      items,
      at,
      {
        freshKey: true,
        balance,
        ...(claim
          ? { once: { item: (balanceAfter: number) => claim.record({ redemption, balance: balanceAfter }, 201), used: claim.used } }
          : {}),
      },
    );
    if (outcome.status === 'refused' && outcome.by === 'holder') throw new UnauthenticatedError('This account was closed');
    if (outcome.status === 'refused') throw (REFUSALS[outcome.by] ?? REFUSALS.redemption!)();
    claim?.kept();
    return { redemption, balance: outcome.balance };
  };

  return {
    async myPoints(caller: Principal, query: { limit: number; cursor?: string }) {
      const [balance, page, minutes] = await Promise.all([
        ledger.balanceOf(caller.id),
        ledger.entries(caller.id, query),
        approvedMinutesOf(caller.id),
      ]);
      return {
        balance: balance?.balance ?? 0,
        entries: page.items.map(toEntry),
        nextCursor: page.nextCursor,
        approvedMinutes: minutes,
        stars: starLevel(minutes).stars,
        // The first page says which points expire soonest (the whole ledger read, FIFO by earning day).
        ...(query.cursor ? {} : { expiring: await soonestExpiry(caller.id, balance?.balance ?? 0) }),
      };
    },

    /** 党员积分: the caller's party account, this month against the caps, and the year so far. */
    async myPartyPoints(caller: Principal, query: { limit: number; cursor?: string }) {
      const month = centerMonth(now().toISOString());
      const year = Number(month.slice(0, 4));
      const account = partyAccount(caller.id);
      const [user, balance, page, earned, totals, rules] = await Promise.all([
        loadUser(caller.id),
        ledger.balanceOf(account),
        ledger.entries(account, query),
        party.monthOf(caller.id, month),
        party.yearTotals([caller.id], year),
        settings.get(),
      ]);
      return {
        partyMember: !!user && isPartyMember(user),
        balance: balance?.balance ?? 0,
        entries: page.items.map(toEntry),
        nextCursor: page.nextCursor,
        year: { year, total: totals.get(caller.id) ?? 0 },
        month: PARTY_POINT_KINDS.map((kind) => ({
          kind,
          earned: earned[kind],
          points: rules.party[kind].points,
          cap: rules.party[kind].monthlyCap,
        })),
      };
    },

    /** A coordinator's correction of 党员积分: in the party account and the year's total, never below zero. */
    async adjustPartyPoints({ userId, amount, reason }: AdjustmentRequest, caller: Principal, idempotencyKey?: string) {
      if (!(await loadUser(userId))) throw ValidationError.field('userId', '用户不存在');
      const at = now();
      const account = partyAccount(userId);
      const outcome = await ledger.append(
        {
          userId: account,
          type: LedgerType.ADJUST,
          amount,
          reason,
          actorId: caller.id,
          idempotencyKey: `adjust:${caller.id}:${idempotencyKey ?? ulid()}`,
        },
        [{ name: 'year', item: partyYearItem(account, centerMonth(at.toISOString()).slice(0, 4), amount) }],
        at,
      );
      if (outcome.status === 'refused') throw new ConflictError('CONFLICT', 'Try again');
      return { entry: toEntry(outcome.entry), created: outcome.status === 'applied' };
    },

    /** A branch's members by the year's 党员积分 (民主评议): for coordinators and the branch's own secretary and members. */
    async partyRanking(branchId: string, year: number | undefined, caller: Principal) {
      if (!isCoordinator(caller) && caller.branchId !== branchId)
        throw new ForbiddenError('Only the branch and the center see its ranking', 'NOT_YOUR_BRANCH');
      const theYear = year ?? Number(centerMonth(now().toISOString()).slice(0, 4));
      const members = await branchMembers(branchId);
      const totals = await party.yearTotals(
        members.map((member) => member.id),
        theYear,
      );
      return {
        branchId,
        year: theYear,
        items: rankByTotal(
          members.map((member) => ({ userId: member.id, name: member.realName ?? member.nickname, total: totals.get(member.id) ?? 0 })),
        ),
      };
    },

    async getSettings() {
      return { settings: await settings.get() };
    },

    /** The center's validity (the next scheduled run expires by it) and 党员积分 rules (the next occasion pays by them). */
    async setSettings(input: PointsSettings, caller: Principal) {
      const at = now().toISOString();
      return { settings: await settings.put(input, caller.id, at) };
    },

    /** A coordinator's adjustment: the entry names who and why (the audit trail is the ledger itself). */
    async adjust({ userId, amount, reason }: AdjustmentRequest, caller: Principal, idempotencyKey?: string) {
      if (!(await loadUser(userId))) throw ValidationError.field('userId', '用户不存在');
      const outcome = await ledger.append({
        userId,
        type: LedgerType.ADJUST,
        amount,
        reason,
        actorId: caller.id,
        idempotencyKey: `adjust:${caller.id}:${idempotencyKey ?? ulid()}`,
      });
      if (outcome.status === 'refused') throw new ConflictError('CONFLICT', 'Try again');
      return { entry: toEntry(outcome.entry), created: outcome.status === 'applied' };
    },

    async createReward(input: CreateRewardRequest, caller: Principal) {
      if (input.kind === 'class_seat') {
        const activity = await seats.activity(input.activityId!);
        if (!activity) throw ValidationError.field('activityId', '活动不存在');
        // A hot activity's seats are on its shards, which a redemption's transaction does not take (hot.ts).
        if (isHot(activity.id)) throw ValidationError.field('activityId', `热门活动（${HOT_CAPACITY} 个名额以上）的名额不能用积分兑换`);
      }
      const at = now().toISOString();
      const record: RewardRecord = {
        ...input,
        id: ulid(),
        active: true,
        listKey: 'active',
        createdBy: caller.id,
        createdAt: at,
        updatedAt: at,
      };
      await rewards.create(record);
      return toReward(record);
    },

    async listRewards(query: { limit: number; cursor?: string; active?: boolean }, caller: Principal) {
      const active = query.active ?? true;
      if (!active && !isCoordinator(caller)) throw new ForbiddenError('Only coordinators see the retired rewards');
      const page = await rewards.list({ active, limit: query.limit, cursor: query.cursor });
      return { items: page.items.map(toReward), nextCursor: page.nextCursor };
    },

    /** A reward, with how many of it the caller holds: the page says when the per-member limit is reached. */
    async getReward(id: string, caller: Principal) {
      const [reward, redeemedByMe] = await Promise.all([requireReward(id), rewards.redeemedBy(id, caller.id)]);
      return { reward: toReward(reward), redeemedByMe };
    },

    async updateReward(id: string, { stockChange = 0, active, ...fields }: UpdateRewardRequest) {
      const changes: Partial<RewardRecord> = { ...fields, updatedAt: now().toISOString() };
      if (active !== undefined) Object.assign(changes, { active, listKey: active ? 'active' : 'inactive' });
      const result = await rewards.update(id, changes, stockChange);
      if (result === 'missing') throw new NotFoundError('Reward');
      if (result === 'negative-stock') throw ValidationError.field('stockChange', '库存不能少于 0');
      return toReward(result);
    },

    /**
     * Debits the cost, takes one unit of stock, issues the voucher (and for a class seat, registers) — all or
     * nothing, in one transaction that also keeps the request's Idempotency-Key (`claim`, lib/idempotency-folded)
     * and checks the account is open. The reward and the balance are read together, once; the caller may be
     * taken from the token (lib/http `decidedOnToken`), not read.
     */
    redeem(rewardId: string, caller: Principal, claim?: IdempotencyClaim): Promise<RedemptionResponse> {
      // One account's redemptions in this process in turn: each reads the balance the one before left.
      return perAccount(caller.id, () => onClaimsThenRecord(caller, (who) => redeemAs(rewardId, who, claim)));
    },

    /** Gives points, stock and (for a class seat) the seat back, once; a fulfilled voucher stays used. */
    async cancelRedemption(id: string, caller: Principal) {
      return retrying(
        async () => {
          const at = now();
          const iso = at.toISOString();
          const redemption = await requireRedemption(id, caller);
          if (redemption.status === 'fulfilled') throw new ConflictError(ErrorCode.VOUCHER_USED, 'The voucher has been used');
          if (redemption.status === 'cancelled') {
            return {
              redemption: toRedemption(redemption, { withVoucher: false }),
              balance: (await ledger.balanceOf(redemption.userId))?.balance ?? 0,
            };
          }
          const seat = redemption.activityId ? await seats.registration(redemption.activityId, redemption.userId) : undefined;
          const seatStillHeld = isLive(seat) && seat.status === 'confirmed' && seat.id === redemption.registrationId;
          const head = seatStillHeld ? await seats.waitlistHead(redemption.activityId!) : undefined;
          const items: Array<Named<string>> = [
            { name: 'state', item: rewards.items.closeRedemption(id, 'cancelled', iso) },
            { name: 'stock', item: rewards.items.returnStock(redemption.rewardId) },
            { name: 'counter', item: rewards.items.uncountForMember(redemption.rewardId, redemption.userId) },
            ...(seatStillHeld ? (head ? seatItems.releaseToHead(seat, head, iso) : seatItems.release(seat, iso)) : []),
          ];
          const outcome = await ledger.append(
            {
              userId: redemption.userId,
              type: LedgerType.REFUND,
              amount: redemption.cost,
              reason: `取消兑换：${redemption.title}`,
              actorId: caller.id,
              idempotencyKey: `refund:${id}`,
              ref: id,
            },
            items,
            at,
          );
          if (outcome.status === 'refused') return undefined; // the voucher or the class changed meanwhile: read again
          return {
            redemption: toRedemption({ ...redemption, status: 'cancelled', cancelledAt: iso }, { withVoucher: false }),
            balance: outcome.balance,
          };
        },
        DEFAULT_RETRY,
        () => new ConflictError('BUSY', 'The voucher is changing right now, try again'),
      );
    },

    /** A coordinator scans the member's voucher: it is used once. */
    async fulfil(voucher: string, caller: Principal) {
      const parsed = parseVoucher(voucher);
      if (!parsed) throw ValidationError.field('voucher', '不是本中心的兑换券');
      const redemption = await redemptions.get(parsed.redemptionId);
      if (!redemption || !secretsMatch(redemption.voucherSecret, parsed.secret)) throw ValidationError.field('voucher', '兑换券无效');
      if (redemption.status === 'fulfilled') throw new ConflictError(ErrorCode.VOUCHER_USED, 'The voucher has already been used');
      if (redemption.status === 'cancelled') throw new ConflictError(ErrorCode.VOUCHER_CANCELLED, 'The voucher was cancelled');
      const iso = now().toISOString();
      const outcome = await transactNamed(doc, [
        { name: 'state', item: rewards.items.closeRedemption(redemption.id, 'fulfilled', iso, caller.id) },
      ]);
      if (outcome !== 'ok') throw new ConflictError(ErrorCode.VOUCHER_USED, 'The voucher has already been used');
      return {
        redemption: toRedemption({ ...redemption, status: 'fulfilled', fulfilledAt: iso, fulfilledBy: caller.id }, { withVoucher: false }),
      };
    },

    async myRedemptions(caller: Principal, query: { limit: number; cursor?: string }) {
      const page = await redemptions.byUser(caller.id, query);
      return { items: page.items.map((record) => toRedemption(record, { withVoucher: true })), nextCursor: page.nextCursor };
    },

    async listRedemptions(query: { limit: number; cursor?: string; status?: string }) {
      const page = await redemptions.byStatus(query.status ?? 'issued', query);
      return { items: page.items.map((record) => toRedemption(record, { withVoucher: false })), nextCursor: page.nextCursor };
    },
  };
};
