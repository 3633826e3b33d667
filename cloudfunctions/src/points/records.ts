/** What the rewards and redemptions tables hold, and how records become the API's shapes. */
import { RedemptionStatusSchema, RewardKindSchema, VOUCHER_PREFIX, type Redemption, type Reward } from '@hele/shared';
import * as z from 'zod';

export const RewardRecord = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  kind: RewardKindSchema,
  cost: z.number().int(),
  stock: z.number().int(),
  perUserLimit: z.number().int(),
  availableFrom: z.string().optional(),
  availableUntil: z.string().optional(),
  activityId: z.string().optional(),
  active: z.boolean(),
  /** Index key of the catalogue: `active` or `inactive`. */
  listKey: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RewardRecord = z.infer<typeof RewardRecord>;

export const RedemptionRecord = z.object({
  id: z.string(),
  rewardId: z.string(),
  userId: z.string(),
  nickname: z.string().optional(),
  title: z.string(),
  kind: RewardKindSchema,
  cost: z.number().int(),
  status: RedemptionStatusSchema,
  voucherSecret: z.string(),
  activityId: z.string().optional(),
  /** The class registration made with the seat, so cancelling the voucher gives the seat back. */
  registrationId: z.string().optional(),
  createdAt: z.string(),
  fulfilledAt: z.string().optional(),
  fulfilledBy: z.string().optional(),
  cancelledAt: z.string().optional(),
});
export type RedemptionRecord = z.infer<typeof RedemptionRecord>;

export const toReward = ({ listKey: _listKey, createdBy: _by, updatedAt: _updated, ...reward }: RewardRecord): Reward => reward;

/** The voucher text is shown only to its owner (and sent by the owner's phone to the scanner). */
export const toRedemption = (record: RedemptionRecord, { withVoucher }: { withVoucher: boolean }): Redemption => {
  const { voucherSecret, registrationId: _registration, fulfilledBy: _by, ...fields } = record;
  return {
    ...fields,
    ...(withVoucher && record.status === 'issued' ? { voucher: `${VOUCHER_PREFIX}.${record.id}.${voucherSecret}` } : {}),
  };
};
