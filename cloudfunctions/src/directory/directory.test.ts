import { randomUUID } from 'node:crypto';
import { newMembers } from '../../test/fixtures';
import { call, signIn } from '../../test/gateway';
import { directoryRepository } from './repository';
import { createDirectoryService } from './service';

const admin = () => signIn('admin').then(({ token }) => token);
const coordinator = () => signIn('coordinator').then(({ token }) => token);

const newBranch = async (token: string, body: Record<string, unknown> = {}) => {
  const reply = await call('POST', '/branches', { token, body: { name: `和乐第${randomUUID().slice(0, 4)}支部`, ...body } });
  expect(reply.status).toBe(201);
  return reply.body.branch as { id: string; name: string; memberCount: number };
};
const branchOf = async (id: string) => (await call('GET', `/branches/${id}`, { token: await coordinator() })).body.branch;
const me = async (token: string) => (await call('GET', '/me', { token })).body.user;

/** A branch with a secretary named by the admin. */
const branchWithSecretary = async () => {
  const branch = await newBranch(await admin());
  const [secretary] = await newMembers(1, 'sec');
  const named = await call('PUT', `/branches/${branch.id}/secretary`, { token: await admin(), body: { userId: secretary!.userId } });
  expect(named.status).toBe(200);
  return { branch, secretary: secretary! };
};

/** The branch's plan roster as its secretary sees it: who has a line, who has none yet. */
const rosterOf = async (branchId: string, token: string) => {
  const { roster, unrecorded } = (await call('GET', `/branches/${branchId}/profile`, { token })).body;
  return {
    recorded: roster.map((line: { userId: string }) => line.userId),
    unrecorded: unrecorded.map((line: { userId: string }) => line.userId),
  };
};
const recordLine = async (branchId: string, userId: string, token: string) =>
  expect(
    (await call('PUT', `/branches/${branchId}/roster/${userId}`, { token, body: { birthYear: 1968, education: 'college' } })).status,
  ).toBe(200);

const invite = async (branchId: string, token: string, body: Record<string, unknown> = {}) => {
  const reply = await call('POST', `/branches/${branchId}/invites`, { token, body });
  expect(reply.status).toBe(201);
  return reply.body.invite as { code: string; expiresAt: string; role: string };
};

