/** The meetings function's routes, and the documents made from them (their own function: docx and exceljs stay out of the board's cold start). */
import * as z from 'zod';
import { Role } from '../constants';
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
} from '../schemas';
import { defineRoutes, fileReply } from './define';

export const meetingsRoutes = defineRoutes({
  addIdea: {
    method: 'POST',
    path: '/activities/{id}/ideas',
    access: 'user',
    params: ActivityIdParams,
    body: IdeaInput,
    reply: z.object({ idea: Idea }),
    status: 201,
  },
  ideas: {
    method: 'GET',
    path: '/activities/{id}/ideas',
    access: 'user',
    params: ActivityIdParams,
    reply: IdeaList,
  },
  vote: {
    method: 'PUT',
    path: '/activities/{id}/ideas/{ideaId}/votes/me',
    access: 'user',
    params: IdeaParams,
    reply: VoteResponse,
  },
  unvote: {
    method: 'DELETE',
    path: '/activities/{id}/ideas/{ideaId}/votes/me',
    access: 'user',
    params: IdeaParams,
    reply: VoteResponse,
  },
  groupIdea: {
    method: 'PATCH',
    path: '/activities/{id}/ideas/{ideaId}',
    access: [Role.COORDINATOR, Role.SECRETARY],
    params: IdeaParams,
    body: IdeaGroupRequest,
    reply: z.object({ idea: Idea }),
  },
  addAction: {
    method: 'POST',
    path: '/activities/{id}/actions',
    access: [Role.COORDINATOR, Role.SECRETARY],
    params: ActivityIdParams,
    body: ActionItemInput,
    reply: z.object({ action: ActionItem }),
    status: 201,
  },
  actions: {
    method: 'GET',
    path: '/activities/{id}/actions',
    access: 'user',
    params: ActivityIdParams,
    reply: z.object({ items: z.array(ActionItem) }),
  },
  updateAction: {
    method: 'PATCH',
    path: '/activities/{id}/actions/{actionId}',
    access: 'user',
    params: ActionParams,
    body: ActionUpdate,
    reply: z.object({ action: ActionItem }),
  },
  minutes: {
    method: 'GET',
    path: '/activities/{id}/minutes',
    access: 'user',
    params: ActivityIdParams,
    reply: z.object({ minutes: Minutes }),
  },
  saveMinutes: {
    method: 'PUT',
    path: '/activities/{id}/minutes',
    access: [Role.COORDINATOR, Role.SECRETARY],
    params: ActivityIdParams,
    body: MinutesInput,
    reply: z.object({ minutes: Minutes }),
  },
  branchStatistics: {
    method: 'GET',
    path: '/branches/{id}/statistics',
    access: [Role.COORDINATOR, Role.SECRETARY],
    params: IdParams,
    query: StatisticsQuery,
    reply: z.object({ statistics: BranchYearFigures }),
  },
  myActions: {
    method: 'GET',
    path: '/me/actions',
    access: 'user',
    query: ListQuery,
    reply: ActionItemPage,
  },
  overdueActions: {
    method: 'GET',
    path: '/actions/overdue',
    access: [Role.COORDINATOR, Role.SECRETARY],
    query: OverdueQuery,
    reply: ActionItemPage,
  },
  /** 三会一课: every 党支部's periods held, due and overdue (the director's page; 互学互比 for the secretaries). */
  compliance: {
    method: 'GET',
    path: '/compliance',
    access: [Role.COORDINATOR, Role.SECRETARY],
    query: ComplianceQuery,
    reply: ComplianceBoard,
  },
  /** One branch's: coordinators and its secretary (the secretary's 首页). */
  branchCompliance: {
    method: 'GET',
    path: '/branches/{id}/compliance',
    access: [Role.COORDINATOR, Role.SECRETARY],
    params: IdParams,
    query: ComplianceQuery,
    reply: z.object({ compliance: BranchCompliance }),
  },
  /** How often each kind of meeting is due: the center's setting. */
  setMeetingFrequencies: {
    method: 'PUT',
    path: '/compliance/frequencies',
    access: [Role.COORDINATOR],
    body: MeetingFrequencies,
    reply: z.object({ frequencies: MeetingFrequencies }),
  },
});

/** The minutes as Word and the branches' year as Excel: the only routes that load docx and exceljs. */
export const meetingDocumentsRoutes = defineRoutes({
  minutesDocument: {
    method: 'GET',
    path: '/activities/{id}/minutes/document',
    access: 'user',
    params: ActivityIdParams,
    reply: fileReply('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  },
  statisticsWorkbook: {
    method: 'GET',
    path: '/statistics/branches',
    access: [Role.COORDINATOR],
    query: StatisticsQuery,
    /** Every branch's year, and the year's service per destination (进基层 / 进村居 / 进学校 / 进高墙; a second sheet). */
    reply: z.object({ items: z.array(BranchYearFigures), destinations: z.array(DestinationRow) }),
    formats: {
      csv: fileReply('text/csv; charset=utf-8'),
      xlsx: fileReply('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    },
  },
});
