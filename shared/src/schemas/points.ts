import * as z from 'zod';
import { LedgerTypeSchema } from '../constants';
import { MAX_VALIDITY_MONTHS } from '../rules/expiry';
import { MAX_PARTY_MONTHLY_CAP, MAX_PARTY_POINTS_PER_OCCASION, PARTY_POINT_KINDS } from '../rules/party-points';
import { MAX_ENTRY_POINTS } from '../rules/ledger';
import { Id, IsoDateTime, ListQuery, page } from './common';

export const LedgerEntry = z.object({
  id: Id,
  type: LedgerTypeSchema,
  amount: z.number().int(),
  balanceAfter: z.number().int(),
  reason: z.string(),
  createdAt: IsoDateTime,
  actorId: Id.optional(),
  ref: z.string().optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** `GET /me/points` (docs/API.md), with the next page's cursor and the volunteer's star level beside. */
export const PointsResponse = z.object({
  balance: z.number().int(),
  entries: z.array(LedgerEntry),
  nextCursor: z.string().nullable(),
  approvedMinutes: z.number().int(),
  stars: z.number().int(),
  /** The soonest points to expire under the center's validity (none when points never expire or nothing is left). */
  expiring: z.object({ points: z.number().int(), expiresOn: z.string() }).nullable().optional(),
});
export type PointsResponse = z.infer<typeof PointsResponse>;

export const AdjustmentRequest = z
  .object({
    userId: Id,
    amount: z
      .number()
      .int()
      .min(-MAX_ENTRY_POINTS)
      .max(MAX_ENTRY_POINTS)
      .refine((amount) => amount !== 0, '不能为 0'),
    reason: z.string().trim().min(2, '请填写原因').max(100),
  })
  .strict();
export type AdjustmentRequest = z.infer<typeof AdjustmentRequest>;

export const EntryResponse = z.object({ entry: LedgerEntry });

export const RewardKindSchema = z.enum(['class_seat', 'service', 'goods']);
export type RewardKind = z.infer<typeof RewardKindSchema>;

const rewardFields = {
  title: z.string().trim().min(1, '请填写标题').max(40),
  description: z.string().trim().max(500).default(''),
  kind: RewardKindSchema,
  cost: z.number().int().min(1).max(100_000),
  stock: z.number().int().min(0).max(100_000),
  perUserLimit: z.number().int().min(1).max(100).default(1),
  availableFrom: IsoDateTime.optional(),
  availableUntil: IsoDateTime.optional(),
  /** For a class seat: the class activity the seat is in. */
  activityId: Id.optional(),
};

export const CreateRewardRequest = z
  .object(rewardFields)
  .strict()
  .superRefine((value, ctx) => {
    if (value.kind === 'class_seat' && !value.activityId)
      ctx.addIssue({ code: 'custom', path: ['activityId'], message: '公益班名额需关联课程活动' });
    if (value.availableFrom && value.availableUntil && Date.parse(value.availableUntil) <= Date.parse(value.availableFrom)) {
      ctx.addIssue({ code: 'custom', path: ['availableUntil'], message: '须晚于开始兑换时间' });
    }
  });
export type CreateRewardRequest = z.infer<typeof CreateRewardRequest>;

export const UpdateRewardRequest = z
  .object({
    title: rewardFields.title,
    description: rewardFields.description,
    cost: rewardFields.cost,
    /** Added to (or, negative, taken from) the stock; never below zero. */
    stockChange: z.number().int().min(-100_000).max(100_000),
    perUserLimit: rewardFields.perUserLimit,
    availableFrom: IsoDateTime,
    availableUntil: IsoDateTime,
    active: z.boolean(),
  })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: '没有需要修改的内容' });
export type UpdateRewardRequest = z.infer<typeof UpdateRewardRequest>;