describe('branch directory', () => {
  it('creates branches as a tree, refusing a bad name or an unknown parent and writing nothing', async () => {
    const token = await admin();
    const committee = await newBranch(token, { kind: 'committee', community: '和乐社区' });
    const branch = await newBranch(await coordinator(), { parentId: committee.id });
    expect((await branchOf(branch.id)).parentId).toBe(committee.id);
    expect((await branchOf(committee.id)).kind).toBe('committee');

    const before = (await call('GET', '/branches?limit=100', { token })).body.items.length;
    for (const [body, path] of [
      [{ name: '' }, 'name'],
      [{ name: '新支部', parentId: '01NOSUCHBRANCH' }, 'parentId'],
      [{ name: '新支部', kind: 'club' }, 'kind'],
    ] as const) {
      const reply = await call('POST', '/branches', { token, body });
      expect([reply.status, reply.body.error.details[0].path]).toEqual([400, path]);
    }
    expect((await call('GET', '/branches?limit=100', { token })).body.items.length).toBe(before);
    const loop = await call('PATCH', `/branches/${committee.id}`, { token, body: { parentId: branch.id } });
    expect([loop.status, loop.body.error.details[0].path]).toEqual([400, 'parentId']);
  });

  it('names a secretary: the role, the branch and the member count move together; a new secretary replaces the old', async () => {
    const { branch, secretary } = await branchWithSecretary();
    const user = await me(secretary.token);
    expect(user).toMatchObject({ branchId: branch.id, roles: expect.arrayContaining(['secretary']) });
    expect(await branchOf(branch.id)).toMatchObject({ secretaryId: secretary.userId, memberCount: 1 });
    const holders = (await call('GET', '/roles/secretary/holders?limit=100', { token: await admin() })).body.items;
    expect(holders.map((holder: { userId: string }) => holder.userId)).toContain(secretary.userId);

    const [next] = await newMembers(1, 'sec2');
    await call('PUT', `/branches/${branch.id}/secretary`, { token: await coordinator(), body: { userId: next!.userId } });
    expect(await branchOf(branch.id)).toMatchObject({ secretaryId: next!.userId, memberCount: 2 });
    expect((await me(secretary.token)).roles).not.toContain('secretary');
    expect((await me(secretary.token)).branchId).toBe(branch.id);

    const missing = await call('PUT', `/branches/${branch.id}/secretary`, { token: await admin(), body: { userId: 'u_nobody' } });
    expect([missing.status, missing.body.error.details[0].path]).toEqual([400, 'userId']);
  });

  it('lets a secretary invite to their own branch only, and only the center invite a secretary', async () => {
    const { branch, secretary } = await branchWithSecretary();
    const other = await newBranch(await admin());
    expect((await call('POST', `/branches/${other.id}/invites`, { token: secretary.token, body: {} })).status).toBe(403);
    expect((await call('POST', `/branches/${branch.id}/invites`, { token: secretary.token, body: { role: 'secretary' } })).status).toBe(
      403,
    );
    const made = await invite(branch.id, secretary.token, { days: 3 });
    expect(made.code).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(2.9 * 24 * 3600 * 1000);
    expect(
      (await call('GET', `/branches/${branch.id}/invites`, { token: secretary.token })).body.items.map(
        (item: { code: string }) => item.code,
      ),
    ).toContain(made.code);
  });

  it('takes 30 people accepting one invitation at once as 30 requests, each once, and approves them into the branch', async () => {
    const { branch, secretary } = await branchWithSecretary();
    const { code } = await invite(branch.id, secretary.token);
    const people = await newMembers(30, 'join');
    const replies = await Promise.all(
      people.flatMap((person) => [1, 2].map(() => call('POST', `/invites/${code}/accept`, { token: person.token }))),
    );
    expect(replies.every((reply) => reply.status === 200 && reply.body.membership.status === 'pending')).toBe(true);
    const pending = (await call('GET', `/branches/${branch.id}/members?status=pending`, { token: secretary.token })).body.items;
    expect(pending).toHaveLength(30);

    // The secretary and a coordinator approve the same people at once: each joins exactly once.
    const center = await coordinator();
    const approvals = await Promise.all(
      people.flatMap((person) =>
        [secretary.token, center].map((token) => call('POST', `/branches/${branch.id}/members/${person.userId}/approve`, { token })),
      ),
    );
    expect(approvals.every((reply) => reply.status === 200 && reply.body.membership.status === 'active')).toBe(true);
    expect((await branchOf(branch.id)).memberCount).toBe(31);
    expect((await me(people[0]!.token)).branchId).toBe(branch.id);
    const active = (await call('GET', `/branches/${branch.id}/members?status=active`, { token: secretary.token })).body.items;
    expect(active).toHaveLength(31);
    // Accepting again once a member: the same, active membership.
    expect((await call('POST', `/invites/${code}/accept`, { token: people[0]!.token })).body.membership.status).toBe('active');
  });

  it('answers a withdrawn, unknown or expired invitation with 404', async () => {
    const { branch, secretary } = await branchWithSecretary();
    const made = await invite(branch.id, secretary.token);
    const [person] = await newMembers(1, 'late');
    expect((await call('GET', `/invites/${made.code}`, { token: person!.token })).body.invite).toMatchObject({
      branchName: branch.name,
      role: 'member',
    });
    expect(
      (await call('DELETE', `/branches/${branch.id}/invites/${made.code}`, { token: secretary.token })).body.invite.withdrawnAt,
    ).toEqual(expect.any(String));
    expect((await call('POST', `/invites/${made.code}/accept`, { token: person!.token })).status).toBe(404);
    expect((await call('GET', `/invites/${made.code}`, { token: person!.token })).status).toBe(404);
    expect((await call('POST', '/invites/NoSuchCode2345/accept', { token: person!.token })).status).toBe(404);

    // Eight days later, a week's invitation is gone.
    const later = createDirectoryService({
      directory: directoryRepository,
      inviteImage: async () => new Uint8Array(),
      now: () => new Date(Date.now() + 8 * 24 * 3600 * 1000),
    });
    const fresh = await invite(branch.id, secretary.token, { days: 7 });
    await expect(later.preview(fresh.code)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('moves a member between branches only once both secretaries agree (组织关系转接)', async () => {
    const a = await branchWithSecretary();
    const b = await branchWithSecretary();
    const [person] = await newMembers(1, 'mover');
    const { code: codeA } = await invite(a.branch.id, a.secretary.token);
    await call('POST', `/invites/${codeA}/accept`, { token: person!.token });
    await call('POST', `/branches/${a.branch.id}/members/${person!.userId}/approve`, { token: a.secretary.token });
    await recordLine(a.branch.id, person!.userId, a.secretary.token);

    const { code: codeB } = await invite(b.branch.id, b.secretary.token);
    const asked = await call('POST', `/invites/${codeB}/accept`, { token: person!.token });
    expect(asked.body.membership).toMatchObject({ status: 'pending', fromBranchId: a.branch.id });
    const approved = await call('POST', `/branches/${b.branch.id}/members/${person!.userId}/approve`, { token: b.secretary.token });
    expect(approved.body.membership).toMatchObject({ status: 'pending', approvedAt: expect.any(String) });
    expect((await me(person!.token)).branchId).toBe(a.branch.id);
    // Approving again while the old branch has not released answers the same waiting request.
    const again = await call('POST', `/branches/${b.branch.id}/members/${person!.userId}/approve`, { token: b.secretary.token });
    expect([again.status, again.body.membership]).toEqual([200, approved.body.membership]);
    const leaving = (await call('GET', `/branches/${a.branch.id}/members?status=leaving`, { token: a.secretary.token })).body.items;
    expect(leaving).toEqual([expect.objectContaining({ userId: person!.userId, toBranchName: b.branch.name })]);
    // The other branch's secretary cannot release for A.
    expect((await call('POST', `/branches/${a.branch.id}/members/${person!.userId}/release`, { token: b.secretary.token })).status).toBe(
      403,
    );

    const released = await call('POST', `/branches/${a.branch.id}/members/${person!.userId}/release`, { token: a.secretary.token });
    expect(released.body.membership).toMatchObject({ status: 'active', branchId: b.branch.id });
    expect((await me(person!.token)).branchId).toBe(b.branch.id);
    expect(await branchOf(a.branch.id)).toMatchObject({ memberCount: 1 });
    expect(await branchOf(b.branch.id)).toMatchObject({ memberCount: 2 });
    expect(
      (await call('GET', `/branches/${a.branch.id}/members`, { token: a.secretary.token })).body.items.map(
        (line: { userId: string }) => line.userId,
      ),
    ).toEqual([a.secretary.userId]);
    // Their line of A's plan roster (birth year, education) left with them; B's secretary has it to record.
    expect((await rosterOf(a.branch.id, a.secretary.token)).recorded).not.toContain(person!.userId);
    expect((await rosterOf(b.branch.id, b.secretary.token)).unrecorded).toContain(person!.userId);
  });

  it('makes whoever takes a secretary invitation the secretary, once, and answers a tap again after they left with 404', async () => {
    const branch = await newBranch(await admin());
    const made = await invite(branch.id, await coordinator(), { role: 'secretary' });
    const [first, second] = await newMembers(2, 'taker');
    const [a, b] = await Promise.all(
      [first, second].map((person) => call('POST', `/invites/${made.code}/accept`, { token: person!.token })),
    );
    const winners = [a, b].filter((reply) => reply!.status === 200);
    expect(winners).toHaveLength(1);
    expect([a, b].map((reply) => reply!.status).sort()).toEqual([200, 404]);
    const secretaryId = (await branchOf(branch.id)).secretaryId;
    expect([first!.userId, second!.userId]).toContain(secretaryId);
    expect(await branchOf(branch.id)).toMatchObject({ memberCount: 1 });
    // The one who took it, tapping again, hears what they did; the other still finds no invitation.
    const [winner, loser] = secretaryId === first!.userId ? [first!, second!] : [second!, first!];
    const again = await call('POST', `/invites/${made.code}/accept`, { token: winner.token });
    expect([again.status, again.body.membership?.status]).toEqual([200, 'active']);
    expect((await call('POST', `/invites/${made.code}/accept`, { token: loser.token })).status).toBe(404);
    // Once the center has taken them off the branch, the invitation is spent for them too.
    expect((await call('DELETE', `/branches/${branch.id}/members/${winner.userId}`, { token: await admin() })).status).toBe(200);
    expect((await call('POST', `/invites/${made.code}/accept`, { token: winner.token })).status).toBe(404);
  });

  it('declines a request and takes a member off the branch, keeping the count, their roster line leaving with them', async () => {
    const { branch, secretary } = await branchWithSecretary();
    const { code } = await invite(branch.id, secretary.token);
    const [stays, declined] = await newMembers(2, 'rm');
    for (const person of [stays, declined]) await call('POST', `/invites/${code}/accept`, { token: person!.token });
    await call('POST', `/branches/${branch.id}/members/${stays!.userId}/approve`, { token: secretary.token });
    await recordLine(branch.id, stays!.userId, secretary.token);
    expect((await rosterOf(branch.id, secretary.token)).recorded).toContain(stays!.userId);
    expect((await call('DELETE', `/branches/${branch.id}/members/${declined!.userId}`, { token: secretary.token })).body).toEqual({
      removed: true,
    });
    expect((await call('DELETE', `/branches/${branch.id}/members/${stays!.userId}`, { token: secretary.token })).body).toEqual({
      removed: true,
    });
    expect((await me(stays!.token)).branchId).toBeUndefined();
    expect(await branchOf(branch.id)).toMatchObject({ memberCount: 1 });
    // The branch no longer keeps the personal data of someone who left it.
    expect((await rosterOf(branch.id, secretary.token)).recorded).not.toContain(stays!.userId);
    // The secretary is taken off by the center only.
    expect((await call('DELETE', `/branches/${branch.id}/members/${secretary.userId}`, { token: secretary.token })).status).toBe(403);
  });

  it('draws an invitation as a PNG QR of the H5 join link on a stage without a WeChat app', async () => {
    const { branch, secretary } = await branchWithSecretary();
    const made = await invite(branch.id, secretary.token);
    const image = await call('GET', `/branches/${branch.id}/invites/${made.code}/image`, { token: secretary.token });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect([...(image.body as Buffer).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
