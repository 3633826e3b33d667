/** Builders for integration tests: activities created through the API, users signed in in bulk. */
import { randomUUID } from 'node:crypto';
import { Role } from '@hele/shared';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { EntryRecord } from '../src/domain/ledger';
import { resetEnvForTests } from '../src/lib/config';
import { doc, transactNamed } from '../src/lib/db';
import { tableName } from '../src/lib/tables';
import { userItems } from '../src/lib/principal';
import { call, signIn, uniqueName, type Reply } from './gateway';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

export const futureTimes = (startInHours = 48, lengthHours = 2) => {
  const start = Date.now() + startInHours * HOUR;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + lengthHours * HOUR).toISOString() };
};

export const activityInput = (overrides: Record<string, unknown> = {}) => ({
  kind: 'meeting',
  title: '两学一做专题组织生活会',
  venue: '和乐党群服务中心 2 楼',
  capacity: 10,
  theme: '两学一做',
  agenda: [
    { title: '重温入党誓词', minutes: 10 },
    { title: '分组讨论', minutes: 40 },
  ],
  discussionFormat: 'world_cafe',
  ...futureTimes(),
  ...overrides,
});

export const createActivity = async (overrides: Record<string, unknown> = {}) => {
  const { token } = await signIn('coordinator');
  const reply = await call('POST', '/activities', { token, body: activityInput(overrides) });
  if (reply.status !== 201) throw new Error(`create activity failed: ${JSON.stringify(reply.body)}`);
  return reply.body.activity as { id: string; capacity: number; [key: string]: unknown };
};

/** An activity under way: begun ten minutes ago with an hour to go, open to registering and cancelling until it ends. */
export const underWayNow = (overrides: Record<string, unknown> = {}) => {
  const startsAt = new Date(Date.now() - 10 * MINUTE).toISOString();
  const endsAt = new Date(Date.now() + HOUR).toISOString();
  return createActivity({ startsAt, endsAt, registrationClosesAt: endsAt, cancellationDeadline: endsAt, ...overrides });
};

/** The holder of `token` registers, then checks in with the code `coordinator` (or the seeded coordinator) shows: the check-in's reply. */
export const registerAndCheckIn = async (activityId: string, token: string, coordinator?: string): Promise<Reply> => {
  const registered = await call('POST', `/activities/${activityId}/registrations`, { token });
  if (registered.status !== 201) throw new Error(`registration failed: ${JSON.stringify(registered.body)}`);
  const shows = coordinator ?? (await signIn('coordinator')).token;
  const { code } = (await call('GET', `/activities/${activityId}/check-in-code`, { token: shows })).body;
  return call('POST', `/activities/${activityId}/check-ins`, { token, body: { code } });
};

/** `count` new members, signed in `concurrency` at a time. */
export const newMembers = async (count: number, prefix = 'm', concurrency = 50) => {
  const names = Array.from({ length: count }, () => uniqueName(prefix));
  const users: Array<{ name: string; token: string; userId: string }> = [];
  for (let i = 0; i < names.length; i += concurrency) {
    const batch = await Promise.all(names.slice(i, i + concurrency).map(async (name) => ({ name, ...(await signIn(name)) })));
    users.push(...batch);
  }
  return users;
};

/** `count` new certified volunteers (the role their passed exam would grant), signed in. */
export const newVolunteers = async (count: number, prefix = 'v') => {
  const users = await newMembers(count, prefix);
  for (const user of users) {
    const outcome = await transactNamed(doc, [{ name: 'role', item: userItems.grant(user.userId, Role.VOLUNTEER) }]);
    if (outcome !== 'ok') throw new Error(`certify ${user.name} failed: ${outcome}`);
  }
  return users;
};

/** Every registration of an activity, following the cursor. */
export const allRegistrations = async (activityId: string, status?: string) => {
  const { token } = await signIn('coordinator');
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const query: URLSearchParams = new URLSearchParams({ limit: '100', ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) });
    const reply: Reply = await call('GET', `/activities/${activityId}/registrations?${query}`, { token });
    if (reply.status !== 200) throw new Error(JSON.stringify(reply.body));
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return items;
};

/**
 * The first `count` of an activity's `confirmed` cancel at once. Checks that the earliest `count` of `waitlisted` (in their
 * order) took those seats and the rest wait on in order, at 1, 2, …; answers the registrations as they are then.
 */
