/**
 * The resource cloud platform (资源云平台, docs/DOMAIN.md §3): providers and what they offer, needs handled
 * as cases through the social-work process, and allocations of offered resources to cases.
 */
import * as z from 'zod';
import { CaseStageSchema } from '../rules/cases';
import { Id, IsoDateTime, ListQuery, counts, page, list, timestampFields } from './common';

export const ProviderKindSchema = z.enum(['government', 'company', 'social_org', 'school', 'donor']);
export type ProviderKind = z.infer<typeof ProviderKindSchema>;
export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = {
  government: '政府部门',
  company: '企业',
  social_org: '社会组织',
  school: '学校',
  donor: '爱心人士',
};

export const ProviderInput = z
  .object({
    name: z.string().trim().min(2).max(40),
    kind: ProviderKindSchema,
    /** Who to call (a name and a phone number, as the provider gave it). */
    contact: z.string().trim().max(60).optional(),
    /** The user who acts for the provider in the app; coordinators name them, a self-registering user is it. */
    contactUserId: Id.optional(),
  })
  .strict();
export type ProviderInput = z.infer<typeof ProviderInput>;

export const Provider = z.object({
  id: Id,
  name: z.string(),
  kind: ProviderKindSchema,
  contact: z.string().optional(),
  contactUserId: Id.optional(),
  /** Checked by a coordinator; only a verified provider's offers can be allocated. */
  verified: z.boolean(),
  createdBy: Id,
  createdAt: IsoDateTime,
});
export type Provider = z.infer<typeof Provider>;
export const ProviderPage = page(Provider);

export const OfferKindSchema = z.enum(['people', 'goods', 'information', 'funds']);
export type OfferKind = z.infer<typeof OfferKindSchema>;
export const OFFER_KIND_LABELS: Record<OfferKind, string> = { people: '人力', goods: '物资', information: '信息', funds: '资金' };
/** Funds are counted in fen (分), as integers; the app shows 元. */
export const FUNDS_UNIT = '分';
/** One offer holds at most this much (funds: 100 million yuan in fen), so sums stay exact integers. */
export const OFFER_QUANTITY_MAX = 10_000_000_000;

export const OfferInput = z
  .object({
    providerId: Id,
    kind: OfferKindSchema,
    title: z.string().trim().min(2).max(60),
    quantity: z.number().int().min(1).max(OFFER_QUANTITY_MAX),
    /** 人, 箱, 份…; funds are always 分. */
    unit: z.string().trim().min(1).max(8).optional(),
    /** When the resource can be used (e.g. 每周六上午, 2026 年内). */
    availability: z.string().trim().max(100).optional(),
    conditions: z.string().trim().max(300).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.kind === 'goods' && !value.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: '物资需要单位（箱、份…）' });
    if (value.kind === 'funds' && value.unit && value.unit !== FUNDS_UNIT)
      ctx.addIssue({ code: 'custom', path: ['unit'], message: '资金以“分”计' });
  });
export type OfferInput = z.infer<typeof OfferInput>;

export const Offer = z.object({
  id: Id,
  providerId: Id,
  providerName: z.string(),
  kind: OfferKindSchema,
  title: z.string(),
  quantity: z.number().int(),
  unit: z.string(),
  /** What is still free to allocate: `quantity` minus every allocation, never below 0. */
  remaining: z.number().int(),
  availability: z.string().optional(),
  conditions: z.string().optional(),
  contactUserId: Id.optional(),
  createdBy: Id,
  createdAt: IsoDateTime,
});
export type Offer = z.infer<typeof Offer>;
export const OfferPage = page(Offer);
export const OfferQuery = ListQuery.extend({ kind: OfferKindSchema.optional() });

export const CaseSourceSchema = z.enum(['resident', 'community', 'branch', 'visit']);
export type CaseSource = z.infer<typeof CaseSourceSchema>;
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = { resident: '居民', community: '社区', branch: '党支部', visit: '走访发现' };

export const CaseInput = z
  .object({
    title: z.string().trim().min(2).max(60),
    source: CaseSourceSchema,
    description: z.string().trim().min(2).max(2_000),
    /** Who has the need (a resident's name, a community), as the coordinator records it. */
    requester: z.string().trim().max(40).optional(),
    /** The project the case is handled in (its allocations count there too). */
    projectId: Id.optional(),
  })
  .strict();
export type CaseInput = z.infer<typeof CaseInput>;

export const PrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export const PRIORITY_LABELS: Record<z.infer<typeof PrioritySchema>, string> = { low: '低', normal: '一般', high: '高', urgent: '紧急' };

