/** 书记学院 routes: the rubric, observing a meeting, score sheets and scores, the board. */

import { activitySummary } from '../domain/activities/summary';
import { createHttpHandler } from '../lib/http';
import { academyRepository } from './repository';
import { createAcademyService } from './service';
import { academyRoutes } from '@hele/shared/contract/academy';

const academy = createAcademyService({ academy: academyRepository, activity: activitySummary });

export const handler = createHttpHandler(academyRoutes, {
  rubric: async () => ({ rubric: await academy.rubric() }),
  setRubric: async ({ body }) => ({ rubric: await academy.setRubric(body) }),
  observe: async ({ params, caller }) => ({ observer: await academy.observe(params.id, caller) }),
  observers: async ({ params }) => await academy.observers(params.id),
  score: async ({ params, body, caller }) => await academy.score(params.id, body, caller),
  scores: async ({ params }) => ({ scores: await academy.scores(params.id) }),
  board: async ({ query }) => ({ board: await academy.board(query.year) }),
});
