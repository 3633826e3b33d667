/** Arrange steps for page tests: who is signed in, and how the API answers, in the shapes of the shared schemas. */
import {
  branchCompliance,
  compliancePercent,
  complianceTotals,
  currentPeriods,
  DEFAULT_MEETING_FREQUENCIES,
  type Activity,
  type BranchCompliance,
  type MeetingType,
  type Post,
  type Reward,
} from '@hele/shared';
import Taro from '@tarojs/taro';
import { answerRequests, setRouteParams, type RequestHandler } from './taro-double';

export const signedInAs = (nickname: string, roles: string[], branchId?: string) =>
  Taro.setStorageSync('hele.session', { token: 't', user: { id: 'u_me', nickname, roles, ...(branchId ? { branchId } : {}) } });

/** Signed in as `nickname` on a page of activity a1 (its route's `id`), where the activity pages' tests start. */
export const onActivityPageAs = (nickname: string, roles: string[], branchId?: string) => {
  signedInAs(nickname, roles, branchId);
  setRouteParams({ id: 'a1' });
};

/** Days from now: an activity's times stay in the future whenever the tests run. */
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 24 * 3600_000 + hours * 3600_000).toISOString();

export const activity = (overrides: Partial<Activity> = {}): Activity => ({
  id: 'a1',
  kind: 'meeting',
  status: 'published',
  title: '两学一做专题组织生活会',
  description: '采用世界咖啡讨论模式',
  theme: '两学一做',
  venue: '和乐党群服务中心',
  startsAt: inDays(3),
  endsAt: inDays(3, 2),
  capacity: 30,
  confirmedCount: 29,
  waitlistCount: 0,
  seatsLeft: 1,
  registrationClosesAt: inDays(3),
  cancellationDeadline: inDays(3),
  agenda: [{ title: '重温入党誓词', minutes: 10 }],
  discussionFormat: 'world_cafe',
  createdBy: 'u_c',
  createdAt: '2026-11-28T00:00:00.000Z',
  updatedAt: '2026-11-28T00:00:00.000Z',
  ...overrides,
});

/** A reward on offer: 9 left, one per member, always open. */
export const reward = (overrides: Partial<Reward> = {}): Reward => ({
  id: 'rw1',
  title: '亲子绘本一本',
  description: '亲子绘本班推荐书目',
  kind: 'goods',
  cost: 40,
  stock: 9,
  perUserLimit: 1,
  active: true,
  createdAt: '2026-12-01T02:00:00.000Z',
  ...overrides,
});

/** A live-feed post that passed the photo check, by a coordinator. */
export const post = (id: string, text: string, overrides: Partial<Post> = {}): Post => ({
  id,
  activityId: 'a1',
  text,
  images: [],
  review: 'passed',
  authorId: 'u_c',
  authorName: '李社工',
  keyMoment: false,
  pinned: false,
  edited: false,
  likeCount: 0,
  commentCount: 0,
  likedByMe: false,
  createdAt: '2026-12-01T06:10:00.000Z',
  updatedAt: '2026-12-01T06:10:00.000Z',
  rev: id,
  ...overrides,
});

/** A list reply: one page of `items`, and no more after it. */
export const listPage = (items: unknown[]) => ({ statusCode: 200, data: { items, nextCursor: null } });

/** Answers every request with one page of `items`; returns the URLs asked for, in order. */
export const answerWithPage = (items: unknown[]) => {
  const urls: string[] = [];
  answerRequests(({ url }) => {
    urls.push(url);
    return listPage(items);
  });
  return urls;
};

/** An error reply in the API's shape: the status, the error's code and message, and what it says of each field. */
export const apiError = (statusCode: number, code: string, message: string, details?: Array<{ path: string; message: string }>) => ({
  statusCode,
  data: { error: { code, message, ...(details && { details }) } },
});

/** The server refusing one field (400 VALIDATION_FAILED) with its own word for it. */
export const refusedField = (path: string, message: string, summary = '输入有误') =>
  apiError(400, 'VALIDATION_FAILED', summary, [{ path, message }]);

/** A branch's 三会一课 year (default frequencies) as the server counts it with the shared rules, held since `since`. */
export const complianceOf = (
  branch: { branchId: string; branchName: string },
  held: Array<{ type: MeetingType; day: string }>,
  today: string,
  since: string,
): BranchCompliance => {
  const year = Number(today.slice(0, 4));
  const types = branchCompliance({ year, frequencies: DEFAULT_MEETING_FREQUENCIES, held, today, since });
  const totals = complianceTotals(types);
  return { ...branch, year, types, totals: { ...totals, rate: compliancePercent(totals) }, current: currentPeriods(types, today) };
};

type Request = Parameters<RequestHandler>[0];
type Reply = ReturnType<RequestHandler>;

/**
 * Answers the writes to one route (`'POST /offers'`: its method, and how its URL ends) with `reply`, keeping the
 * bodies sent to it, in order; every other request gets `otherwise`. Returns those bodies, for the test to check.
 */
export const answerWrites = <Body = unknown>(
  route: string,
  reply: (body: Body, sent: Body[]) => Reply,
  otherwise: (request: Request, sent: Body[]) => Reply,
) => {
  const [method, urlEnd] = route.split(' ') as [string, string];
  const sent: Body[] = [];
  answerRequests((request) => {
    if (request.method !== method || !request.url.endsWith(urlEnd)) return otherwise(request, sent);
    const body = JSON.parse(request.data!) as Body;
    sent.push(body);
    return reply(body, sent);
  });
  return sent;
};

/**
 * Answers the caller's own mark on something (`…/likes/me`, `…/votes/me`: PUT sets it, DELETE takes it back) with
 * `reply`, keeping the methods sent to it, in order; every other request gets `otherwise`. Returns those methods.
 */
export const answerOwnMark = (urlEnd: string, reply: Reply, otherwise: (request: Request) => Reply) => {
  const methods: string[] = [];
  answerRequests((request) => {
    if (!request.url.endsWith(urlEnd)) return otherwise(request);
    methods.push(request.method);
    return reply;
  });
  return methods;
};
