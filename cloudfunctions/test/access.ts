/**
 * Who may call each route, and a request that exercises it. The role × route test walks this
 * table for every role; a route in serverless.yml without an entry here fails that test.
 */
import { activityInput } from './fixtures';

export type Caller = 'none' | 'member' | 'volunteer' | 'secretary' | 'coordinator' | 'admin';
export const CALLERS: Caller[] = ['none', 'member', 'volunteer', 'secretary', 'coordinator', 'admin'];

const MISSING = '01MISSINGACTIVITY';

export interface RouteAccess {
  /** `public`, `user` (any signed-in role), or the roles allowed (admin always is). */
  allowed: 'public' | 'user' | Caller[];
  path: string;
  body?: () => unknown;
}

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  'GET /health': { allowed: 'public', path: '/health' },
  'POST /auth/login': { allowed: 'public', path: '/auth/login', body: () => ({ code: 'dev:member' }) },
  // WeChat's push: past the guard for anyone; its signature is checked by the route (see photo-check.test.ts).
  'GET /wechat/media-check': { allowed: 'public', path: '/wechat/media-check' },
  'POST /wechat/media-check': { allowed: 'public', path: '/wechat/media-check', body: () => ({}) },
  'GET /me': { allowed: 'user', path: '/me' },
  'POST /activities': { allowed: ['coordinator'], path: '/activities', body: () => activityInput({ publish: false }) },
  'GET /activities': { allowed: 'user', path: '/activities' },
  'GET /activities/{id}': { allowed: 'user', path: `/activities/${MISSING}` },
  'PATCH /activities/{id}': { allowed: ['coordinator'], path: `/activities/${MISSING}`, body: () => ({ title: '改名' }) },
  'POST /activities/{id}/publish': { allowed: ['coordinator'], path: `/activities/${MISSING}/publish` },
  'POST /activities/{id}/cancel': { allowed: ['coordinator'], path: `/activities/${MISSING}/cancel` },
  'POST /activities/{id}/registrations': { allowed: 'user', path: `/activities/${MISSING}/registrations` },
  'DELETE /activities/{id}/registrations/me': { allowed: 'user', path: `/activities/${MISSING}/registrations/me` },
  'GET /activities/{id}/registrations': { allowed: ['coordinator'], path: `/activities/${MISSING}/registrations` },
  'GET /me/registrations': { allowed: 'user', path: '/me/registrations' },
  'GET /activities/{id}/check-in-code': { allowed: ['coordinator'], path: `/activities/${MISSING}/check-in-code` },
  'POST /activities/{id}/check-ins': { allowed: 'user', path: `/activities/${MISSING}/check-ins`, body: () => ({ code: '123456' }) },
  'GET /activities/{id}/attendance': { allowed: ['coordinator', 'secretary'], path: `/activities/${MISSING}/attendance` },
  'POST /activities/{id}/leave-requests': { allowed: 'user', path: `/activities/${MISSING}/leave-requests`, body: () => ({ reason: '出差' }) },
  'POST /activities/{id}/leave-requests/{userId}/decision': {
    allowed: ['coordinator', 'secretary'],
    path: `/activities/${MISSING}/leave-requests/u_nobody/decision`,
    body: () => ({ decision: 'approve' }),
  },
  'GET /leave-requests': { allowed: ['coordinator', 'secretary'], path: '/leave-requests' },
  'GET /me/attendance': { allowed: 'user', path: '/me/attendance' },
  'POST /activities/{id}/reminders': { allowed: 'user', path: `/activities/${MISSING}/reminders` },
  'GET /me/messages': { allowed: 'user', path: '/me/messages' },
  'GET /me/points': { allowed: 'user', path: '/me/points' },
  'POST /points/adjustments': { allowed: ['coordinator'], path: '/points/adjustments', body: () => ({ userId: 'u_nobody', amount: 1, reason: '测试' }) },
  'POST /rewards': { allowed: ['coordinator'], path: '/rewards', body: () => ({ title: '礼品', kind: 'goods', cost: 1, stock: 1 }) },
  'GET /rewards': { allowed: 'user', path: '/rewards' },
  'GET /rewards/{id}': { allowed: 'user', path: '/rewards/01MISSINGREWARD' },
  'PATCH /rewards/{id}': { allowed: ['coordinator'], path: '/rewards/01MISSINGREWARD', body: () => ({ cost: 5 }) },
  'POST /redemptions': { allowed: 'user', path: '/redemptions', body: () => ({ rewardId: '01MISSINGREWARD' }) },
  'POST /redemptions/{id}/cancel': { allowed: 'user', path: '/redemptions/01MISSING/cancel' },
  'POST /redemptions/fulfil': { allowed: ['coordinator'], path: '/redemptions/fulfil', body: () => ({ voucher: 'HLVC1.x.yyyyyyyyyyyyyyyyyyyy' }) },
  'GET /me/redemptions': { allowed: 'user', path: '/me/redemptions' },
  'GET /redemptions': { allowed: ['coordinator'], path: '/redemptions' },
  'POST /activities/{id}/sign-outs': { allowed: 'user', path: `/activities/${MISSING}/sign-outs`, body: () => ({ code: '123456' }) },
  'GET /me/volunteer': { allowed: 'user', path: '/me/volunteer' },
  'GET /me/trainings': { allowed: 'user', path: '/me/trainings' },
  'POST /activities/{id}/ideas': { allowed: 'user', path: `/activities/${MISSING}/ideas`, body: () => ({ text: '多开展户外活动' }) },
  'GET /activities/{id}/ideas': { allowed: 'user', path: `/activities/${MISSING}/ideas` },
  'PUT /activities/{id}/ideas/{ideaId}/votes/me': { allowed: 'user', path: `/activities/${MISSING}/ideas/01I/votes/me` },
  'DELETE /activities/{id}/ideas/{ideaId}/votes/me': { allowed: 'user', path: `/activities/${MISSING}/ideas/01I/votes/me` },
  'PATCH /activities/{id}/ideas/{ideaId}': { allowed: ['coordinator', 'secretary'], path: `/activities/${MISSING}/ideas/01I`, body: () => ({ group: '服务' }) },
  'POST /activities/{id}/actions': {
    allowed: ['coordinator', 'secretary'],
    path: `/activities/${MISSING}/actions`,
    body: () => ({ text: '每月走访', ownerId: 'u_nobody', dueOn: '2026-12-31' }),
  },
  'GET /activities/{id}/actions': { allowed: 'user', path: `/activities/${MISSING}/actions` },
  'PATCH /activities/{id}/actions/{actionId}': { allowed: 'user', path: `/activities/${MISSING}/actions/01A`, body: () => ({ status: 'done' }) },
  'GET /me/actions': { allowed: 'user', path: '/me/actions' },
  'GET /activities/{id}/minutes': { allowed: 'user', path: `/activities/${MISSING}/minutes` },
  // A secretary sees her own branch's only (meetings.test.ts); this one is on none.
  'GET /branches/{id}/statistics': { allowed: ['coordinator'], path: '/branches/01NOBRANCH/statistics' },
  'GET /statistics/branches': { allowed: ['coordinator'], path: '/statistics/branches?year=2001' },
  'GET /activities/{id}/minutes/document': { allowed: 'user', path: `/activities/${MISSING}/minutes/document` },
  // A secretary passes the guard; the service lets only the meeting's own branch secretary save (meetings.test.ts).
  'PUT /activities/{id}/minutes': { allowed: ['coordinator', 'secretary'], path: `/activities/${MISSING}/minutes`, body: () => ({ text: '会议纪要：讨论了两学一做的落实措施。' }) },
  'POST /materials': {
    allowed: ['coordinator'],
    path: '/materials',
    body: () => ({ title: '党章学习', kind: 'article', category: '理论学习', body: '全文' }),
  },
  'GET /materials': { allowed: 'user', path: '/materials' },
  'GET /materials/{id}': { allowed: 'user', path: '/materials/01MISSINGMATERIAL' },
  'PUT /materials/{id}/progress': { allowed: 'user', path: '/materials/01MISSINGMATERIAL/progress', body: () => ({ percent: 50 }) },
  'GET /actions/overdue': { allowed: ['coordinator', 'secretary'], path: '/actions/overdue?branchId=demo-branch' },
  'PUT /me/volunteer': { allowed: 'user', path: '/me/volunteer', body: () => ({ skills: ['急救'], availability: '周末', phone: '13800000000' }) },
  'GET /volunteers': { allowed: ['coordinator'], path: '/volunteers' },
  'POST /exam/questions': {
    allowed: ['coordinator'],
    path: '/exam/questions',
    body: () => ({ category: '礼仪', type: 'single', text: '志愿服务应当？', options: ['自愿', '强制'], answer: [0] }),
  },
  'GET /exam/questions': { allowed: ['coordinator'], path: '/exam/questions' },
  'PATCH /exam/questions/{id}': { allowed: ['coordinator'], path: '/exam/questions/01MISSINGQUESTION', body: () => ({ active: false }) },
  'POST /exam/attempts': { allowed: 'user', path: '/exam/attempts' },
  'POST /exam/attempts/{id}/submit': { allowed: 'user', path: '/exam/attempts/01MISSINGATTEMPT/submit', body: () => ({ answers: {} }) },
  'GET /exam/attempts': { allowed: ['coordinator'], path: '/exam/attempts' },
  'POST /me/service-records': { allowed: 'user', path: '/me/service-records', body: () => ({ servedOn: '2026-11-01', minutes: 60, note: '社区清扫' }) },
  'GET /me/service-records': { allowed: 'user', path: '/me/service-records' },
  'GET /service-records': { allowed: ['coordinator'], path: '/service-records' },
  'POST /service-records/{id}/decision': { allowed: ['coordinator'], path: '/service-records/01MISSINGRECORD/decision', body: () => ({ decision: 'approve' }) },
  'POST /service-records/teaching': { allowed: ['coordinator'], path: '/service-records/teaching', body: () => ({ activityId: MISSING, lecturerId: 'u_nobody' }) },
  'GET /me/service-certificate': { allowed: 'user', path: '/me/service-certificate' },
  'GET /users/{id}': { allowed: [], path: '/users/u_nobody' },
  'PUT /users/{id}/roles/{role}': { allowed: [], path: '/users/u_nobody/roles/lecturer' },
  'DELETE /users/{id}/roles/{role}': { allowed: [], path: '/users/u_nobody/roles/lecturer' },
  'GET /roles/{role}/holders': { allowed: [], path: '/roles/lecturer/holders' },
  'GET /audit/roles': { allowed: [], path: '/audit/roles' },
  'POST /me/teaching': { allowed: [], path: '/me/teaching', body: () => ({ activityId: MISSING }) },
  'POST /activities/{id}/posts': { allowed: 'user', path: `/activities/${MISSING}/posts`, body: () => ({ text: '会议开始' }) },
  'POST /activities/{id}/uploads': { allowed: 'user', path: `/activities/${MISSING}/uploads`, body: () => ({ contentType: 'image/jpeg', size: 1000 }) },
  'GET /activities/{id}/posts': { allowed: 'user', path: `/activities/${MISSING}/posts` },
  'GET /activities/{id}/posts/changes': { allowed: 'user', path: `/activities/${MISSING}/posts/changes` },
  'PATCH /activities/{id}/posts/{postId}': { allowed: 'user', path: `/activities/${MISSING}/posts/01MISSINGPOST`, body: () => ({ text: '改' }) },
  'DELETE /activities/{id}/posts/{postId}': { allowed: 'user', path: `/activities/${MISSING}/posts/01MISSINGPOST` },
  'POST /activities/{id}/posts/{postId}/pin': { allowed: 'user', path: `/activities/${MISSING}/posts/01MISSINGPOST/pin`, body: () => ({ pinned: true }) },
  'PUT /activities/{id}/posts/{postId}/likes/me': { allowed: 'user', path: `/activities/${MISSING}/posts/01MISSINGPOST/likes/me` },
  'DELETE /activities/{id}/posts/{postId}/likes/me': { allowed: 'user', path: `/activities/${MISSING}/posts/01MISSINGPOST/likes/me` },
  'POST /activities/{id}/posts/{postId}/comments': { allowed: 'user', path: `/activities/${MISSING}/posts/01MISSINGPOST/comments`, body: () => ({ text: '赞' }) },
  'GET /activities/{id}/posts/{postId}/comments': { allowed: 'user', path: `/activities/${MISSING}/posts/01MISSINGPOST/comments` },
  'POST /activities/{id}/posts/{postId}/comments/{commentId}/hide': { allowed: ['coordinator'], path: `/activities/${MISSING}/posts/01MISSINGPOST/comments/01C/hide` },
  'PUT /activities/{id}/reporters': { allowed: ['coordinator'], path: `/activities/${MISSING}/reporters`, body: () => ({ userIds: [] }) },
  'POST /activities/{id}/mutes': { allowed: ['coordinator'], path: `/activities/${MISSING}/mutes`, body: () => ({ userId: 'u_nobody' }) },
  'POST /providers': { allowed: 'user', path: '/providers', body: () => ({ name: '和乐社区爱心超市', kind: 'company' }) },
  'GET /providers': { allowed: ['coordinator'], path: '/providers' },
  'POST /providers/{id}/verification': { allowed: ['coordinator'], path: '/providers/01MISSINGPROVIDER/verification' },
  'POST /offers': { allowed: 'user', path: '/offers', body: () => ({ providerId: '01MISSINGPROVIDER', kind: 'goods', title: '大米', quantity: 10, unit: '袋' }) },
  'GET /offers': { allowed: ['coordinator'], path: '/offers' },
  'GET /me/resources': { allowed: 'user', path: '/me/resources' },
  // Open to any user at the guard; the offer's provider or a coordinator only (others: 404).
  'GET /offers/{id}/allocations': { allowed: 'user', path: '/offers/01MISSINGOFFER/allocations' },
  // An empty title: allowed callers get 400 and no case is opened (the dashboard test counts cases).
  'POST /cases': { allowed: ['coordinator'], path: '/cases', body: () => ({ title: '', source: 'visit', description: '三位独居老人午餐无人照料' }) },
  'GET /cases': { allowed: ['coordinator'], path: '/cases' },
  'GET /cases/{id}': { allowed: ['coordinator'], path: '/cases/01MISSINGCASE' },
  'POST /cases/{id}/transitions': { allowed: ['coordinator'], path: '/cases/01MISSINGCASE/transitions', body: () => ({ to: 'estimation' }) },
  'PUT /cases/{id}/forms/{step}': { allowed: ['coordinator'], path: '/cases/01MISSINGCASE/forms/assessment', body: () => ({ notes: '需求清楚', priority: 'high' }) },
  'POST /cases/{id}/log': { allowed: ['coordinator'], path: '/cases/01MISSINGCASE/log', body: () => ({ text: '上门送餐' }) },
  'POST /cases/{id}/allocations': { allowed: ['coordinator'], path: '/cases/01MISSINGCASE/allocations', body: () => ({ offerId: '01MISSINGOFFER', quantity: 1 }) },
  // An empty name: allowed callers get 400 and no project is made.
  'POST /projects': { allowed: ['coordinator'], path: '/projects', body: () => ({ name: '', category: 'elderly' }) },
  'GET /projects': { allowed: 'user', path: '/projects' },
  'GET /branches/{id}/profile': { allowed: 'user', path: '/branches/01NOBRANCH/profile' },
  // A secretary passes for her own branch only (branches.test.ts); this one is on none.
  'PUT /branches/{id}/roster/{userId}': { allowed: ['coordinator'], path: '/branches/01NOBRANCH/roster/u_nobody', body: () => ({ birthYear: 1990, education: 'college' }) },
  'PUT /branches/{id}/notes': { allowed: ['coordinator'], path: '/branches/01NOBRANCH/notes', body: () => ({ needs: '年轻党员多，希望活动形式更活泼' }) },
  'GET /themes': { allowed: 'user', path: '/themes' },
  // Dates out of order: allowed callers get 400 and no theme is added.
  'POST /themes': { allowed: ['coordinator'], path: '/themes', body: () => ({ name: '五水共治', from: '2026-06-30', to: '2026-03-01' }) },
  'GET /plan-modules': { allowed: 'user', path: '/plan-modules' },
  'POST /plan-modules': { allowed: ['coordinator'], path: '/plan-modules', body: () => ({ name: '', styles: ['story'], minutes: 20 }) },
  'POST /branches/{id}/plan-proposals': { allowed: ['coordinator'], path: '/branches/01NOBRANCH/plan-proposals', body: () => ({ theme: '两学一做', meetings: 2 }) },
  'GET /rubric': { allowed: 'user', path: '/rubric' },
  // Weight 0: allowed callers get 400 and the rubric stays as it is.
  'PUT /rubric': { allowed: ['coordinator'], path: '/rubric', body: () => ({ criteria: [{ id: 'discussion', name: '讨论充分', weight: 0 }] }) },
  'POST /activities/{id}/observers': { allowed: ['secretary'], path: `/activities/${MISSING}/observers` },
  'GET /activities/{id}/observers': { allowed: 'user', path: `/activities/${MISSING}/observers` },
  'POST /activities/{id}/score-sheets': { allowed: ['secretary'], path: `/activities/${MISSING}/score-sheets`, body: () => ({ marks: { discussion: 4 } }) },
  'GET /activities/{id}/scores': { allowed: 'user', path: `/activities/${MISSING}/scores` },
  'GET /academy/board': { allowed: 'user', path: '/academy/board' },
  'GET /dashboard': { allowed: ['coordinator'], path: '/dashboard' },
  'GET /dashboard/export': { allowed: ['coordinator'], path: '/dashboard/export?table=cases' },
};
