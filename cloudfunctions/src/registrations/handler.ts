/** Registration routes (docs/API.md): register, cancel one's own, and the lists. */

import { createHttpHandler, ok } from '../lib/http';
import { createRegistrationEngine } from '../domain/activities/registration-engine';
import { activityRepository } from '../domain/activities/repository';
import type { Registration } from '@hele/shared';
import { registrationsRoutes } from '@hele/shared/contract/registrations';

const engine = createRegistrationEngine({ repository: activityRepository });

export const handler = createHttpHandler(
  registrationsRoutes,
  {
    register: async ({ params, caller, claim }) => {
      const once = claim && {
        record: (registration: Registration) => claim.record({ registration }, 201),
        kept: claim.kept,
        used: claim.used,
      };
      const { registration, created: isNew } = await engine.register(params.id, caller, once);
      return isNew ? { registration } : ok({ registration });
    },
    cancelMine: async ({ params, caller }) => ({ registration: await engine.cancel(params.id, caller) }),
    ofActivity: async ({ params, query }) => await engine.list(params.id, query),
    mine: async ({ query, caller }) => await engine.listMine(caller, query),
  },
  // The Idempotency-Key's record is written in the seat's own transaction (lib/idempotency-folded), which also
  // checks the caller the token names (registration-engine): the caller is not read first.
  { folded: ['register'], decidedOnToken: ['register'] },
);
