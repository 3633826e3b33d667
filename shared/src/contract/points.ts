/** The points function's routes. */
import { Role } from '../constants';
import { AdjustmentRequest, CreateRewardRequest, EntryResponse, FulfilRequest, FulfilResponse, IdParams, ListQuery, PointsResponse, RedeemRequest, RedemptionListQuery, RedemptionPage, RedemptionResponse, RewardListQuery, RewardPage, RewardResponse, UpdateRewardRequest } from '../schemas';
import { defineRoutes } from './define';

export const pointsRoutes = defineRoutes({
  mine: {
    method: 'GET',
    path: '/me/points',
    access: 'user',
    query: ListQuery,
    reply: PointsResponse,
  },
  adjust: {
    method: 'POST',
    path: '/points/adjustments',
    access: [Role.COORDINATOR],
    body: AdjustmentRequest,
    reply: EntryResponse,
    status: 201,
    idempotent: true,
  },
  createReward: {
    method: 'POST',
    path: '/rewards',
    access: [Role.COORDINATOR],
    body: CreateRewardRequest,
    reply: RewardResponse,
    status: 201,
  },
  rewards: {
    method: 'GET',
    path: '/rewards',
    access: 'user',
    query: RewardListQuery,
    reply: RewardPage,
  },
  reward: {
    method: 'GET',
    path: '/rewards/{id}',
    access: 'user',
    params: IdParams,
    reply: RewardResponse,
  },
  updateReward: {
    method: 'PATCH',
    path: '/rewards/{id}',
    access: [Role.COORDINATOR],
    params: IdParams,
    body: UpdateRewardRequest,
    reply: RewardResponse,
  },
  redeem: {
    method: 'POST',
    path: '/redemptions',
    access: 'user',
    body: RedeemRequest,
    reply: RedemptionResponse,
    status: 201,
    idempotent: true,
  },
  cancelRedemption: {
    method: 'POST',
    path: '/redemptions/{id}/cancel',
    access: 'user',
    params: IdParams,
    reply: RedemptionResponse,
    idempotent: true,
  },
  fulfil: {
    method: 'POST',
    path: '/redemptions/fulfil',
    access: [Role.COORDINATOR],
    body: FulfilRequest,
    reply: FulfilResponse,
  },
  myRedemptions: {
    method: 'GET',
    path: '/me/redemptions',
    access: 'user',
    query: ListQuery,
    reply: RedemptionPage,
  },
  redemptions: {
    method: 'GET',
    path: '/redemptions',
    access: [Role.COORDINATOR],
    query: RedemptionListQuery,
    reply: RedemptionPage,
  },
});