export const Reward = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  kind: RewardKindSchema,
  cost: z.number().int(),
  stock: z.number().int(),
  perUserLimit: z.number().int(),
  availableFrom: IsoDateTime.optional(),
  availableUntil: IsoDateTime.optional(),
  activityId: Id.optional(),
  active: z.boolean(),
  createdAt: IsoDateTime,
});
export type Reward = z.infer<typeof Reward>;
export const RewardResponse = z.object({ reward: Reward });
/** `GET /rewards/{id}`: the reward, and how many of it the caller holds (issued or used; a cancelled one is given back). */
export const RewardDetailResponse = RewardResponse.extend({ redeemedByMe: z.number().int().min(0) });
/** `GET /rewards?active=`: only the rewards on offer (or only the retired ones, for coordinators). */
export const RewardListQuery = ListQuery.extend({
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export const RewardPage = page(Reward);

export const RedemptionStatusSchema = z.enum(['issued', 'fulfilled', 'cancelled']);
export type RedemptionStatus = z.infer<typeof RedemptionStatusSchema>;

export const Redemption = z.object({
  id: Id,
  rewardId: Id,
  userId: Id,
  nickname: z.string().optional(),
  title: z.string(),
  kind: RewardKindSchema,
  cost: z.number().int(),
  status: RedemptionStatusSchema,
  /** What the voucher's QR code holds; shown to its owner only. */
  voucher: z.string().optional(),
  activityId: Id.optional(),
  createdAt: IsoDateTime,
  fulfilledAt: IsoDateTime.optional(),
  cancelledAt: IsoDateTime.optional(),
});
export type Redemption = z.infer<typeof Redemption>;

export const RedeemRequest = z.object({ rewardId: Id }).strict();
export const RedemptionResponse = z.object({ redemption: Redemption, balance: z.number().int() });
export type RedemptionResponse = z.infer<typeof RedemptionResponse>;
export const RedemptionPage = page(Redemption);
export const FulfilRequest = z.object({ voucher: z.string().trim().min(1).max(200) }).strict();
export const FulfilResponse = z.object({ redemption: Redemption });
export const RedemptionListQuery = ListQuery.extend({ status: RedemptionStatusSchema.optional() });

const PartyPointRuleSchema = z
  .object({
    points: z
      .number()
      .int('须为整数')
      .min(0, '不能为负数')
      .max(MAX_PARTY_POINTS_PER_OCCASION, `每次最多 ${MAX_PARTY_POINTS_PER_OCCASION} 分`),
    monthlyCap: z
      .number()
      .int('须为整数')
      .min(1, '每月上限至少为 1')
      .max(MAX_PARTY_MONTHLY_CAP, `每月上限最多 ${MAX_PARTY_MONTHLY_CAP} 分`),
  })
  .strict();
/** 党员积分: points per occasion and the monthly cap of each kind. */
export const PartyPointRulesSchema = z
  .object({ meeting: PartyPointRuleSchema, material: PartyPointRuleSchema, quiz: PartyPointRuleSchema })
  .strict();

/** Months earned points stay valid, first earned first expired; 0: points never expire. */
const ValidityMonths = z
  .number({ error: '请填写有效期（月）' })
  .int('有效期须为整月数')
  .min(0, '有效期不能为负数')
  .max(MAX_VALIDITY_MONTHS, `有效期最长 ${MAX_VALIDITY_MONTHS} 个月`);

/** The center's points rules (`PUT /points/settings`): how long service points stay valid, and how 党员积分 are earned. Either or both. */
export const PointsSettings = z
  .object({ validityMonths: ValidityMonths, party: PartyPointRulesSchema })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: '没有需要修改的内容' });
export type PointsSettings = z.infer<typeof PointsSettings>;
export const PointsSettingsResponse = z.object({
  settings: z.object({ validityMonths: z.number().int(), party: PartyPointRulesSchema, updatedAt: IsoDateTime.optional() }),
});
export type PointsSettingsResponse = z.infer<typeof PointsSettingsResponse>;

export const PartyPointKindSchema = z.enum(PARTY_POINT_KINDS);

/** `GET /me/party-points`: the caller's 党员积分 account, apart from service points. */
export const PartyPointsResponse = z.object({
  partyMember: z.boolean(),
  balance: z.number().int(),
  entries: z.array(LedgerEntry),
  nextCursor: z.string().nullable(),
  /** The center's year so far. */
  year: z.object({ year: z.number().int(), total: z.number().int() }),
  /** This month by kind: earned, against the cap. */
  month: z.array(z.object({ kind: PartyPointKindSchema, earned: z.number().int(), points: z.number().int(), cap: z.number().int() })),
});
export type PartyPointsResponse = z.infer<typeof PartyPointsResponse>;

export const PartyRankingQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();
/** `GET /branches/{id}/party-points`: the branch's members by the year's 党员积分, highest first (民主评议). */
export const PartyRanking = z.object({
  branchId: Id,
  year: z.number().int(),
  items: z.array(z.object({ userId: Id, name: z.string(), total: z.number().int(), rank: z.number().int() })),
});
export type PartyRanking = z.infer<typeof PartyRanking>;