const Text = (max: number) => z.string().trim().min(2).max(max);

/** 需求评估: what the need is and how pressing. */
export const AssessmentForm = z.object({ notes: Text(2_000), priority: PrioritySchema }).strict();
/** 预估: the resources the case will take. */
export const EstimationForm = z
  .object({
    resources: z
      .array(
        z
          .object({ kind: OfferKindSchema, description: Text(100), quantity: z.number().int().min(1).max(OFFER_QUANTITY_MAX).optional() })
          .strict(),
      )
      .min(1, '至少加入一项资源')
      .max(20),
  })
  .strict();
/** 计划: goals, and the tasks that reach them. */
export const PlanForm = z
  .object({
    goals: z.array(Text(200)).min(1, '至少写一个目标').max(10),
    tasks: z
      .array(z.object({ text: Text(200), owner: z.string().trim().max(20).optional(), dueOn: z.iso.date().optional() }).strict())
      .max(30)
      .default([]),
  })
  .strict();
export const GoalOutcomeSchema = z.enum(['met', 'partly', 'not_met']);
export const GOAL_OUTCOME_LABELS: Record<z.infer<typeof GoalOutcomeSchema>, string> = {
  met: '达成',
  partly: '部分达成',
  not_met: '未达成',
};
/** 结果评估: every goal of the plan measured, and a summary. */
export const EvaluationForm = z
  .object({
    measures: z
      .array(
        z
          .object({ goal: z.number().int().min(0).max(9), outcome: GoalOutcomeSchema, note: z.string().trim().max(300).optional() })
          .strict(),
      )
      .min(1)
      .max(10),
    summary: Text(2_000),
  })
  .strict();

/** The steps with a form of their own; 介入 keeps a log instead (`POST /cases/{id}/log`). */
export const CaseFormStepSchema = z.enum(['assessment', 'estimation', 'planning', 'evaluation']);
export type CaseFormStep = z.infer<typeof CaseFormStepSchema>;
export const CASE_FORMS = {
  assessment: AssessmentForm,
  estimation: EstimationForm,
  planning: PlanForm,
  evaluation: EvaluationForm,
} as const;
export type CaseForm = z.infer<(typeof CASE_FORMS)[CaseFormStep]>;
/** The schema of one step's form. */
export const caseFormSchema = (step: CaseFormStep): z.ZodType<CaseForm> => CASE_FORMS[step];

/** Each step's form, once saved. */
export const CaseForms = z.object(CASE_FORMS).partial();
export type CaseForms = z.infer<typeof CaseForms>;

export const Case = z.object({
  id: Id,
  title: z.string(),
  source: CaseSourceSchema,
  description: z.string(),
  requester: z.string().optional(),
  projectId: Id.optional(),
  /** A need a resident or member raised themselves (居民提出): who, where, how urgent, how to reach them. */
  raisedBy: Id.optional(),
  raisedByName: z.string().optional(),
  location: z.string().optional(),
  urgency: PrioritySchema.optional(),
  contact: z.string().optional(),
  stage: CaseStageSchema,
  forms: CaseForms,
  /** Intervention log entries so far. */
  logCount: z.number().int(),
  createdBy: Id,
  ...timestampFields,
});
export type Case = z.infer<typeof Case>;
export const CasePage = page(Case);

/** How urgent a raised need is, in a resident's words (the coordinator's 需求评估 sets its priority). */
export const NEED_URGENCY_LABELS: Record<z.infer<typeof PrioritySchema>, string> = {
  low: '不急',
  normal: '一般',
  high: '比较急',
  urgent: '非常紧急',
};

/** 提出需求: any signed-in person raises a need; it enters 需求评估 for a coordinator to assess. */
export const RaiseNeedRequest = z
  .object({
    what: z.string().trim().min(2, '请写明需要什么帮助').max(500),
    where: z.string().trim().min(2, '请写明在哪里').max(100),
    urgency: PrioritySchema,
    /** A phone or how to reach them; without it the coordinator answers in the app. */
    contact: z.string().trim().max(40).optional(),
  })
  .strict();
export type RaiseNeedRequest = z.infer<typeof RaiseNeedRequest>;

/** A need as the one who raised it sees it: what they wrote and where it stands, not the coordinator's forms. */
export const MyNeed = z.object({
  id: Id,
  what: z.string(),
  where: z.string(),
  urgency: PrioritySchema,
  contact: z.string().optional(),
  stage: CaseStageSchema,
  ...timestampFields,
});
export type MyNeed = z.infer<typeof MyNeed>;
export const MyNeedList = list(MyNeed);
export const CaseQuery = ListQuery.extend({ stage: CaseStageSchema.optional() });

