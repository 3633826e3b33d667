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
import { defineRoutes } from './define';

export const academyRoutes = defineRoutes({
  rubric: {
    method: 'GET',
    path: '/rubric',
    access: 'user',
    reply: z.object({ rubric: Rubric }),
  },
  setRubric: {
    method: 'PUT',
    path: '/rubric',
    access: [Role.COORDINATOR],
    body: RubricInput,
    reply: z.object({ rubric: Rubric }),
  },
  observe: {
    method: 'POST',
    path: '/activities/{id}/observers',
    access: [Role.SECRETARY],
    params: IdParams,
    reply: z.object({ observer: Observer }),
    status: 201,
  },
  observers: {
    method: 'GET',
    path: '/activities/{id}/observers',
    access: 'user',
    params: IdParams,
    reply: ObserverList,
  },
  score: {
    method: 'POST',
    path: '/activities/{id}/score-sheets',
    access: [Role.SECRETARY],
    params: IdParams,
    body: ScoreSheetInput,
    reply: z.object({ activityId: z.string(), mark: z.number().int() }),
    status: 201,
  },
  scores: {
    method: 'GET',
    path: '/activities/{id}/scores',
    access: 'user',
    params: IdParams,
    reply: z.object({ scores: MeetingScores }),
  },
  board: {
    method: 'GET',
    path: '/academy/board',
    access: 'user',
    query: BoardQuery,
    reply: z.object({ board: AcademyBoard }),
  },
});