export const cancelAndCheckPromotions = async (
  activityId: string,
  users: Array<{ userId: string; token: string }>,
  { confirmed, waitlisted }: { confirmed: any[]; waitlisted: any[] },
  count: number,
) => {
  const byUser = new Map(users.map((user) => [user.userId, user]));
  const leaving = confirmed.slice(0, count).map((registration) => byUser.get(registration.userId)!);
  const cancels = await Promise.all(
    leaving.map((user) => call('DELETE', `/activities/${activityId}/registrations/me`, { token: user.token })),
  );
  expect(cancels.map((reply) => reply.status).filter((status) => status !== 200)).toEqual([]);
  const nowConfirmed = await allRegistrations(activityId, 'confirmed');
  const stillWaiting = (await allRegistrations(activityId, 'waitlisted')).sort((x, y) => x.position - y.position);
  const userIds = (registrations: any[]) => registrations.map((registration) => registration.userId as string);
  expect(nowConfirmed).toHaveLength(confirmed.length);
  expect(userIds(nowConfirmed.filter((registration) => registration.promotedAt)).sort()).toEqual(
    userIds(waitlisted.slice(0, count)).sort(),
  );
  expect(userIds(stillWaiting)).toEqual(userIds(waitlisted.slice(count)));
  expect(stillWaiting.map((registration) => registration.position)).toEqual(
    Array.from({ length: waitlisted.length - count }, (_, i) => i + 1),
  );
  return { byUser, nowConfirmed, stillWaiting };
};

/** A new branch of the directory: a secretary named by the admin and `members` more users it approved. */
export const newBranch = async (members = 3) => {
  const { token: admin } = await signIn('admin');
  const made = await call('POST', '/branches', { token: admin, body: { name: `测试支部${randomUUID().slice(0, 6)}` } });
  if (made.status !== 201) throw new Error(`create branch failed: ${JSON.stringify(made.body)}`);
  const branch: string = made.body.branch.id;
  const [secretary, ...others] = await newMembers(members + 1, 'branch');
  const named = await call('PUT', `/branches/${branch}/secretary`, { token: admin, body: { userId: secretary!.userId } });
  if (named.status !== 200) throw new Error(`name secretary failed: ${JSON.stringify(named.body)}`);
  if (others.length) {
    const { code } = (await call('POST', `/branches/${branch}/invites`, { token: secretary!.token, body: {} })).body.invite;
    for (const user of others) {
      await call('POST', `/invites/${code}/accept`, { token: user.token });
      const approved = await call('POST', `/branches/${branch}/members/${user.userId}/approve`, { token: secretary!.token });
      if (approved.body.membership?.status !== 'active') throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
    }
  }
  return { branch, secretary: secretary!, members: others };
};

/** Moves back when a member began a material by `seconds`, as if that much time had passed (learning progress is earned over time). */
export const backdateProgress = async (userId: string, materialId: string, seconds: number) => {
  await doc.send(
    new UpdateCommand({
      TableName: tableName('LIBRARY_TABLE'),
      Key: { pk: `P#${userId}`, sk: materialId },
      UpdateExpression: 'SET startedAt = :at',
      ConditionExpression: 'attribute_exists(startedAt)',
      ExpressionAttributeValues: { ':at': new Date(Date.now() - seconds * 1000).toISOString() },
    }),
  );
};

/** Runs `body` with some environment variables changed, as a deployed stage would have them. */
export const withEnv = async (changes: Record<string, string>, body: () => Promise<void>) => {
  const saved = Object.fromEntries(Object.keys(changes).map((key) => [key, process.env[key]]));
  Object.assign(process.env, changes);
  resetEnvForTests();
  try {
    await body();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvForTests();
  }
};

/** Gives the token's user a real name (编辑资料), which the volunteer application and the certificate need. */
export const withRealName = async (token: string, realName = '张三') => {
  const reply = await call('PATCH', '/me', { token, body: { realName } });
  if (reply.status !== 200) throw new Error(`setting the real name failed: ${JSON.stringify(reply.body)}`);
};

/** Every points-ledger entry of a user, oldest first, straight from the table (as stored, not as the API shows it). */
/** One account's items of the points table whose sort key starts with `prefix`, as stored. */
const pointsItemsOf = async (userId: string, prefix: string) => {
  const { Items = [] } = await doc.send(
    new QueryCommand({
      TableName: tableName('POINTS_TABLE'),
      KeyConditionExpression: 'userId = :u AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':u': userId, ':prefix': prefix },
      ConsistentRead: true,
    }),
  );
  return Items;
};

export const ledgerEntriesOf = async (userId: string) => (await pointsItemsOf(userId, 'E#')).map((item) => EntryRecord.parse(item));

/** The idempotency keys an account's guard items (`K#<key>`) hold. */
export const ledgerGuardsOf = async (userId: string) => (await pointsItemsOf(userId, 'K#')).map((item) => String(item.sk).slice(2));

/**
 * Marks one thing for each of `people` at once (`PUT …/me`: a like, a vote), the first of them sending it
 * `repeats` more times, then takes the second one's mark back: the count must come out at people − 1.
 */
export const markAtOnce = async (path: string, people: Array<{ token: string }>, repeats: number) => {
  const replies = await Promise.all([
    ...people.map((person) => call('PUT', path, { token: person.token })),
    ...Array.from({ length: repeats }, () => call('PUT', path, { token: people[0]!.token })),
  ]);
  expect(replies.every((reply) => reply.status === 200)).toBe(true);
  await call('DELETE', path, { token: people[1]!.token });
};
