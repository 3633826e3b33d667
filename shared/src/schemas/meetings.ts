import * as z from 'zod';
import { Id, IsoDateTime, ListQuery, page, list } from './common';

/** An idea or a question posted to a meeting's idea board (世界咖啡、鱼缸会议…). */
export const IdeaInput = z
  .object({ text: z.string().trim().min(2, '请多写几个字').max(300), kind: z.enum(['idea', 'question']).default('idea') })
  .strict();
export type IdeaInput = z.infer<typeof IdeaInput>;

export const Idea = z.object({
  id: Id,
  activityId: Id,
  text: z.string(),
  kind: z.enum(['idea', 'question']),
  /** Left out for someone outside the meeting's audience, who sees the name masked (unless it is theirs). */
  authorId: Id.optional(),
  authorName: z.string(),
  voteCount: z.number().int(),
  votedByMe: z.boolean().optional(),
  /** The facilitator's grouping (e.g. 服务群众, 学习教育). */
  group: z.string().optional(),
  createdAt: IsoDateTime,
});
export type Idea = z.infer<typeof Idea>;
export const IdeaList = list(Idea);
export const IdeaParams = z.object({ id: Id, ideaId: Id });
export const IdeaGroupRequest = z.object({ group: z.string().trim().max(20) }).strict();
export const VoteResponse = z.object({ ideaId: Id, voteCount: z.number().int(), voted: z.boolean() });

export const ActionStatusSchema = z.enum(['open', 'done']);

/** A measure (措施) a meeting decided: who does what by when. */
export const ActionItemInput = z.object({ text: z.string().trim().min(2).max(200), ownerId: Id, dueOn: z.iso.date() }).strict();
export type ActionItemInput = z.infer<typeof ActionItemInput>;

export const ActionItem = z.object({
  id: Id,
  activityId: Id,
  activityTitle: z.string(),
  branchId: Id.optional(),
  text: z.string(),
  /** Left out for someone outside the meeting's audience, who sees the name masked (unless it is theirs). */
  ownerId: Id.optional(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: ActionStatusSchema,
  /** Progress notes by the owner. */
  note: z.string().optional(),
  createdAt: IsoDateTime,
  doneAt: IsoDateTime.optional(),
});
export type ActionItem = z.infer<typeof ActionItem>;
export const ActionItemPage = page(ActionItem);
export const ActionParams = z.object({ id: Id, actionId: Id });
export const ActionUpdate = z
  .object({ status: ActionStatusSchema.optional(), note: z.string().trim().max(200).optional() })
  .strict()
  .refine((value) => value.status !== undefined || value.note !== undefined, {
    path: ['status'],
    message: '请修改状态或备注',
  });
export const OverdueQuery = ListQuery.extend({ branchId: Id.optional() });

/** A meeting's minutes: the facilitator's edited text, or a draft from its records. */
export const Minutes = z.object({ activityId: Id, text: z.string(), edited: z.boolean(), updatedAt: IsoDateTime.optional() });
export type Minutes = z.infer<typeof Minutes>;
export const MinutesInput = z.object({ text: z.string().trim().min(10).max(10_000) }).strict();

/** A branch's year in figures (shared/rules/statistics). */
export const BranchYearFigures = z.object({
  branchId: Id,
  year: z.number().int(),
  meetings: z.number().int(),
  /** 应到, 已报名, 实到, 请假, 缺席 summed over the meetings, each counted as its attendance page counts it. */
  expected: z.number().int(),
  registered: z.number().int(),
  attended: z.number().int(),
  attendanceRate: z.number().int().nullable(),
  leaves: z.number().int(),
  absent: z.number().int(),
  measures: z.number().int(),
  measuresDoneOnTime: z.number().int(),
  observerMark: z.number().int().nullable(),
  observerSheets: z.number().int(),
  /** 三会一课 (rules/compliance): periods started (应开), held, closed without a meeting, and the rate. */
  compliance: z.object({
    expected: z.number().int(),
    held: z.number().int(),
    overdue: z.number().int(),
    rate: z.number().int().nullable(),
  }),
  /** 党员积分 (rules/party-points): what the branch's members earned this year, together (民主评议). */
  partyPoints: z.number().int(),
});
export type BranchYearFigures = z.infer<typeof BranchYearFigures>;
export const StatisticsQuery = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional(), format: z.enum(['json', 'csv', 'xlsx']).default('json') })
  .strict();
export const BRANCH_STATISTICS_COLUMNS = [
  '支部',
  '年度',
  '召开会议',
  // The attendance page's words (rules/attendance), in person-times.
  '应到人次',
  '已报名人次',
  '实到人次',
  '出席率',
  '请假人次',
  '缺席人次',
  '措施',
  '按期完成',
  '观摩评分',
  '评分份数',
  // 三会一课: periods (months, quarters…) of each required kind of meeting.
  '三会一课应开',
  '三会一课已开',
  '三会一课逾期',
  '三会一课完成率',
  // 民主评议: the members' 党员积分 of the year, together (each member's on the workbook's second sheet).
  '党员积分',
] as const;

/** A branch's row in the columns' order; the rate and the mark as fractions (a sheet formats them, the CSV writes 85% and 3.7). */
export const branchStatisticsCells = (row: BranchYearFigures): Array<string | number | null> => [
  row.branchId,
  row.year,
  row.meetings,
  row.expected,
  row.registered,
  row.attended,
  row.attendanceRate === null ? null : row.attendanceRate / 100,
  row.leaves,
  row.absent,
  row.measures,
  row.measuresDoneOnTime,
  row.observerMark === null ? null : row.observerMark / 100,
  row.observerSheets,
  row.compliance.expected,
  row.compliance.held,
  row.compliance.overdue,
  row.compliance.rate === null ? null : row.compliance.rate / 100,
  row.partyPoints,
];

/** The workbook's second sheet (民主评议): each member of each branch by the year's 党员积分. */
export const PARTY_APPRAISAL_COLUMNS = ['支部', '姓名', '年度党员积分', '支部排名'] as const;
export const PartyAppraisalRow = z.object({ branchId: Id, name: z.string(), total: z.number().int(), rank: z.number().int() });
export type PartyAppraisalRow = z.infer<typeof PartyAppraisalRow>;
