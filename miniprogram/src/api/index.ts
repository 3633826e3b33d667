/** Typed calls of the API, grouped by feature; request and reply types come from `@hele/shared`. */
import {
  CreateSeriesRequest,
  EnrolmentResponse,
  Series,
  SeriesCertificate,
  SeriesDetail,
  SeriesPage,
  SeriesRoster,
  Allocation,
  AllocationList,
  Case,
  CaseDetail,
  CasePage,
  Minutes,
  AcademyBoard,
  MeetingScores,
  Observer,
  ObserverList,
  Rubric,
  type ScoreSheetInput,
  BranchProfileResponse,
  PlanProposal,
  PlanModuleInput,
  PlanModuleList,
  PlanModuleRecord,
  ThemeList,
  BranchYearFigures,
  type RubricInput,
  type RosterEntryInput,
  Dashboard,
  type DashboardTable,
  MyResources,
  Project,
  ProjectInput,
  ProjectList,
  Offer,
  OfferPage,
  Provider,
  ProviderPage,
  type AllocationRequest,
  type CaseForm,
  type CaseFormStep,
  type CaseInput,
  type CaseStage,
  type OfferInput,
  type OfferKind,
  type ProviderInput,
  AttendanceRateResponse,
  AttendanceResponse,
  CheckInCodeResponse,
  CheckInResponse,
  SignOutResponse,
  Material,
  MaterialInput,
  MaterialPage,
  MaterialUploadRequest,
  MaterialUploadResponse,
  ProgressResponse,
  Idea,
  IdeaList,
  VoteResponse,
  ActionItem,
  ActionItemPage,
  type ActionItemInput,
  CompletedTrainings,
  UserResponse,
  RoleChangeResponse,
  RoleHolderPage,
  RoleAuditPage,
  type ManagedRole,
  FeedPage,
  FeedChanges,
  PostResponse,
  LikeResponse,
  CommentResponse,
  CommentPage,
  FeedSettings,
  type PostInput,
  type PostUpdate,
  UploadResponse,
  type UploadRequest,
  MyVolunteerResponse,
  VolunteerProfile,
  VolunteerPage,
  Question,
  QuestionPage,
  ExamAttemptResponse,
  ExamAttemptPage,
  TrainingQuizResponse,
  type ExamBank,
  type TrainingTopic,
  ServiceRecordPage,
  ServiceRecord,
  ServiceCertificate,
  type DeclareHoursRequest,
  type HoursDecisionRequest,
  type QuestionInput,
  type VolunteerApplicationRequest,
  LeavePage,
  LeaveResponse,
  MessagePage,
  PointsResponse,
  EntryResponse,
  RedemptionPage,
  RedemptionResponse,
  FulfilResponse,
  ReminderResponse,
  RewardPage,
  RewardResponse,
  type AdjustmentRequest,
  type CreateRewardRequest,
  type UpdateRewardRequest,
  ActivityPage,
  ActivityResponse,
  HealthResponse,
  LoginResponse,
  MeResponse,
  MyRegistrationPage,
  RegistrationPage,
  RegistrationResponse,
  type ActivityKind,
  type CheckInRequest,
  type CreateActivityRequest,
  type LeaveDecisionBody,
  type RegistrationStatus,
  type UpdateActivityRequest,
} from '@hele/shared';
import { z } from 'zod';
import { request } from './http';

export { ApiError, newIdempotencyKey } from './http';

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

const CancelActivityResponse = ActivityResponse.extend({ cancelledRegistrations: z.number().int() });

