import { createHttpHandler, ok } from '../lib/http';
import { ledger } from '../domain/ledger';
import { partyPoints } from '../domain/party-points';
import { classSeats, pointsSettingsRepository, redemptionRepository, rewardRepository } from './repository';
import { createPointsService } from './service';
import { runIdempotent } from '../lib/idempotency';
import { pointsRoutes } from '@hele/shared/contract/points';

const points = createPointsService({
  ledger,
  rewards: rewardRepository,
  redemptions: redemptionRepository,
  seats: classSeats,
  settings: pointsSettingsRepository,
  party: partyPoints,
});

export const handler = createHttpHandler(
  pointsRoutes,
  {
    mine: async ({ query, caller }) => await points.myPoints(caller, query),
    adjust: async ({ body, caller, idempotencyKey }) => {
      const { entry, created: isNew } = await points.adjust(body, caller, idempotencyKey);
      return isNew ? { entry } : ok({ entry });
    },
    createReward: async ({ body, caller }) => ({ reward: await points.createReward(body, caller) }),
    rewards: async ({ query, caller }) => await points.listRewards(query, caller),
    reward: async ({ params, caller }) => await points.getReward(params.id, caller),
    updateReward: async ({ params, body }) => ({ reward: await points.updateReward(params.id, body) }),
    redeem: async ({ body, caller, claim }) => await points.redeem(body.rewardId, caller, claim),
    cancelRedemption: async ({ params, caller }) => await points.cancelRedemption(params.id, caller),
    fulfil: async ({ body, caller }) => await points.fulfil(body.voucher, caller),
    myRedemptions: async ({ query, caller }) => await points.myRedemptions(caller, query),
    redemptions: async ({ query }) => await points.listRedemptions(query),
    pointsSettings: async () => await points.getSettings(),
    myPartyPoints: async ({ query, caller }) => await points.myPartyPoints(caller, query),
    adjustPartyPoints: async ({ body, caller, idempotencyKey }) => {
      const { entry, created: isNew } = await points.adjustPartyPoints(body, caller, idempotencyKey);
      return isNew ? { entry } : ok({ entry });
    },
    partyRanking: async ({ params, query, caller }) => await points.partyRanking(params.id, query.year, caller),
    setPointsSettings: async ({ body, caller }) => await points.setSettings(body, caller),
  },
  // A redemption keeps its Idempotency-Key in its own transaction (lib/idempotency-folded), which also checks the
  // caller the token names: the caller is not read first.
  { idempotency: runIdempotent, folded: ['redeem'], decidedOnToken: ['redeem'] },
);
