/**
 * 导出我的数据 and 注销账号 against the real local database: what the export holds, and what closing does to
 * every record of the person (docs/DOMAIN.md › Who sees personal data), with the waitlist, the ledger and
 * a registration made while the account closes.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { reconcilePoints } from '../../../scripts/local/reconcile';
import { call, signIn, type Reply } from '../../test/gateway';
import { createActivity, newBranch, newMembers, withRealName } from '../../test/fixtures';
import { userIdFor, dynamoUserRepository } from '../auth/repository';
import { branchRepository } from '../branches/repository';
import { createRegistrationEngine } from '../domain/activities/registration-engine';
import { activityRepository } from '../domain/activities/repository';
import { underWay, bytesOf, send, type Ticket } from '../feed/feed-fixtures';
import { doc } from '../lib/db';
import { partyAccount } from '../domain/ledger';
import { branchMembers } from '../lib/principal';
import { mediaStorage } from '../lib/storage';
import { tableName } from '../lib/tables';

const coordinatorToken = async () => (await signIn('coordinator')).token;

const register = (activityId: string, token: string) => call('POST', `/activities/${activityId}/registrations`, { token });

const registrationOf = async (activityId: string, userId: string) =>
  (await doc.send(new GetCommand({ TableName: tableName('REGISTRATIONS_TABLE'), Key: { activityId, userId }, ConsistentRead: true }))).Item;

const activityOf = async (id: string) => (await call('GET', `/activities/${id}`, { token: await coordinatorToken() })).body.activity;

const entriesOf = async (userId: string) =>
  (
    await doc.send(
      new QueryCommand({
        TableName: tableName('POINTS_TABLE'),
        KeyConditionExpression: 'userId = :user AND begins_with(sk, :entry)',
        ExpressionAttributeValues: { ':user': userId, ':entry': 'E#' },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

const close = (token: string) => call('DELETE', '/me', { token });

/**
 * A member with a bit of everything: a profile, an avatar, a seat someone waits for, a waitlist place,
 * a check-in at an activity under way and one at the door before the start, a leave request, points, a volunteer application, a post and a
 * comment as a feed's reporter, a lecturer role, a branch roster entry.
 */
