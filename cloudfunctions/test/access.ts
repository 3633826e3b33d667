/**
 * A request that exercises each route, for the role × route test. Who may call a route is the
 * contract's (`access` in @hele/shared/contract); `refused` names callers the guard lets through
 * but the service turns away on this sample (e.g. a secretary, for a branch that is not hers).
 */
import { centerDate } from '@hele/shared';
import { activityInput } from './fixtures';

export type Caller = 'none' | 'member' | 'volunteer' | 'lecturer' | 'secretary' | 'coordinator' | 'admin';
export const CALLERS: Caller[] = ['none', 'member', 'volunteer', 'lecturer', 'secretary', 'coordinator', 'admin'];

const MISSING = '01MISSINGACTIVITY';

export interface RouteSample {
  path: string;
  body?: () => unknown;
  /** Admitted by the route's access rule, refused (403) by the service for this sample. */
  refused?: Caller[];
  /** The code of the service's refusal, when it is more precise than FORBIDDEN. */
  refusedCode?: string;
}

export const ROUTE_SAMPLES: Record<string, RouteSample> = {
  'GET /health': { path: '/health' },
  'POST /auth/login': { path: '/auth/login', body: () => ({ code: 'dev:member' }) },
  // WeChat's push: past the guard for anyone; its signature is checked by the route (see photo-check.test.ts).
  'GET /wechat/media-check': { path: '/wechat/media-check' },
  'POST /wechat/media-check': { path: '/wechat/media-check', body: () => ({}) },
  'GET /me': { path: '/me' },
  // Invalid values: allowed callers get 400 and no dev account's profile changes.
  'PATCH /me': { path: '/me', body: () => ({ nickname: '' }) },
  'POST /me/avatar-uploads': { path: '/me/avatar-uploads', body: () => ({ contentType: 'image/jpeg', size: 1000 }) },
  'POST /me/phone': { path: '/me/phone', body: () => ({ code: '' }) },
  'GET /me/export': { path: '/me/export' },
  // DELETE /me refuses any query parameter (400), so this sample closes no dev account (close.test.ts closes its own).
  'DELETE /me': { path: '/me?dryRun=1' },
  'POST /activities': { path: '/activities', body: () => activityInput({ publish: false }) },
  'GET /activities': { path: '/activities' },
  'GET /activities/{id}': { path: `/activities/${MISSING}` },
  'PATCH /activities/{id}': { path: `/activities/${MISSING}`, body: () => ({ title: '改名' }) },
  'POST /activities/{id}/publish': { path: `/activities/${MISSING}/publish` },
  'POST /activities/{id}/cancel': { path: `/activities/${MISSING}/cancel`, body: () => ({ reason: '场地临时维修' }) },
  'GET /public/activities/{id}': { path: `/public/activities/${MISSING}` },
  'PUT /activities/{id}/public-feed': { path: `/activities/${MISSING}/public-feed`, body: () => ({ public: true }) },
  'GET /public/activities/{id}/feed': { path: `/public/activities/${MISSING}/feed` },
  'GET /activities/{id}/report': { path: `/activities/${MISSING}/report` },
  'GET /activities/{id}/report/document': { path: `/activities/${MISSING}/report/document` },
  'GET /activities/{id}/calendar': { path: `/activities/${MISSING}/calendar` },
  'POST /activities/{id}/registrations': { path: `/activities/${MISSING}/registrations` },
  'DELETE /activities/{id}/registrations/me': { path: `/activities/${MISSING}/registrations/me` },
  'GET /activities/{id}/registrations': { path: `/activities/${MISSING}/registrations` },
  'GET /me/registrations': { path: '/me/registrations' },
  'GET /activities/{id}/check-in-code': { path: `/activities/${MISSING}/check-in-code` },
  'POST /activities/{id}/check-ins': { path: `/activities/${MISSING}/check-ins`, body: () => ({ code: '123456' }) },
  'POST /activities/{id}/assisted-check-ins': { path: `/activities/${MISSING}/assisted-check-ins`, body: () => ({ userId: 'u_someone' }) },
  'POST /activities/{id}/walk-ins': { path: `/activities/${MISSING}/walk-ins`, body: () => ({ name: '刘奶奶' }) },
  'GET /activities/{id}/attendance': { path: `/activities/${MISSING}/attendance` },
  'POST /activities/{id}/leave-requests': { path: `/activities/${MISSING}/leave-requests`, body: () => ({ reason: '出差' }) },
  'POST /activities/{id}/leave-requests/{userId}/decision': {
    path: `/activities/${MISSING}/leave-requests/u_nobody/decision`,
    body: () => ({ decision: 'approve' }),
  },
  'GET /leave-requests': { path: '/leave-requests' },
  'GET /me/attendance': { path: '/me/attendance' },
  'POST /activities/{id}/reminders': { path: `/activities/${MISSING}/reminders` },
  'GET /me/messages': { path: '/me/messages' },
  'POST /me/notice-consents': { path: '/me/notice-consents', body: () => ({ topics: ['leave_result'] }) },
  'GET /me/points': { path: '/me/points' },
  'POST /points/adjustments': { path: '/points/adjustments', body: () => ({ userId: 'u_nobody', amount: 1, reason: '测试' }) },
  'POST /rewards': { path: '/rewards', body: () => ({ title: '礼品', kind: 'goods', cost: 1, stock: 1 }) },
  'GET /rewards': { path: '/rewards' },
  'GET /points/settings': { path: '/points/settings' },
  'GET /me/party-points': { path: '/me/party-points' },
  // An unknown user: allowed callers get 400 and no one's 党员积分 change.
  'POST /party-points/adjustments': { path: '/party-points/adjustments', body: () => ({ userId: 'u_nobody', amount: 1, reason: '测试' }) },
  // Past the guard for anyone signed in; only the center and the branch's own people see its ranking.
  'GET /branches/{id}/party-points': {
    path: '/branches/01NOBRANCH/party-points',
    refused: ['member', 'volunteer', 'lecturer', 'secretary'],
    refusedCode: 'NOT_YOUR_BRANCH',
  },
  // Invalid: allowed callers get 400 and the center's validity stays as it is.
  'PUT /points/settings': { path: '/points/settings', body: () => ({ validityMonths: -1 }) },
  'GET /rewards/{id}': { path: '/rewards/01MISSINGREWARD' },
  'PATCH /rewards/{id}': { path: '/rewards/01MISSINGREWARD', body: () => ({ cost: 5 }) },
  'POST /redemptions': { path: '/redemptions', body: () => ({ rewardId: '01MISSINGREWARD' }) },
  'POST /redemptions/{id}/cancel': { path: '/redemptions/01MISSING/cancel' },
  'POST /redemptions/fulfil': { path: '/redemptions/fulfil', body: () => ({ voucher: 'HLVC1.x.yyyyyyyyyyyyyyyyyyyy' }) },
  'GET /me/redemptions': { path: '/me/redemptions' },
  'GET /redemptions': { path: '/redemptions' },
  'POST /activities/{id}/sign-outs': { path: `/activities/${MISSING}/sign-outs`, body: () => ({ code: '123456' }) },
  'GET /me/volunteer': { path: '/me/volunteer' },
  'GET /me/trainings': { path: '/me/trainings' },
  'POST /activities/{id}/ideas': { path: `/activities/${MISSING}/ideas`, body: () => ({ text: '多开展户外活动' }) },
  'GET /activities/{id}/ideas': { path: `/activities/${MISSING}/ideas` },
  'PUT /activities/{id}/ideas/{ideaId}/votes/me': { path: `/activities/${MISSING}/ideas/01I/votes/me` },
  'DELETE /activities/{id}/ideas/{ideaId}/votes/me': { path: `/activities/${MISSING}/ideas/01I/votes/me` },
  'PATCH /activities/{id}/ideas/{ideaId}': { path: `/activities/${MISSING}/ideas/01I`, body: () => ({ group: '服务' }) },
  'POST /activities/{id}/actions': {
    path: `/activities/${MISSING}/actions`,
    body: () => ({ text: '每月走访', ownerId: 'u_nobody', dueOn: '2026-12-31' }),
  },
  'GET /activities/{id}/actions': { path: `/activities/${MISSING}/actions` },
  'PATCH /activities/{id}/actions/{actionId}': { path: `/activities/${MISSING}/actions/01A`, body: () => ({ status: 'done' }) },
  'GET /me/actions': { path: '/me/actions' },
  'GET /activities/{id}/minutes': { path: `/activities/${MISSING}/minutes` },
  // A secretary sees her own branch's only (meetings.test.ts); this one is on none.
  'GET /branches/{id}/statistics': { refused: ['secretary'], path: '/branches/01NOBRANCH/statistics' },
  'GET /statistics/branches': { path: '/statistics/branches?year=2001' },
  'GET /compliance': { path: '/compliance?year=2001' },
  'GET /branches/{id}/compliance': { refused: ['secretary'], path: '/branches/01NOBRANCH/compliance' },
  // An unknown kind: allowed callers get 400 and the center's frequencies stay as they are.
  'PUT /compliance/frequencies': { path: '/compliance/frequencies', body: () => ({ weekly: 'monthly' }) },
  'GET /activities/{id}/minutes/document': { path: `/activities/${MISSING}/minutes/document` },
  // A secretary passes the guard; the service lets only the meeting's own branch secretary save (meetings.test.ts).
  'PUT /activities/{id}/minutes': {
    path: `/activities/${MISSING}/minutes`,
    body: () => ({ text: '会议纪要：讨论了两学一做的落实措施。' }),
  },
  'POST /materials': {
    path: '/materials',
    body: () => ({ title: '党章学习', kind: 'article', category: '理论学习', body: '全文' }),
  },
  'POST /materials/uploads': { path: '/materials/uploads', body: () => ({ contentType: 'application/pdf', fileName: '党章.pdf' }) },
  'GET /materials': { path: '/materials' },
  'GET /materials/{id}': { path: '/materials/01MISSINGMATERIAL' },
  'PUT /materials/{id}/progress': { path: '/materials/01MISSINGMATERIAL/progress', body: () => ({ event: 'opened' }) },
  'GET /actions/overdue': { path: '/actions/overdue?branchId=demo-branch' },
  'PUT /me/volunteer': { path: '/me/volunteer', body: () => ({ skills: ['急救'], availability: '周末', phone: '13800000000' }) },
  'GET /volunteers': { path: '/volunteers' },
  'POST /exam/questions': {
    path: '/exam/questions',
    body: () => ({ category: '礼仪', type: 'single', text: '志愿服务应当？', options: ['自愿', '强制'], answer: [0] }),
  },
  'GET /exam/questions': { path: '/exam/questions' },
  'PATCH /exam/questions/{id}': { path: '/exam/questions/01MISSINGQUESTION', body: () => ({ active: false }) },
  'POST /exam/attempts': { path: '/exam/attempts' },
  'POST /exam/attempts/{id}/submit': { path: '/exam/attempts/01MISSINGATTEMPT/submit', body: () => ({ answers: {} }) },
  'GET /exam/attempts': { path: '/exam/attempts' },
  // Nobody here attended a 心理辅导 training: allowed callers get 409 TRAINING_NOT_ATTENDED and no attempt starts.
  'GET /trainings/{topic}/quiz': { path: '/trainings/counselling/quiz' },
  'POST /trainings/{topic}/quiz/attempts': { path: '/trainings/counselling/quiz/attempts' },
  'POST /trainings/{topic}/quiz/attempts/{id}/submit': {
    path: '/trainings/counselling/quiz/attempts/01MISSINGATTEMPT/submit',
    body: () => ({ answers: {} }),
  },
  // Any user reaches the route; only certified volunteers (and admins) declare.
  'POST /me/service-records': {
    refused: ['member', 'lecturer', 'secretary', 'coordinator'],
    refusedCode: 'NOT_A_VOLUNTEER',
    path: '/me/service-records',
    body: () => ({ servedOn: centerDate(new Date()), minutes: 60, note: '社区清扫' }),
  },
  'GET /me/service-records': { path: '/me/service-records' },
  'GET /service-records': { path: '/service-records' },
  'POST /service-records/{id}/decision': { path: '/service-records/01MISSINGRECORD/decision', body: () => ({ decision: 'approve' }) },
  // Class series; an invalid body, so a coordinator's call is refused before anything is written.
  'POST /series': { path: '/series', body: () => ({ title: '越剧班' }) },
  'GET /series': { path: '/series' },
  'GET /series/{id}': { path: '/series/01MISSINGSERIES' },
  'POST /series/{id}/enrolment': { path: '/series/01MISSINGSERIES/enrolment' },
  'DELETE /series/{id}/enrolment': { path: '/series/01MISSINGSERIES/enrolment' },
  'GET /series/{id}/roster': { path: '/series/01MISSINGSERIES/roster' },
  'PUT /series/{id}/sessions/{activityId}/notes': {
    path: `/series/01MISSINGSERIES/sessions/${MISSING}/notes`,
    body: () => ({ notes: '本课学习了唱腔' }),
  },
  'GET /series/{id}/certificate': { path: '/series/01MISSINGSERIES/certificate' },
  'GET /me/series': { path: '/me/series' },
  'POST /service-records/teaching': { path: '/service-records/teaching', body: () => ({ activityId: MISSING, lecturerId: 'u_nobody' }) },
  'GET /me/service-certificate': { path: '/me/service-certificate' },
  // Nobody here has a real name: allowed callers get 409 REAL_NAME_REQUIRED and nothing is issued.
  'POST /me/certificates': { path: '/me/certificates' },
  'GET /me/certificates': { path: '/me/certificates' },
  'GET /certificates': { path: '/certificates' },
  // Public: a serial nobody was given is 404 for everyone, signed in or not.
  'GET /certificates/{serial}': { path: '/certificates/0000000000NOSVCHSER1A10000' },
  'POST /certificates/{serial}/revocation': {
    path: '/certificates/0000000000NOSVCHSER1A10000/revocation',
    body: () => ({ reason: '核验有误' }),
  },
  'GET /certificates/{serial}/workbook': { path: '/certificates/0000000000NOSVCHSER1A10000/workbook' },
  'GET /service-records/workbook': { path: '/service-records/workbook?from=2026-01-01&to=2026-01-31' },
  'GET /users/{id}': { path: '/users/u_nobody' },
  'PUT /users/{id}/roles/{role}': { path: '/users/u_nobody/roles/lecturer' },
  'DELETE /users/{id}/roles/{role}': { path: '/users/u_nobody/roles/lecturer' },
  'GET /roles/{role}/holders': { path: '/roles/lecturer/holders' },
  'GET /audit/roles': { path: '/audit/roles' },
  'POST /me/teaching': { path: '/me/teaching', body: () => ({ activityId: MISSING }) },
  'POST /activities/{id}/posts': { path: `/activities/${MISSING}/posts`, body: () => ({ text: '会议开始' }) },
  'POST /activities/{id}/uploads': { path: `/activities/${MISSING}/uploads`, body: () => ({ contentType: 'image/jpeg', size: 1000 }) },
  'GET /activities/{id}/posts': { path: `/activities/${MISSING}/posts` },
  'GET /activities/{id}/posts/changes': { path: `/activities/${MISSING}/posts/changes` },
  'PATCH /activities/{id}/posts/{postId}': { path: `/activities/${MISSING}/posts/01MISSINGPOST`, body: () => ({ text: '改' }) },
  'DELETE /activities/{id}/posts/{postId}': { path: `/activities/${MISSING}/posts/01MISSINGPOST` },
  'POST /activities/{id}/posts/{postId}/pin': { path: `/activities/${MISSING}/posts/01MISSINGPOST/pin`, body: () => ({ pinned: true }) },
  'PUT /activities/{id}/posts/{postId}/likes/me': { path: `/activities/${MISSING}/posts/01MISSINGPOST/likes/me` },
  'DELETE /activities/{id}/posts/{postId}/likes/me': { path: `/activities/${MISSING}/posts/01MISSINGPOST/likes/me` },
  'POST /activities/{id}/posts/{postId}/comments': {
    path: `/activities/${MISSING}/posts/01MISSINGPOST/comments`,
    body: () => ({ text: '赞' }),
  },
  'GET /activities/{id}/posts/{postId}/comments': { path: `/activities/${MISSING}/posts/01MISSINGPOST/comments` },
  'POST /activities/{id}/posts/{postId}/comments/{commentId}/hide': {
    path: `/activities/${MISSING}/posts/01MISSINGPOST/comments/01C/hide`,
  },
  'PUT /activities/{id}/reporters': { path: `/activities/${MISSING}/reporters`, body: () => ({ userIds: [] }) },
  'POST /activities/{id}/mutes': { path: `/activities/${MISSING}/mutes`, body: () => ({ userId: 'u_nobody' }) },
  'POST /providers': { path: '/providers', body: () => ({ name: '和乐社区爱心超市', kind: 'company' }) },
  'GET /providers': { path: '/providers' },
  'POST /providers/{id}/verification': { path: '/providers/01MISSINGPROVIDER/verification' },
  'POST /offers': {
    path: '/offers',
    body: () => ({ providerId: '01MISSINGPROVIDER', kind: 'goods', title: '大米', quantity: 10, unit: '袋' }),
  },
  'GET /offers': { path: '/offers' },
  'GET /me/resources': { path: '/me/resources' },
  'GET /resource-directory': { path: '/resource-directory' },
  // Open to any user at the guard; the offer's provider or a coordinator only (others: 404).
  'GET /offers/{id}/allocations': { path: '/offers/01MISSINGOFFER/allocations' },
  // An empty title: allowed callers get 400 and no case is opened (the dashboard test counts cases).
  'POST /cases': { path: '/cases', body: () => ({ title: '', source: 'visit', description: '三位独居老人午餐无人照料' }) },
  // An empty `what`: everyone signed in gets 400 and no need is raised.
  'POST /me/needs': { path: '/me/needs', body: () => ({ what: '', where: '松台街道', urgency: 'normal' }) },
  'GET /me/needs': { path: '/me/needs' },
  'GET /needs/{id}': { path: '/needs/01MISSINGCASE' },
  'GET /cases': { path: '/cases' },
  'GET /cases/{id}': { path: '/cases/01MISSINGCASE' },
  'POST /cases/{id}/transitions': { path: '/cases/01MISSINGCASE/transitions', body: () => ({ to: 'estimation' }) },
  'PUT /cases/{id}/forms/{step}': { path: '/cases/01MISSINGCASE/forms/assessment', body: () => ({ notes: '需求清楚', priority: 'high' }) },
  'POST /cases/{id}/log': { path: '/cases/01MISSINGCASE/log', body: () => ({ text: '上门送餐' }) },
  'POST /cases/{id}/allocations': { path: '/cases/01MISSINGCASE/allocations', body: () => ({ offerId: '01MISSINGOFFER', quantity: 1 }) },
  // An empty name: allowed callers get 400 and no project is made.
  'POST /projects': { path: '/projects', body: () => ({ name: '', category: 'elderly' }) },
  'GET /projects': { path: '/projects' },
  // Branch directory: a branch nobody made (the service answers 404 once past the guard), an invalid new one (400).
  'POST /branches': { path: '/branches', body: () => ({ name: '' }) },
  'GET /branches': { path: '/branches' },
  'GET /branches/{id}': { path: '/branches/01NOBRANCH' },
  'PATCH /branches/{id}': { path: '/branches/01NOBRANCH', body: () => ({ name: '新名字' }) },
  'PUT /branches/{id}/secretary': { path: '/branches/01NOBRANCH/secretary', body: () => ({ userId: 'u_nobody' }) },
  'POST /branches/{id}/invites': { path: '/branches/01NOBRANCH/invites', body: () => ({}) },
  'GET /branches/{id}/invites': { path: '/branches/01NOBRANCH/invites' },
  'DELETE /branches/{id}/invites/{code}': { path: '/branches/01NOBRANCH/invites/NoSuchCode2345' },
  'GET /branches/{id}/invites/{code}/image': { path: '/branches/01NOBRANCH/invites/NoSuchCode2345/image' },
  'GET /invites/{code}': { path: '/invites/NoSuchCode2345' },
  'POST /invites/{code}/accept': { path: '/invites/NoSuchCode2345/accept' },
  'GET /branches/{id}/members': { path: '/branches/01NOBRANCH/members' },
  'POST /branches/{id}/members/{userId}/approve': { path: '/branches/01NOBRANCH/members/u_nobody/approve' },
  'POST /branches/{id}/members/{userId}/release': { path: '/branches/01NOBRANCH/members/u_nobody/release' },
  'DELETE /branches/{id}/members/{userId}': { path: '/branches/01NOBRANCH/members/u_nobody' },
  'GET /branches/{id}/roster-template': { path: '/branches/01NOBRANCH/roster-template' },
  'POST /branches/{id}/roster-uploads': { path: '/branches/01NOBRANCH/roster-uploads', body: () => ({ size: 1000 }) },
  'POST /branches/{id}/roster-imports': {
    path: '/branches/01NOBRANCH/roster-imports',
    body: () => ({ key: 'roster-imports/01NOBRANCH/u_nobody/01ARZ3NDEKTSV4RRFFQ69G5FAV.xlsx' }),
  },
  'POST /branches/{id}/roster-imports/{importId}/commit': { path: '/branches/01NOBRANCH/roster-imports/01NOIMPORT/commit' },
  'GET /branches/{id}/roster-people': { path: '/branches/01NOBRANCH/roster-people' },
  'DELETE /branches/{id}/roster-people/{personId}': { path: '/branches/01NOBRANCH/roster-people/p_nobody' },
  'GET /branches/{id}/profile': { path: '/branches/01NOBRANCH/profile' },
  // A secretary passes for her own branch only (branches.test.ts); this one is on none.
  'PUT /branches/{id}/roster/{userId}': {
    refused: ['secretary'],
    path: '/branches/01NOBRANCH/roster/u_nobody',
    body: () => ({ birthYear: 1990, education: 'college' }),
  },
  'PUT /branches/{id}/notes': {
    refused: ['secretary'],
    path: '/branches/01NOBRANCH/notes',
    body: () => ({ needs: '年轻党员多，希望活动形式更活泼' }),
  },
  'GET /themes': { path: '/themes' },
  // Dates out of order: allowed callers get 400 and no theme is added.
  'POST /themes': { path: '/themes', body: () => ({ name: '五水共治', from: '2026-06-30', to: '2026-03-01' }) },
  'GET /plan-modules': { path: '/plan-modules' },
  'POST /plan-modules': { path: '/plan-modules', body: () => ({ name: '', styles: ['story'], minutes: 20 }) },
  'POST /branches/{id}/plan-proposals': {
    refused: ['secretary'],
    path: '/branches/01NOBRANCH/plan-proposals',
    body: () => ({ theme: '两学一做', meetings: 2 }),
  },
  'GET /rubric': { path: '/rubric' },
  // Weight 0: allowed callers get 400 and the rubric stays as it is.
  'PUT /rubric': { path: '/rubric', body: () => ({ criteria: [{ id: 'discussion', name: '讨论充分', weight: 0 }] }) },
  'POST /activities/{id}/observers': { path: `/activities/${MISSING}/observers` },
  'GET /activities/{id}/observers': { path: `/activities/${MISSING}/observers` },
  'POST /activities/{id}/score-sheets': { path: `/activities/${MISSING}/score-sheets`, body: () => ({ marks: { discussion: 4 } }) },
  'GET /activities/{id}/scores': { path: `/activities/${MISSING}/scores` },
  'GET /academy/board': { path: '/academy/board' },
  'GET /dashboard': { path: '/dashboard' },
  'GET /dashboard/export': { path: '/dashboard/export?table=cases' },
};
