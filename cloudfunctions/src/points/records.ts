/** What the rewards and redemptions tables hold, and how records become the API's shapes. */
import { Redemption, Reward, VOUCHER_PREFIX } from '@hele/shared';
import * as z from 'zod';

/** A reward as stored: the API's shape, with its catalogue key and who last changed it when. */
export const RewardRecord = Reward.extend({
  /** Index key of the catalogue: `active` or `inactive`. */
  listKey: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type RewardRecord = z.infer<typeof RewardRecord>;

/** A redemption as stored: the API's shape, with the voucher's secret (not the voucher) and who fulfilled it. */
export const RedemptionRecord = Redemption.omit({ voucher: true }).extend({
  voucherSecret: z.string(),
  /** The class registration made with the seat, so cancelling the voucher gives the seat back. */
  registrationId: z.string().optional(),
  fulfilledBy: z.string().optional(),
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
