/** Resource cloud routes: providers and offers, cases through the social-work process, allocations. */
import { caseFormSchema } from '@hele/shared';
import { stageContentChecker } from '../lib/content-check';
import { createHttpHandler, parseWith } from '../lib/http';
import { resourceRepository } from './repository';
import { createResourceService } from './service';
import { runIdempotent } from '../lib/idempotency';
import { resourcesRoutes } from '@hele/shared/contract/resources';

const resources = createResourceService({ resources: resourceRepository, checker: stageContentChecker() });

export const handler = createHttpHandler(
  resourcesRoutes,
  {
    registerProvider: async ({ body, caller }) => ({ provider: await resources.registerProvider(body, caller) }),
    providers: async ({ query }) => await resources.providers(query),
    verifyProvider: async ({ params }) => ({ provider: await resources.verifyProvider(params.id) }),
    offer: async ({ body, caller }) => ({ offer: await resources.addOffer(body, caller) }),
    offers: async ({ query }) => await resources.offers(query, query.kind),
    mine: async ({ caller }) => await resources.mine(caller),
    directory: async () => ({ providers: await resources.directory() }),
    allocationsOf: async ({ params, caller }) => await resources.allocationsOf(params.id, caller),
    addProject: async ({ body, caller }) => ({ project: await resources.addProject(body, caller) }),
    projects: async () => ({ items: await resources.projects() }),
    raiseNeed: async ({ body, caller }) => ({ need: await resources.raiseNeed(body, caller) }),
    myNeeds: async ({ caller }) => ({ items: await resources.myNeeds(caller) }),
    need: async ({ params, caller }) => ({ need: await resources.need(params.id, caller) }),
    openCase: async ({ body, caller }) => ({ case: await resources.openCase(body, caller) }),
    cases: async ({ query }) => await resources.cases(query, query.stage),
    case: async ({ params }) => await resources.caseDetail(params.id),
    move: async ({ params, body, caller }) => ({ case: await resources.move(params.id, body.to, body.reason, caller) }),
    saveForm: async ({ params, body, caller }) => ({
      case: await resources.saveForm(params.id, params.step, parseWith(caseFormSchema(params.step), body), caller),
    }),
    log: async ({ params, body, caller }) => ({ case: await resources.addLog(params.id, body.text, caller) }),
    allocate: async ({ params, body, caller }) => ({ allocation: await resources.allocate(params.id, body, caller) }),
  },
  { idempotency: runIdempotent },
);
