/** 书记学院 routes: the rubric, observing a meeting, score sheets and scores, the board. */
import { BoardQuery, IdParams, Role, RubricInput, ScoreSheetInput } from '@hele/shared';
import { activitySummary } from '../domain/activities/summary';
import { createHttpHandler, created, ok, route } from '../lib/http';
import { academyRepository } from './repository';
import { createAcademyService } from './service';

const academy = createAcademyService({ academy: academyRepository, activity: activitySummary });

export const handler = createHttpHandler({
  'GET /rubric': route({ access: 'user', handle: async () => ok({ rubric: await academy.rubric() }) }),
  'PUT /rubric': route({ access: [Role.COORDINATOR], body: RubricInput, handle: async ({ body }) => ok({ rubric: await academy.setRubric(body) }) }),
  'POST /activities/{id}/observers': route({ access: [Role.SECRETARY], params: IdParams, handle: async ({ params, caller }) => created({ observer: await academy.observe(params.id, caller) }) }),
  'GET /activities/{id}/observers': route({ access: 'user', params: IdParams, handle: async ({ params }) => ok(await academy.observers(params.id)) }),
  'POST /activities/{id}/score-sheets': route({
    access: [Role.SECRETARY],
    params: IdParams,
    body: ScoreSheetInput,
    handle: async ({ params, body, caller }) => created(await academy.score(params.id, body, caller)),
  }),
  'GET /activities/{id}/scores': route({ access: 'user', params: IdParams, handle: async ({ params }) => ok({ scores: await academy.scores(params.id) }) }),
  'GET /academy/board': route({ access: 'user', query: BoardQuery, handle: async ({ query }) => ok({ board: await academy.board(query.year) }) }),
});
