/** Points routes (API.md): balance and ledger, adjustments, rewards, redemptions and vouchers. */
import {
  AdjustmentRequest,
  CreateRewardRequest,
  FulfilRequest,
  IdParams,
  ListQuery,
  RedeemRequest,
  RedemptionListQuery,
  Role,
  UpdateRewardRequest,
} from '@hele/shared';
import { z } from 'zod';
import { createHttpHandler, created, ok, route } from '../lib/http';
import { ledger } from '../domain/ledger';
import { classSeats, redemptionRepository, rewardRepository } from './repository';
import { createPointsService } from './service';
import { runIdempotent } from '../lib/idempotency';

const points = createPointsService({ ledger, rewards: rewardRepository, redemptions: redemptionRepository, seats: classSeats });
const COORDINATORS = [Role.COORDINATOR] as const;
const RewardListQuery = ListQuery.extend({ active: z.enum(['true', 'false']).transform((value) => value === 'true').optional() });

export const handler = createHttpHandler({
  'GET /me/points': route({
    access: 'user',
    query: ListQuery,
    handle: async ({ query, caller }) => ok(await points.myPoints(caller, query)),
  }),
  'POST /points/adjustments': route({
    access: COORDINATORS,
    body: AdjustmentRequest,
    idempotent: true,
    handle: async ({ body, caller, idempotencyKey }) => {
      const { entry, created: isNew } = await points.adjust(body, caller, idempotencyKey);
      return isNew ? created({ entry }) : ok({ entry });
    },
  }),
  'POST /rewards': route({
    access: COORDINATORS,
    body: CreateRewardRequest,
    handle: async ({ body, caller }) => created({ reward: await points.createReward(body, caller) }),
  }),
  'GET /rewards': route({
    access: 'user',
    query: RewardListQuery,
    handle: async ({ query, caller }) => ok(await points.listRewards(query, caller)),
  }),
  'GET /rewards/{id}': route({
    access: 'user',
    params: IdParams,
    handle: async ({ params }) => ok({ reward: await points.getReward(params.id) }),
  }),
  'PATCH /rewards/{id}': route({
    access: COORDINATORS,
    params: IdParams,
    body: UpdateRewardRequest,
    handle: async ({ params, body }) => ok({ reward: await points.updateReward(params.id, body) }),
  }),
  'POST /redemptions': route({
    access: 'user',
    body: RedeemRequest,
    idempotent: true,
    handle: async ({ body, caller }) => created(await points.redeem(body.rewardId, caller)),
  }),
  'POST /redemptions/{id}/cancel': route({
    access: 'user',
    params: IdParams,
    idempotent: true,
    handle: async ({ params, caller }) => ok(await points.cancelRedemption(params.id, caller)),
  }),
  'POST /redemptions/fulfil': route({
    access: COORDINATORS,
    body: FulfilRequest,
    handle: async ({ body, caller }) => ok(await points.fulfil(body.voucher, caller)),
  }),
  'GET /me/redemptions': route({
    access: 'user',
    query: ListQuery,
    handle: async ({ query, caller }) => ok(await points.myRedemptions(caller, query)),
  }),
  'GET /redemptions': route({
    access: COORDINATORS,
    query: RedemptionListQuery,
    handle: async ({ query }) => ok(await points.listRedemptions(query)),
  }),
}, { idempotency: runIdempotent });
