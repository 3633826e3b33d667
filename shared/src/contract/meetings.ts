/** The meetings function's routes, and the documents made from them (their own function: docx and exceljs stay out of the board's cold start). */
import * as z from 'zod';
import {
  ActionItem,
  ActionItemInput,
  ActionItemPage,
  ActionParams,
  ActionUpdate,
  ActivityIdParams,
  BranchCompliance,
  BranchYearFigures,
  ComplianceBoard,
  ComplianceQuery,
  IdParams,
  Idea,
  IdeaGroupRequest,
  IdeaInput,
  IdeaList,
  IdeaParams,
  ListQuery,
  MeetingFrequencies,
  Minutes,
  MinutesInput,
  OverdueQuery,
  StatisticsQuery,
  DestinationRow,
  VoteResponse,
  list,
} from '../schemas';
import { BRANCH_STAFF, COORDINATORS } from './access';
import { DELETE, GET, PATCH, POST, PUT, defineRoutes, fileReply } from './define';

/** The replies that several routes share. */
const ActionItemReply = z.object({ action: ActionItem });
const IdeaReply = z.object({ idea: Idea });
const MinutesReply = z.object({ minutes: Minutes });

export const meetingsRoutes = defineRoutes({
  addIdea: POST('/activities/{id}/ideas', 'user', {
    params: ActivityIdParams,
    body: IdeaInput,
    reply: IdeaReply,
    status: 201,
  }),
  ideas: GET('/activities/{id}/ideas', 'user', { params: ActivityIdParams, reply: IdeaList }),
  vote: PUT('/activities/{id}/ideas/{ideaId}/votes/me', 'user', { params: IdeaParams, reply: VoteResponse }),
  unvote: DELETE('/activities/{id}/ideas/{ideaId}/votes/me', 'user', { params: IdeaParams, reply: VoteResponse }),
  groupIdea: PATCH('/activities/{id}/ideas/{ideaId}', BRANCH_STAFF, {
    params: IdeaParams,
    body: IdeaGroupRequest,
    reply: IdeaReply,
  }),
  addAction: POST('/activities/{id}/actions', BRANCH_STAFF, {
    params: ActivityIdParams,
    body: ActionItemInput,
    reply: ActionItemReply,
    status: 201,
  }),
  actions: GET('/activities/{id}/actions', 'user', { params: ActivityIdParams, reply: list(ActionItem) }),
  updateAction: PATCH('/activities/{id}/actions/{actionId}', 'user', {
    params: ActionParams,
    body: ActionUpdate,
    reply: ActionItemReply,
  }),
  minutes: GET('/activities/{id}/minutes', 'user', { params: ActivityIdParams, reply: MinutesReply }),
  saveMinutes: PUT('/activities/{id}/minutes', BRANCH_STAFF, {
    params: ActivityIdParams,
    body: MinutesInput,
    reply: MinutesReply,
  }),
  branchStatistics: GET('/branches/{id}/statistics', BRANCH_STAFF, {
    params: IdParams,
    query: StatisticsQuery,
    reply: z.object({ statistics: BranchYearFigures }),
  }),
  myActions: GET('/me/actions', 'user', { query: ListQuery, reply: ActionItemPage }),
  overdueActions: GET('/actions/overdue', BRANCH_STAFF, { query: OverdueQuery, reply: ActionItemPage }),
  /** 三会一课: every 党支部's periods held, due and overdue (the director's page; 互学互比 for the secretaries). */
  compliance: GET('/compliance', BRANCH_STAFF, { query: ComplianceQuery, reply: ComplianceBoard }),
  /** One branch's: coordinators and its secretary (the secretary's 首页). */
  branchCompliance: GET('/branches/{id}/compliance', BRANCH_STAFF, {
    params: IdParams,
    query: ComplianceQuery,
    reply: z.object({ compliance: BranchCompliance }),
  }),
  /** How often each kind of meeting is due: the center's setting. */
  setMeetingFrequencies: PUT('/compliance/frequencies', COORDINATORS, {
    body: MeetingFrequencies,
    reply: z.object({ frequencies: MeetingFrequencies }),
  }),
});

/** The minutes as Word and the branches' year as Excel: the only routes that load docx and exceljs. */
export const meetingDocumentsRoutes = defineRoutes({
  minutesDocument: GET('/activities/{id}/minutes/document', 'user', {
    params: ActivityIdParams,
    reply: fileReply('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  }),
  statisticsWorkbook: GET('/statistics/branches', COORDINATORS, {
    query:
      StatisticsQuery /** Every branch's year, and the year's service per destination (进基层 / 进村居 / 进学校 / 进高墙; a second sheet). */,
    reply: z.object({ items: z.array(BranchYearFigures), destinations: z.array(DestinationRow) }),
    formats: {
      csv: fileReply('text/csv; charset=utf-8'),
      xlsx: fileReply('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    },
  }),
});
