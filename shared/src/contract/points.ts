/** The points function's routes. */
import {
  AdjustmentRequest,
  CreateRewardRequest,
  EntryResponse,
  FulfilRequest,
  FulfilResponse,
  IdParams,
  ListQuery,
  PointsResponse,
  PointsSettings,
  PartyPointsResponse,
  PartyRanking,
  PartyRankingQuery,
  PointsSettingsResponse,
  RedeemRequest,
  RedemptionListQuery,
  RedemptionPage,
  RedemptionResponse,
  RewardListQuery,
  RewardPage,
  RewardResponse,
  RewardDetailResponse,
  UpdateRewardRequest,
} from '../schemas';
import { COORDINATORS } from './access';
import { GET, PATCH, POST, PUT, defineRoutes } from './define';

export const pointsRoutes = defineRoutes({
  mine: GET('/me/points', 'user', { query: ListQuery, reply: PointsResponse }),
  adjust: POST('/points/adjustments', COORDINATORS, { body: AdjustmentRequest, reply: EntryResponse, status: 201, idempotent: true }),
  createReward: POST('/rewards', COORDINATORS, { body: CreateRewardRequest, reply: RewardResponse, status: 201 }),
  rewards: GET('/rewards', 'user', { query: RewardListQuery, reply: RewardPage }),
  reward: GET('/rewards/{id}', 'user', { params: IdParams, reply: RewardDetailResponse }),
  updateReward: PATCH('/rewards/{id}', COORDINATORS, { params: IdParams, body: UpdateRewardRequest, reply: RewardResponse }),
  redeem: POST('/redemptions', 'user', { body: RedeemRequest, reply: RedemptionResponse, status: 201, idempotent: true }),
  cancelRedemption: POST('/redemptions/{id}/cancel', 'user', { params: IdParams, reply: RedemptionResponse, idempotent: true }),
  fulfil: POST('/redemptions/fulfil', COORDINATORS, { body: FulfilRequest, reply: FulfilResponse }),
  myRedemptions: GET('/me/redemptions', 'user', { query: ListQuery, reply: RedemptionPage }),
  redemptions: GET('/redemptions', COORDINATORS, { query: RedemptionListQuery, reply: RedemptionPage }),
  /** The center's points rules, stated to every member. */
  pointsSettings: GET('/points/settings', 'user', { reply: PointsSettingsResponse }),
  /** 党员积分: the caller's own account, apart from service points. */
  myPartyPoints: GET('/me/party-points', 'user', { query: ListQuery, reply: PartyPointsResponse }),
  /** A coordinator's correction of someone's 党员积分 (never below zero). */
  adjustPartyPoints: POST('/party-points/adjustments', COORDINATORS, {
    body: AdjustmentRequest,
    reply: EntryResponse,
    status: 201,
    idempotent: true,
  }),
  /** A branch's members by the year's 党员积分: coordinators, and the branch's own secretary and members. */
  partyRanking: GET('/branches/{id}/party-points', 'user', { params: IdParams, query: PartyRankingQuery, reply: PartyRanking }),
  setPointsSettings: PUT('/points/settings', COORDINATORS, { body: PointsSettings, reply: PointsSettingsResponse }),
});