const busyMember = async () => {
  const [person, waiting, seated] = await newMembers(3, 'closing');
  const me = person!;
  const coordinator = await coordinatorToken();
  await withRealName(me.token, '陈静');
  await call('POST', '/me/phone', { token: me.token, body: { code: 'dev-phone:13800000000' } });
  const ticket = (await call('POST', '/me/avatar-uploads', { token: me.token, body: { contentType: 'image/jpeg', size: 300 } })).body
    .upload as Ticket;
  expect((await send(ticket, bytesOf(300))).status).toBe(204);
  expect((await call('PATCH', '/me', { token: me.token, body: { avatarKey: ticket.key, politicalStatus: 'party_member' } })).status).toBe(
    200,
  );

  // A seat the closing gives to the one waiting, and a waitlist place it gives up.
  const seat = await createActivity({ capacity: 1 });
  expect((await register(seat.id, me.token)).status).toBe(201);
  expect((await register(seat.id, waiting!.token)).body.registration.status).toBe('waitlisted');
  const full = await createActivity({ capacity: 1 });
  await register(full.id, seated!.token);
  expect((await register(full.id, me.token)).body.registration.status).toBe('waitlisted');
  // An activity under way: attended, kept as a record.
  const now = await underWay();
  await register(now.id, me.token);
  const { code } = (await call('GET', `/activities/${now.id}/check-in-code`, { token: coordinator })).body;
  expect((await call('POST', `/activities/${now.id}/check-ins`, { token: me.token, body: { code } })).status).toBe(201);
  // Checked in at the door of one about to start (check-in opens half an hour early): attended, kept too.
  const startsAt = new Date(Date.now() + 10 * 60_000).toISOString();
  const early = await createActivity({
    startsAt,
    endsAt: new Date(Date.now() + 100 * 60_000).toISOString(),
    registrationClosesAt: startsAt,
  });
  await register(early.id, me.token);
  const earlyCode = (await call('GET', `/activities/${early.id}/check-in-code`, { token: coordinator })).body.code;
  expect((await call('POST', `/activities/${early.id}/check-ins`, { token: me.token, body: { code: earlyCode } })).status).toBe(201);
  // A place on a branch's roster, and a leave request for the branch's meeting to come.
  const { token: centerAdmin } = await signIn('admin');
  const branch: string = (await call('POST', '/branches', { token: centerAdmin, body: { name: `注销测试支部${me.userId.slice(2, 8)}` } }))
    .body.branch.id;
  await dynamoUserRepository.assignBranch(me.userId, branch);
  expect(await branchRepository.putMember(branch, { userId: me.userId, nickname: me.name, birthYear: 1990, education: 'college' })).toBe(
    true,
  );
  const meeting = await createActivity({ branchId: branch });
  expect((await call('POST', `/activities/${meeting.id}/leave-requests`, { token: me.token, body: { reason: '住院治疗' } })).status).toBe(
    201,
  );
  // Points.
  await call('POST', '/points/adjustments', { token: coordinator, body: { userId: me.userId, amount: 50, reason: '活动奖励' } });
  await call('POST', '/party-points/adjustments', { token: coordinator, body: { userId: me.userId, amount: 7, reason: '组织生活' } });
  // A volunteer application.
  expect(
    (
      await call('PUT', '/me/volunteer', {
        token: me.token,
        body: { skills: ['急救'], availability: '周末', phone: '13800000000', intro: '护士' },
      })
    ).status,
  ).toBe(200);
  // A post and a comment, as a reporter of the feed under way.
  await call('PUT', `/activities/${now.id}/reporters`, { token: coordinator, body: { userIds: [me.userId] } });
  const post = (await call('POST', `/activities/${now.id}/posts`, { token: me.token, body: { text: '分组讨论开始了' } })).body.post;
  expect(
    (await call('POST', `/activities/${now.id}/posts/${post.id}/comments`, { token: me.token, body: { text: '大家踊跃发言' } })).status,
  ).toBe(201);
  // A lecturer role.
  const { token: admin } = await signIn('admin');
  expect((await call('PUT', `/users/${me.userId}/roles/lecturer`, { token: admin })).status).toBe(200);
  return { me, waiting: waiting!, seat, full, now, early, meeting, post, branch, avatarKey: ticket.key };
};

describe('GET /me/export', () => {
  it('holds the profile and every record of the person, without secrets or index keys', async () => {
    const { me, seat, full, now, early, meeting, post, branch } = await busyMember();
    const { token: coordinator } = await signIn('coordinator');
    const party = await call('POST', '/party-points/adjustments', {
      token: coordinator,
      body: { userId: me.userId, amount: 3, reason: '补记党课' },
    });
    expect(party.status).toBe(201);
    const reply = await call('GET', '/me/export', { token: me.token });
    expect(reply.status).toBe(200);
    const data = reply.body;
    // 党员积分 is its own account: its balance and every entry, the one just added among them.
    expect(data.partyPoints.entries).toContainEqual(expect.objectContaining({ type: 'ADJUST', amount: 3, reason: '补记党课' }));
    expect(data.partyPoints.balance).toBe(data.partyPoints.entries.at(-1).balanceAfter);
    expect(data.user).toMatchObject({
      id: me.userId,
      realName: '陈静',
      phone: '13800000000',
      politicalStatus: 'party_member',
      openid: `dev:${me.name}`,
      avatarUrl: expect.any(String),
    });
    expect(data.registrations.map((registration: { activityId: string }) => registration.activityId).sort()).toEqual(
      [seat.id, full.id, now.id, early.id].sort(),
    );
    expect(data.registrations.find((registration: { activityId: string }) => registration.activityId === now.id).activity.title).toBe(
      now.title,
    );
    expect(data.points).toMatchObject({ balance: 50, entries: [expect.objectContaining({ type: 'ADJUST', amount: 50 })] });
    expect(data.leaveRequests).toEqual([expect.objectContaining({ activityId: meeting.id, reason: '住院治疗' })]);
    expect(data.volunteer).toMatchObject({ phone: '13800000000', intro: '护士', status: 'applied' });
    expect(data.posts).toEqual([expect.objectContaining({ id: post.id, text: '分组讨论开始了' })]);
    expect(data.comments).toEqual([expect.objectContaining({ postId: post.id, text: '大家踊跃发言' })]);
    expect(data.roles).toEqual([expect.objectContaining({ role: 'lecturer', userId: me.userId })]);
    expect(data.branchRoster).toMatchObject({ userId: me.userId, birthYear: 1990 });
    expect(data.branchRoster.branchId ?? branch).toBe(branch);
    expect(data.notIncluded.length).toBeGreaterThan(0);
    for (const secret of ['"sk"', '"pk"', 'voucherSecret', 'checkInFailures', '"listKey"'])
      expect(JSON.stringify(data)).not.toContain(secret);
  });
});

