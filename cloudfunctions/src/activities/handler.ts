import { CALENDAR_CONTENT_TYPE, calendarFileName } from '@hele/shared';
import { env } from '../lib/config';
import { createHttpHandler, download } from '../lib/http';
import { createRegistrationEngine } from '../domain/activities/registration-engine';
import { activityRepository } from '../domain/activities/repository';
import { createActivityService } from './service';
import { activitiesRoutes } from '@hele/shared/contract/activities';

const service = createActivityService({
  repository: activityRepository,
  engine: createRegistrationEngine({ repository: activityRepository }),
});

export const handler = createHttpHandler(activitiesRoutes, {
  create: async ({ body, caller }) => ({ activity: await service.create(body, caller) }),
  list: async ({ query, caller }) => await service.list(query, caller),
  get: async ({ params, caller }) => ({ activity: await service.get(params.id, caller) }),
  update: async ({ params, body, caller }) => ({ activity: await service.update(params.id, body, caller) }),
  setPublicFeed: async ({ params, body, caller }) => ({ activity: await service.setPublicFeed(params.id, body.public, caller) }),
  publish: async ({ params, caller }) => ({ activity: await service.publish(params.id, caller) }),
  cancel: async ({ params, body, caller }) => {
    const { activity, affected } = await service.cancel(params.id, caller, body?.reason);
    return { activity, cancelledRegistrations: affected.length };
  },
  publicSummary: async ({ params }) => ({ activity: await service.publicSummary(params.id) }),
  calendar: async ({ params, caller }) => {
    const { text, title } = await service.calendar(params.id, caller, env().APP_ORIGIN);
    return download(text, CALENDAR_CONTENT_TYPE, calendarFileName(title));
  },
});