/** One line of a case's history: it was opened, moved, a form was saved, a resource allocated, the log written. */
export const CaseEvent = z.object({
  id: Id,
  kind: z.enum(['opened', 'moved', 'form', 'log', 'allocated']),
  /** For `moved`: from and to, and whether it went forward, back (revise) or reopened. */
  from: CaseStageSchema.optional(),
  to: CaseStageSchema.optional(),
  move: z.enum(['advance', 'revise', 'reopen']).optional(),
  step: CaseStageSchema.optional(),
  text: z.string().optional(),
  actorId: Id,
  actorName: z.string(),
  at: IsoDateTime,
});
export type CaseEvent = z.infer<typeof CaseEvent>;

export const Allocation = z.object({
  id: Id,
  caseId: Id,
  caseTitle: z.string(),
  offerId: Id,
  offerTitle: z.string(),
  providerId: Id,
  providerName: z.string(),
  kind: OfferKindSchema,
  quantity: z.number().int(),
  unit: z.string(),
  note: z.string().optional(),
  actorId: Id,
  at: IsoDateTime,
});
export type Allocation = z.infer<typeof Allocation>;

export const CaseDetail = z.object({ case: Case, history: z.array(CaseEvent), allocations: z.array(Allocation) });
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseMoveRequest = z.object({ to: CaseStageSchema, reason: z.string().trim().max(300).optional() }).strict();
export const CaseFormParams = z.object({ id: Id, step: CaseFormStepSchema });
export const CaseLogRequest = z.object({ text: Text(1_000) }).strict();
export const AllocationRequest = z
  .object({ offerId: Id, quantity: z.number().int().min(1).max(OFFER_QUANTITY_MAX), note: z.string().trim().max(200).optional() })
  .strict();
export type AllocationRequest = z.infer<typeof AllocationRequest>;
export const AllocationList = list(Allocation);
/** What a provider's contact user sees: the providers they act for and their offers. */
export const MyResources = z.object({ providers: z.array(Provider), offers: z.array(Offer) });

/** What any member sees of the platform: verified providers and what they offer now; no contacts, no people behind them. */
export const DirectoryOffer = Offer.pick({
  id: true,
  kind: true,
  title: true,
  quantity: true,
  unit: true,
  remaining: true,
  availability: true,
});
export const DirectoryProvider = Provider.pick({ id: true, name: true, kind: true }).extend({ offers: z.array(DirectoryOffer) });
export type DirectoryProvider = z.infer<typeof DirectoryProvider>;
export const ResourceDirectory = z.object({ providers: z.array(DirectoryProvider) });

/** How a quantity reads: funds as 元 (from integer fen, no floating point), others as `12 箱`. */
export const quantityText = (quantity: number, unit: string): string => {
  if (unit !== FUNDS_UNIT) return `${quantity} ${unit}`;
  const fen = Math.abs(quantity);
  return `${quantity < 0 ? '-' : ''}¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
};

/** `12.5` 元 → 1250 fen, read from the text so 0.1 + 0.2 never happens; undefined if it is not an amount. */
export const yuanToFen = (text: string): number | undefined => {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
};

export const ProjectCategorySchema = z.enum(['environment', 'culture', 'elderly', 'youth', 'disability', 'community']);
export type ProjectCategory = z.infer<typeof ProjectCategorySchema>;
export const PROJECT_CATEGORY_LABELS: Record<ProjectCategory, string> = {
  environment: '环保类',
  culture: '文化服务类',
  elderly: '老年服务类',
  youth: '青少年服务类',
  disability: '助残类',
  community: '社区治理类',
};

/** A public-benefit project (铅笔花校园行, 富心计划, 公益黄手环…): its activities, cases and resources count together. */
export const ProjectInput = z
  .object({ name: z.string().trim().min(2).max(40), category: ProjectCategorySchema, description: z.string().trim().max(500).default('') })
  .strict();
export type ProjectInput = z.infer<typeof ProjectInput>;

/** What a project has gathered, counted as it happened: check-ins at its activities, approved service time, cases and allocations. */
export const ProjectFigures = z.object(counts('checkIns', 'serviceMinutes', 'cases', 'allocations'));
export type ProjectFigures = z.infer<typeof ProjectFigures>;

export const Project = z.object({
  id: Id,
  name: z.string(),
  category: ProjectCategorySchema,
  description: z.string(),
  createdBy: Id,
  createdAt: IsoDateTime,
  figures: ProjectFigures,
});
export type Project = z.infer<typeof Project>;
export const ProjectList = list(Project);