describe('DELETE /me', () => {
  it('erases the profile, cancels what is to come (the waitlist moves up), forfeits the points and anonymises the records', async () => {
    const { me, waiting, seat, full, now, early, meeting, post, branch, avatarKey } = await busyMember();
    const coordinator = await coordinatorToken();

    const reply = await close(me.token);
    expect([reply.status, reply.body]).toEqual([200, { deleted: true }]);

    // The token no longer works, for anything.
    for (const [method, path] of [
      ['GET', '/me'],
      ['GET', '/me/export'],
      ['DELETE', '/me'],
      ['GET', '/me/registrations'],
    ] as const) {
      const after: Reply = await call(method, path, { token: me.token });
      expect([path, after.status]).toEqual([path, 401]);
    }

    // The user record is a tombstone: nothing of the person.
    const record = (await doc.send(new GetCommand({ TableName: tableName('USERS_TABLE'), Key: { id: me.userId }, ConsistentRead: true })))
      .Item!;
    expect(Object.keys(record).sort()).toEqual(['closedAt', 'createdAt', 'id', 'nickname', 'roles']);
    expect(record).toMatchObject({ nickname: '已注销用户', roles: [] });
    expect(await mediaStorage(process.env.MEDIA_BUCKET!).stat(avatarKey)).toBeUndefined();

    // The seat went to the one waiting; the waitlist place is given up; the attended activity keeps its record.
    expect((await registrationOf(seat.id, me.userId))!.status).toBe('cancelled');
    expect((await registrationOf(seat.id, waiting.userId))!.status).toBe('confirmed');
    expect(await activityOf(seat.id)).toMatchObject({ confirmedCount: 1, waitlistCount: 0 });
    expect((await registrationOf(full.id, me.userId))!.status).toBe('cancelled');
    expect(await activityOf(full.id)).toMatchObject({ confirmedCount: 1, waitlistCount: 0 });
    expect(await registrationOf(now.id, me.userId)).toMatchObject({
      status: 'confirmed',
      checkedInAt: expect.any(String),
      nickname: '已注销用户',
    });
    expect(await registrationOf(early.id, me.userId)).toMatchObject({
      status: 'confirmed',
      checkedInAt: expect.any(String),
      nickname: '已注销用户',
    });
    expect(await activityOf(early.id)).toMatchObject({ confirmedCount: 1 });
    const roster = await call('GET', `/activities/${now.id}/registrations?limit=100`, { token: coordinator });
    expect(roster.body.items.find((item: { userId: string }) => item.userId === me.userId).nickname).toBe('已注销用户');

    // The balance is forfeited with an EXPIRE entry, and the ledger still sums.
    const entries = await entriesOf(me.userId);
    expect(entries.map((entry) => [entry.type, entry.amount, entry.balanceAfter])).toEqual([
      ['ADJUST', 50, 50],
      ['EXPIRE', -50, 0],
    ]);
    // 党员积分, an account of their own, too.
    expect((await entriesOf(partyAccount(me.userId))).map((entry) => [entry.type, entry.amount, entry.balanceAfter])).toEqual([
      ['ADJUST', 7, 7],
      ['EXPIRE', -7, 0],
    ]);
    const report = await reconcilePoints(doc, tableName('POINTS_TABLE'));
    expect(report.problems.filter((problem) => [me.userId, partyAccount(me.userId)].includes(problem.userId))).toEqual([]);

    // Copies of the name on what others see, and personal fields there.
    const leaves = await call('GET', '/leave-requests?limit=100', { token: coordinator });
    expect(
      leaves.body.items.find((item: { activityId: string; userId: string }) => item.activityId === meeting.id && item.userId === me.userId),
    ).toMatchObject({
      nickname: '已注销用户',
      reason: '（已注销）',
    });
    const feed = await call('GET', `/activities/${now.id}/posts`, { token: coordinator });
    expect(feed.body.items.find((item: { id: string }) => item.id === post.id).authorName).toBe('已注销用户');
    const comments = await call('GET', `/activities/${now.id}/posts/${post.id}/comments`, { token: coordinator });
    expect(comments.body.items.map((comment: { authorName: string }) => comment.authorName)).toEqual(['已注销用户']);
    const volunteers = await call('GET', '/volunteers?status=applied&limit=100', { token: coordinator });
    expect(volunteers.body.items.find((item: { userId: string }) => item.userId === me.userId)).toMatchObject({
      nickname: '已注销用户',
      phone: '',
      availability: '',
      intro: '',
    });

    // Off the role holders (with an audit line) and the branch.
    const { token: admin } = await signIn('admin');
    const holders = await call('GET', '/roles/lecturer/holders?limit=100', { token: admin });
    expect(holders.body.items.map((holder: { userId: string }) => holder.userId)).not.toContain(me.userId);
    const audit = await call('GET', '/audit/roles?limit=20', { token: admin });
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'revoke', role: 'lecturer', userId: me.userId, nickname: '已注销用户' }),
    );
    expect((await branchMembers(branch)).map((user) => user.id)).not.toContain(me.userId);
    expect(await branchRepository.roster(branch)).toEqual([]);
    // Nobody can give the closed account anything.
    const adjusted = await call('POST', '/points/adjustments', {
      token: coordinator,
      body: { userId: me.userId, amount: 5, reason: '补发' },
    });
    expect([adjusted.status, adjusted.body.error.details[0].path]).toEqual([400, 'userId']);
  });

  it('lets the same WeChat account sign in again to a new, empty account', async () => {
    const { me } = await busyMember();
    expect((await close(me.token)).status).toBe(200);

    // Three sign-ins at once still make one new account.
    const [again, ...others] = await Promise.all([signIn(me.name), signIn(me.name), signIn(me.name)]);
    expect(others.map((other) => other.userId)).toEqual([again!.userId, again!.userId]);
    expect(again!.userId).toBe(userIdFor(`dev:${me.name}`, 1));
    expect(again.userId).not.toBe(me.userId);
    expect((await call('GET', '/me', { token: again.token })).body.user).toEqual({
      id: again.userId,
      nickname: me.name,
      roles: ['member'],
    });
    const exported = (await call('GET', '/me/export', { token: again.token })).body;
    expect(exported).toMatchObject({ registrations: [], points: { balance: 0, entries: [] }, volunteer: null, posts: [], roles: [] });
    // And closing that one too makes a third.
    expect((await close(again!.token)).status).toBe(200);
    expect((await signIn(me.name)).userId).toBe(userIdFor(`dev:${me.name}`, 2));
  });

  it('forfeits once and ends with no live registration when closed twice at once and while registering', async () => {
    const [me] = await newMembers(1, 'racing');
    const coordinator = await coordinatorToken();
    await call('POST', '/points/adjustments', { token: coordinator, body: { userId: me!.userId, amount: 30, reason: '奖励' } });
    const activities = await Promise.all(Array.from({ length: 6 }, () => createActivity({ capacity: 3 })));
    await register(activities[0]!.id, me!.token);

    const [registrations, closings] = await Promise.all([
      Promise.all(activities.map((activity) => register(activity.id, me!.token))),
      Promise.all([close(me!.token), close(me!.token)]),
    ]);
    expect(closings.map((reply) => reply.status)).toContain(200);
    for (const reply of [...closings, ...registrations]) expect([200, 201, 401]).toContain(reply.status);

    for (const activity of activities) {
      expect((await registrationOf(activity.id, me!.userId))?.status ?? 'none').not.toMatch(/confirmed|waitlisted/);
      expect(await activityOf(activity.id)).toMatchObject({ confirmedCount: 0, waitlistCount: 0 });
    }
    const expired = (await entriesOf(me!.userId)).filter((entry) => entry.type === 'EXPIRE');
    expect(expired.map((entry) => entry.amount)).toEqual([-30]);
  });

  it('refuses a registration a request already running makes after the account closed, for a seat or a waitlist place', async () => {
    const [me] = await newMembers(1, 'late');
    const activity = await createActivity({ capacity: 2 });
    const full = await createActivity({ capacity: 1 });
    const [other] = await newMembers(1, 'seated');
    expect((await call('POST', `/activities/${full.id}/registrations`, { token: other!.token })).status).toBe(201);
    // The request authenticated before the closing: it still holds the caller it read then.
    const caller = { id: me!.userId, nickname: me!.name, roles: ['member' as const] };
    expect((await close(me!.token)).status).toBe(200);
    const engine = createRegistrationEngine({ repository: activityRepository });
    await expect(engine.register(activity.id, caller)).rejects.toMatchObject({ statusCode: 401 });
    await expect(engine.register(full.id, caller)).rejects.toMatchObject({ statusCode: 401 });
    // Nothing was written: the registration's own transaction holds only while the account is open.
    expect(await registrationOf(activity.id, me!.userId)).toBeUndefined();
    expect(await registrationOf(full.id, me!.userId)).toBeUndefined();
    expect(await activityOf(activity.id)).toMatchObject({ confirmedCount: 0, waitlistCount: 0 });
    expect(await activityOf(full.id)).toMatchObject({ confirmedCount: 1, waitlistCount: 0 });
  });

  it('takes a closed member off their branch of the directory: the membership, the count, and the post of a secretary', async () => {
    const { branch, secretary, members } = await newBranch(2);
    const admin = (await signIn('admin')).token;
    const before = (await call('GET', `/branches/${branch}`, { token: admin })).body.branch;
    expect(before).toMatchObject({ memberCount: 3, secretaryId: secretary.userId });
    expect((await call('DELETE', '/me', { token: members[0]!.token })).status).toBe(200);
    expect((await call('DELETE', '/me', { token: secretary.token })).status).toBe(200);
    const after = (await call('GET', `/branches/${branch}`, { token: admin })).body.branch;
    expect(after.memberCount).toBe(1);
    expect(after.secretaryId).toBeUndefined();
    const lines = (await call('GET', `/branches/${branch}/members`, { token: admin })).body.items;
    expect(lines.map((line: { userId: string }) => line.userId)).toEqual([members[1]!.userId]);
  });

  it('refuses a query parameter it does not know (a dry run is not offered), closing nothing', async () => {
    const [me] = await newMembers(1, 'dry');
    const reply = await call('DELETE', '/me?dryRun=1', { token: me!.token });
    expect(reply.status).toBe(400);
    expect((await call('GET', '/me', { token: me!.token })).status).toBe(200);
  });
});
