/** The academy function's routes. */
import * as z from 'zod';
import { Role } from '../constants';
import {
  AcademyBoard,
  BoardQuery,
  IdParams,
  MeetingScores,
  Observer,
  ObserverList,
  Rubric,
  RubricInput,
  ScoreSheetInput,
} from '../schemas';
import { COORDINATORS } from './access';
import { GET, POST, PUT, defineRoutes } from './define';

/** The replies that several routes share. */
const RubricReply = z.object({ rubric: Rubric });

export const academyRoutes = defineRoutes({
  rubric: GET('/rubric', 'user', { reply: RubricReply }),
  setRubric: PUT('/rubric', COORDINATORS, { body: RubricInput, reply: RubricReply }),
  observe: POST('/activities/{id}/observers', [Role.SECRETARY], { params: IdParams, reply: z.object({ observer: Observer }), status: 201 }),
  observers: GET('/activities/{id}/observers', 'user', { params: IdParams, reply: ObserverList }),
  score: POST('/activities/{id}/score-sheets', [Role.SECRETARY], {
    params: IdParams,
    body: ScoreSheetInput,
    reply: z.object({ activityId: z.string(), mark: z.number().int() }),
    status: 201,
  }),
  scores: GET('/activities/{id}/scores', 'user', { params: IdParams, reply: z.object({ scores: MeetingScores }) }),
  board: GET('/academy/board', 'user', { query: BoardQuery, reply: z.object({ board: AcademyBoard }) }),
});
