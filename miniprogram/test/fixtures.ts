/** API replies for page tests, in the shapes of the shared schemas. */
import type { Activity } from '@hele/shared';
import Taro from '@tarojs/taro';

export const signedInAs = (nickname: string, roles: string[]) =>
  Taro.setStorageSync('hele.session', { token: 't', user: { id: 'u_me', nickname, roles } });

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
