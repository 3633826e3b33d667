import { createHttpHandler } from '../lib/http';
import { createRegistrationEngine } from '../domain/activities/registration-engine';
import { activityRepository } from '../domain/activities/repository';
import { seriesRepository } from './repository';
import { createSeriesService } from './service';
import { seriesRoutes } from '@hele/shared/contract/series';

const series = createSeriesService({
  repository: activityRepository,
  series: seriesRepository,
  engine: createRegistrationEngine({ repository: activityRepository }),
});

export const handler = createHttpHandler(seriesRoutes, {
  create: async ({ body, caller }) => ({ series: await series.create(body, caller) }),
  list: async ({ query, caller }) => await series.list(query, caller),
  get: async ({ params, caller }) => await series.detail(params.id, caller),
  enrol: async ({ params, caller }) => ({ items: await series.enrol(params.id, caller) }),
  withdraw: async ({ params, caller }) => ({ items: await series.withdraw(params.id, caller) }),
  roster: async ({ params, caller }) => await series.roster(params.id, caller),
  saveNotes: async ({ params, body, caller }) => ({ activity: await series.saveNotes(params.id, params.activityId, body.notes, caller) }),
  certificate: async ({ params, caller }) => ({ certificate: await series.certificate(params.id, caller) }),
  mine: async ({ caller }) => await series.mine(caller),
});