export const api = {
  health: () => request({ method: 'GET', path: '/health', schema: HealthResponse, auth: false }),
  login: (code: string) => request({ method: 'POST', path: '/auth/login', body: { code }, schema: LoginResponse, auth: false }),
  me: () => request({ method: 'GET', path: '/me', schema: MeResponse }),

  activities: {
    list: (query: PageQuery & { kind?: ActivityKind; from?: string; status?: string } = {}) =>
      request({ method: 'GET', path: '/activities', query: { ...query }, schema: ActivityPage }),
    get: (id: string) => request({ method: 'GET', path: `/activities/${id}`, schema: ActivityResponse }),
    create: (body: CreateActivityRequest) => request({ method: 'POST', path: '/activities', body, schema: ActivityResponse }),
    update: (id: string, body: UpdateActivityRequest) =>
      request({ method: 'PATCH', path: `/activities/${id}`, body, schema: ActivityResponse }),
    publish: (id: string) => request({ method: 'POST', path: `/activities/${id}/publish`, schema: ActivityResponse }),
    cancel: (id: string) => request({ method: 'POST', path: `/activities/${id}/cancel`, schema: CancelActivityResponse }),
  },

  registrations: {
    register: (activityId: string, idempotencyKey: string) =>
      request({ method: 'POST', path: `/activities/${activityId}/registrations`, idempotencyKey, schema: RegistrationResponse }),
    cancelMine: (activityId: string) =>
      request({ method: 'DELETE', path: `/activities/${activityId}/registrations/me`, schema: RegistrationResponse }),
    ofActivity: (activityId: string, query: PageQuery & { status?: RegistrationStatus } = {}) =>
      request({ method: 'GET', path: `/activities/${activityId}/registrations`, query: { ...query }, schema: RegistrationPage }),
    mine: (query: PageQuery = {}) => request({ method: 'GET', path: '/me/registrations', query: { ...query }, schema: MyRegistrationPage }),
  },

  checkIn: {
    code: (activityId: string) => request({ method: 'GET', path: `/activities/${activityId}/check-in-code`, schema: CheckInCodeResponse }),
    submit: (activityId: string, body: CheckInRequest) =>
      request({ method: 'POST', path: `/activities/${activityId}/check-ins`, body, schema: CheckInResponse }),
    signOut: (activityId: string, body: CheckInRequest & { early?: boolean }) =>
      request({ method: 'POST', path: `/activities/${activityId}/sign-outs`, body, schema: SignOutResponse }),
    attendance: (activityId: string) =>
      request({ method: 'GET', path: `/activities/${activityId}/attendance`, schema: AttendanceResponse }),
    attendanceCsv: (activityId: string) =>
      request({ method: 'GET', path: `/activities/${activityId}/attendance`, query: { format: 'csv' }, schema: z.string(), text: true }),
    trainings: () => request({ method: 'GET', path: '/me/trainings', schema: CompletedTrainings }),
    myRate: (year?: number) => request({ method: 'GET', path: '/me/attendance', query: { year }, schema: AttendanceRateResponse }),
  },

  points: {
    mine: (query: PageQuery = {}) => request({ method: 'GET', path: '/me/points', query: { ...query }, schema: PointsResponse }),
    adjust: (body: AdjustmentRequest, idempotencyKey: string) =>
      request({ method: 'POST', path: '/points/adjustments', body, idempotencyKey, schema: EntryResponse }),
  },

  rewards: {
    list: (query: PageQuery & { active?: boolean } = {}) =>
      request({ method: 'GET', path: '/rewards', query: { ...query, active: query.active === undefined ? undefined : String(query.active) }, schema: RewardPage }),
    get: (id: string) => request({ method: 'GET', path: `/rewards/${id}`, schema: RewardResponse }),
    create: (body: CreateRewardRequest) => request({ method: 'POST', path: '/rewards', body, schema: RewardResponse }),
    update: (id: string, body: UpdateRewardRequest) => request({ method: 'PATCH', path: `/rewards/${id}`, body, schema: RewardResponse }),
  },

  redemptions: {
    redeem: (rewardId: string, idempotencyKey: string) =>
      request({ method: 'POST', path: '/redemptions', body: { rewardId }, idempotencyKey, schema: RedemptionResponse }),
    cancel: (id: string, idempotencyKey: string) =>
      request({ method: 'POST', path: `/redemptions/${id}/cancel`, idempotencyKey, schema: RedemptionResponse }),
    mine: (query: PageQuery = {}) => request({ method: 'GET', path: '/me/redemptions', query: { ...query }, schema: RedemptionPage }),
    fulfil: (voucher: string) => request({ method: 'POST', path: '/redemptions/fulfil', body: { voucher }, schema: FulfilResponse }),
  },

  notifications: {
    remindMe: (activityId: string) => request({ method: 'POST', path: `/activities/${activityId}/reminders`, schema: ReminderResponse }),
    messages: (query: PageQuery = {}) => request({ method: 'GET', path: '/me/messages', query: { ...query }, schema: MessagePage }),
  },

  feed: {
    page: (activityId: string, query: PageQuery = {}) => request({ method: 'GET', path: `/activities/${activityId}/posts`, query: { ...query }, schema: FeedPage }),
    changes: (activityId: string, since?: string, cursor?: string) =>
      request({ method: 'GET', path: `/activities/${activityId}/posts/changes`, query: { since, cursor }, schema: FeedChanges }),
    post: (activityId: string, body: PostInput) => request({ method: 'POST', path: `/activities/${activityId}/posts`, body, schema: PostResponse }),
    /** A presigned POST for one photo of a post (see `uploadPhoto`). */
    upload: (activityId: string, body: UploadRequest) => request({ method: 'POST', path: `/activities/${activityId}/uploads`, body, schema: UploadResponse }),
    update: (activityId: string, postId: string, body: PostUpdate) =>
      request({ method: 'PATCH', path: `/activities/${activityId}/posts/${postId}`, body, schema: PostResponse }),
    remove: (activityId: string, postId: string) =>
      request({ method: 'DELETE', path: `/activities/${activityId}/posts/${postId}`, schema: z.object({ id: z.string(), deleted: z.literal(true), rev: z.string() }) }),
    pin: (activityId: string, postId: string, pinned: boolean) =>
      request({ method: 'POST', path: `/activities/${activityId}/posts/${postId}/pin`, body: { pinned }, schema: PostResponse }),
    like: (activityId: string, postId: string, liked: boolean) =>
      request({ method: liked ? 'PUT' : 'DELETE', path: `/activities/${activityId}/posts/${postId}/likes/me`, schema: LikeResponse }),
    comments: (activityId: string, postId: string, query: PageQuery = {}) =>
      request({ method: 'GET', path: `/activities/${activityId}/posts/${postId}/comments`, query: { ...query }, schema: CommentPage }),
    hideComment: (activityId: string, postId: string, commentId: string) =>
      request({ method: 'POST', path: `/activities/${activityId}/posts/${postId}/comments/${commentId}/hide`, schema: z.object({ id: z.string(), hidden: z.boolean() }) }),
    setReporters: (activityId: string, userIds: string[]) =>
      request({ method: 'PUT', path: `/activities/${activityId}/reporters`, body: { userIds }, schema: FeedSettings }),
    mute: (activityId: string, userId: string, muted = true) =>
      request({ method: 'POST', path: `/activities/${activityId}/mutes`, body: { userId, muted }, schema: FeedSettings }),
    comment: (activityId: string, postId: string, text: string) =>
      request({ method: 'POST', path: `/activities/${activityId}/posts/${postId}/comments`, body: { text }, schema: CommentResponse }),
  },

  volunteers: {
    me: () => request({ method: 'GET', path: '/me/volunteer', schema: MyVolunteerResponse }),
    apply: (body: VolunteerApplicationRequest) => request({ method: 'PUT', path: '/me/volunteer', body, schema: z.object({ profile: VolunteerProfile }) }),
    list: (query: PageQuery & { status?: 'applied' | 'certified' } = {}) => request({ method: 'GET', path: '/volunteers', query: { ...query }, schema: VolunteerPage }),
  },

  exam: {
    start: () => request({ method: 'POST', path: '/exam/attempts', schema: ExamAttemptResponse }),
    submit: (attemptId: string, answers: Record<string, number[]>) =>
      request({ method: 'POST', path: `/exam/attempts/${attemptId}/submit`, body: { answers }, schema: ExamAttemptResponse }),
    // `bank`: the certification bank (left out) or a training topic's.
    attempts: (query: PageQuery & { bank?: ExamBank } = {}) => request({ method: 'GET', path: '/exam/attempts', query: { ...query }, schema: ExamAttemptPage }),
    questions: (query: PageQuery & { bank?: ExamBank } = {}) => request({ method: 'GET', path: '/exam/questions', query: { ...query }, schema: QuestionPage }),
    addQuestion: (body: QuestionInput, bank?: ExamBank) =>
      request({ method: 'POST', path: '/exam/questions', query: { bank }, body, schema: z.object({ question: Question }) }),
    setQuestionActive: (id: string, active: boolean, bank?: ExamBank) =>
      request({ method: 'PATCH', path: `/exam/questions/${id}`, query: { bank }, body: { active }, schema: z.object({ question: Question }) }),
  },

  /** A training topic's quiz (培训测验), open after checking in at one of its trainings. */
  quiz: {
    status: (topic: TrainingTopic) => request({ method: 'GET', path: `/trainings/${topic}/quiz`, schema: TrainingQuizResponse }),
    start: (topic: TrainingTopic) => request({ method: 'POST', path: `/trainings/${topic}/quiz/attempts`, schema: ExamAttemptResponse }),
    submit: (topic: TrainingTopic, attemptId: string, answers: Record<string, number[]>) =>
      request({ method: 'POST', path: `/trainings/${topic}/quiz/attempts/${attemptId}/submit`, body: { answers }, schema: ExamAttemptResponse }),
  },

  hours: {
    declare: (body: DeclareHoursRequest) => request({ method: 'POST', path: '/me/service-records', body, schema: z.object({ record: ServiceRecord }) }),
    mine: (query: PageQuery = {}) => request({ method: 'GET', path: '/me/service-records', query: { ...query }, schema: ServiceRecordPage }),
    byStatus: (query: PageQuery & { status?: 'pending' | 'approved' | 'refused' } = {}) =>
      request({ method: 'GET', path: '/service-records', query: { ...query }, schema: ServiceRecordPage }),
    decide: (id: string, body: HoursDecisionRequest) =>
      request({ method: 'POST', path: `/service-records/${id}/decision`, body, schema: z.object({ record: ServiceRecord, balance: z.number().int().optional() }) }),
    certificate: () => request({ method: 'GET', path: '/me/service-certificate', schema: z.object({ certificate: ServiceCertificate }) }),
    /** A coordinator confirms a class took place: the lecturer's teaching becomes approved service. */
    recordTeaching: (activityId: string, lecturerId: string) =>
      request({ method: 'POST', path: '/service-records/teaching', body: { activityId, lecturerId }, schema: z.object({ record: ServiceRecord }) }),
    declareTeaching: (activityId: string) => request({ method: 'POST', path: '/me/teaching', body: { activityId }, schema: z.object({ record: ServiceRecord }) }),
  },

  minutes: {
    get: (activityId: string) => request({ method: 'GET', path: `/activities/${activityId}/minutes`, schema: z.object({ minutes: Minutes }) }),
    save: (activityId: string, text: string) => request({ method: 'PUT', path: `/activities/${activityId}/minutes`, body: { text }, schema: z.object({ minutes: Minutes }) }),
    /** The minutes as a Word document (.docx bytes). */
    document: (activityId: string) => request({ method: 'GET', path: `/activities/${activityId}/minutes/document`, schema: z.instanceof(ArrayBuffer), binary: true }),
  },

  meetings: {
    ideas: (activityId: string) => request({ method: 'GET', path: `/activities/${activityId}/ideas`, schema: IdeaList }),
    addIdea: (activityId: string, body: { text: string; kind?: 'idea' | 'question' }) =>
      request({ method: 'POST', path: `/activities/${activityId}/ideas`, body, schema: z.object({ idea: Idea }) }),
    vote: (activityId: string, ideaId: string, voted: boolean) =>
      request({ method: voted ? 'PUT' : 'DELETE', path: `/activities/${activityId}/ideas/${ideaId}/votes/me`, schema: VoteResponse }),
    group: (activityId: string, ideaId: string, group: string) =>
      request({ method: 'PATCH', path: `/activities/${activityId}/ideas/${ideaId}`, body: { group }, schema: z.object({ idea: Idea }) }),
    actions: (activityId: string) => request({ method: 'GET', path: `/activities/${activityId}/actions`, schema: z.object({ items: z.array(ActionItem) }) }),
    addAction: (activityId: string, body: ActionItemInput) =>
      request({ method: 'POST', path: `/activities/${activityId}/actions`, body, schema: z.object({ action: ActionItem }) }),
    updateAction: (activityId: string, actionId: string, body: { status?: 'open' | 'done'; note?: string }) =>
      request({ method: 'PATCH', path: `/activities/${activityId}/actions/${actionId}`, body, schema: z.object({ action: ActionItem }) }),
    overdue: () => request({ method: 'GET', path: '/actions/overdue', schema: ActionItemPage }),
  },

  library: {
    list: (query: PageQuery & { q?: string; category?: string; seriesId?: string } = {}) => request({ method: 'GET', path: '/materials', query: { ...query }, schema: MaterialPage }),
    get: (id: string) => request({ method: 'GET', path: `/materials/${id}`, schema: z.object({ material: Material }) }),
    add: (body: z.input<typeof MaterialInput>) => request({ method: 'POST', path: '/materials', body, schema: z.object({ material: Material }) }),
    /** A presigned POST for one file of a material (see `uploadFile`). */
    upload: (body: z.input<typeof MaterialUploadRequest>) => request({ method: 'POST', path: '/materials/uploads', body, schema: MaterialUploadResponse }),
    progress: (id: string, percent: number) => request({ method: 'PUT', path: `/materials/${id}/progress`, body: { percent }, schema: ProgressResponse }),
  },

  branches: {
    profile: (branchId: string) => request({ method: 'GET', path: `/branches/${branchId}/profile`, schema: BranchProfileResponse }),
    record: (branchId: string, userId: string, body: RosterEntryInput) =>
      request({ method: 'PUT', path: `/branches/${branchId}/roster/${userId}`, body, schema: BranchProfileResponse }),
    notes: (branchId: string, body: { needs: string; constraints: string }) =>
      request({ method: 'PUT', path: `/branches/${branchId}/notes`, body, schema: BranchProfileResponse }),
    modules: () => request({ method: 'GET', path: '/plan-modules', schema: PlanModuleList }),
    themes: () => request({ method: 'GET', path: '/themes', schema: ThemeList }),
    statistics: (branchId: string) => request({ method: 'GET', path: `/branches/${branchId}/statistics`, schema: z.object({ statistics: BranchYearFigures }) }),
    /** Every branch's year, as an Excel workbook (.xlsx bytes). */
    statisticsWorkbook: () => request({ method: 'GET', path: '/statistics/branches', query: { format: 'xlsx' }, schema: z.instanceof(ArrayBuffer), binary: true }),
    addModule: (body: z.input<typeof PlanModuleInput>) => request({ method: 'POST', path: '/plan-modules', body, schema: z.object({ module: PlanModuleRecord }) }),
    propose: (branchId: string, body: { theme: string; meetings: number }) =>
      request({ method: 'POST', path: `/branches/${branchId}/plan-proposals`, body, schema: PlanProposal }),
  },

  academy: {
    rubric: () => request({ method: 'GET', path: '/rubric', schema: z.object({ rubric: Rubric }) }),
    setRubric: (body: RubricInput) => request({ method: 'PUT', path: '/rubric', body, schema: z.object({ rubric: Rubric }) }),
    observe: (activityId: string) => request({ method: 'POST', path: `/activities/${activityId}/observers`, schema: z.object({ observer: Observer }) }),
    observers: (activityId: string) => request({ method: 'GET', path: `/activities/${activityId}/observers`, schema: ObserverList }),
    score: (activityId: string, body: ScoreSheetInput) =>
      request({ method: 'POST', path: `/activities/${activityId}/score-sheets`, body, schema: z.object({ activityId: z.string(), mark: z.number().int() }) }),
    scores: (activityId: string) => request({ method: 'GET', path: `/activities/${activityId}/scores`, schema: z.object({ scores: MeetingScores }) }),
    board: (year?: number) => request({ method: 'GET', path: '/academy/board', query: { year }, schema: z.object({ board: AcademyBoard }) }),
  },

  dashboard: {
    figures: (query: { from?: string; to?: string } = {}) => request({ method: 'GET', path: '/dashboard', query: { ...query }, schema: Dashboard }),
    csv: (table: DashboardTable, query: { from?: string; to?: string } = {}) =>
      request({ method: 'GET', path: '/dashboard/export', query: { table, ...query }, schema: z.string(), text: true }),
  },

  resources: {
    registerProvider: (body: ProviderInput) => request({ method: 'POST', path: '/providers', body, schema: z.object({ provider: Provider }) }),
    providers: (query: PageQuery = {}) => request({ method: 'GET', path: '/providers', query: { ...query }, schema: ProviderPage }),
    verifyProvider: (id: string) => request({ method: 'POST', path: `/providers/${id}/verification`, schema: z.object({ provider: Provider }) }),
    offer: (body: OfferInput) => request({ method: 'POST', path: '/offers', body, schema: z.object({ offer: Offer }) }),
    offers: (query: PageQuery & { kind?: OfferKind } = {}) => request({ method: 'GET', path: '/offers', query: { ...query }, schema: OfferPage }),
    mine: () => request({ method: 'GET', path: '/me/resources', schema: MyResources }),
    allocationsOf: (offerId: string) => request({ method: 'GET', path: `/offers/${offerId}/allocations`, schema: AllocationList }),
    projects: () => request({ method: 'GET', path: '/projects', schema: ProjectList }),
    addProject: (body: z.input<typeof ProjectInput>) => request({ method: 'POST', path: '/projects', body, schema: z.object({ project: Project }) }),
    openCase: (body: CaseInput) => request({ method: 'POST', path: '/cases', body, schema: z.object({ case: Case }) }),
    cases: (query: PageQuery & { stage?: CaseStage } = {}) => request({ method: 'GET', path: '/cases', query: { ...query }, schema: CasePage }),
    case: (id: string) => request({ method: 'GET', path: `/cases/${id}`, schema: CaseDetail }),
    move: (id: string, to: CaseStage, reason?: string) => request({ method: 'POST', path: `/cases/${id}/transitions`, body: { to, reason }, schema: z.object({ case: Case }) }),
    saveForm: (id: string, step: CaseFormStep, form: CaseForm) => request({ method: 'PUT', path: `/cases/${id}/forms/${step}`, body: form, schema: z.object({ case: Case }) }),
    log: (id: string, text: string) => request({ method: 'POST', path: `/cases/${id}/log`, body: { text }, schema: z.object({ case: Case }) }),
    allocate: (caseId: string, body: AllocationRequest, idempotencyKey: string) =>
      request({ method: 'POST', path: `/cases/${caseId}/allocations`, body, idempotencyKey, schema: z.object({ allocation: Allocation }) }),
  },

  roles: {
    user: (id: string) => request({ method: 'GET', path: `/users/${id}`, schema: UserResponse }),
    grant: (userId: string, role: ManagedRole) => request({ method: 'PUT', path: `/users/${userId}/roles/${role}`, schema: RoleChangeResponse }),
    revoke: (userId: string, role: ManagedRole) => request({ method: 'DELETE', path: `/users/${userId}/roles/${role}`, schema: RoleChangeResponse }),
    holders: (role: ManagedRole, query: PageQuery = {}) => request({ method: 'GET', path: `/roles/${role}/holders`, query: { ...query }, schema: RoleHolderPage }),
    audit: (query: PageQuery = {}) => request({ method: 'GET', path: '/audit/roles', query: { ...query }, schema: RoleAuditPage }),
  },

  series: {
    list: (query: PageQuery & { teaching?: boolean } = {}) =>
      request({ method: 'GET', path: '/series', query: { ...query, teaching: query.teaching ? 'true' : undefined }, schema: SeriesPage }),
    mine: () => request({ method: 'GET', path: '/me/series', schema: SeriesPage }),
    get: (id: string) => request({ method: 'GET', path: `/series/${id}`, schema: SeriesDetail }),
    create: (body: z.input<typeof CreateSeriesRequest>) => request({ method: 'POST', path: '/series', body, schema: z.object({ series: Series }) }),
    enrol: (id: string) => request({ method: 'POST', path: `/series/${id}/enrolment`, schema: EnrolmentResponse }),
    withdraw: (id: string) => request({ method: 'DELETE', path: `/series/${id}/enrolment`, schema: EnrolmentResponse }),
    roster: (id: string) => request({ method: 'GET', path: `/series/${id}/roster`, schema: SeriesRoster }),
    saveNotes: (id: string, activityId: string, notes: string) =>
      request({ method: 'PUT', path: `/series/${id}/sessions/${activityId}/notes`, body: { notes }, schema: ActivityResponse }),
    certificate: (id: string) => request({ method: 'GET', path: `/series/${id}/certificate`, schema: z.object({ certificate: SeriesCertificate }) }),
  },

  leave: {
    request: (activityId: string, reason: string) =>
      request({ method: 'POST', path: `/activities/${activityId}/leave-requests`, body: { reason }, schema: LeaveResponse }),
    decide: (activityId: string, userId: string, body: LeaveDecisionBody) =>
      request({ method: 'POST', path: `/activities/${activityId}/leave-requests/${userId}/decision`, body, schema: LeaveResponse }),
    pending: (query: PageQuery = {}) => request({ method: 'GET', path: '/leave-requests', query: { ...query }, schema: LeavePage }),
  },
};
