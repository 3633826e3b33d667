import { call, signIn } from '../../test/gateway';
import { newMembers } from '../../test/fixtures';

describe('role management', () => {
  it('lets an admin grant and revoke a role, listing holders and logging who did what', async () => {
    const { token: admin } = await signIn('admin');
    const [person] = await newMembers(1, 'teacher');
    const looked = await call('GET', `/users/${person!.userId}`, { token: admin });
    expect(looked.body.user).toMatchObject({ id: person!.userId, nickname: person!.name, roles: ['member'] });

    const granted = await call('PUT', `/users/${person!.userId}/roles/lecturer`, { token: admin });
    expect(granted.body).toMatchObject({ changed: true, user: { roles: ['member', 'lecturer'] } });
    // The role comes from the server's record at once: the person's next request carries it.
    expect((await call('GET', '/me', { token: person!.token })).body.user.roles).toEqual(['member', 'lecturer']);
    const again = await call('PUT', `/users/${person!.userId}/roles/lecturer`, { token: admin });
    expect(again.body.changed).toBe(false);

    const holders = (await call('GET', '/roles/lecturer/holders?limit=100', { token: admin })).body.items;
    expect(holders).toContainEqual(expect.objectContaining({ userId: person!.userId, grantedByName: '管理员' }));

    const revoked = await call('DELETE', `/users/${person!.userId}/roles/lecturer`, { token: admin });
    expect(revoked.body).toMatchObject({ changed: true, user: { roles: ['member'] } });
    expect(
      (await call('GET', '/roles/lecturer/holders?limit=100', { token: admin })).body.items.map(
        (holder: { userId: string }) => holder.userId,
      ),
    ).not.toContain(person!.userId);

    const audit = (await call('GET', '/audit/roles?limit=100', { token: admin })).body.items.filter(
      (entry: { userId: string }) => entry.userId === person!.userId,
    );
    expect(audit.map((entry: { action: string; role: string; actorName: string }) => [entry.action, entry.role, entry.actorName])).toEqual([
      ['revoke', 'lecturer', '管理员'],
      ['grant', 'lecturer', '管理员'],
    ]);
  });

  it('shows coordinators the lecturers (to pick a class series’ lecturers) and no other holder list', async () => {
    const { token: coordinator } = await signIn('coordinator');
    const { token: admin } = await signIn('admin');
    const [lecturer] = await newMembers(1, 'lecturer');
    await call('PUT', `/users/${lecturer!.userId}/roles/lecturer`, { token: admin });
    const lecturers = await call('GET', '/roles/lecturer/holders?limit=100', { token: coordinator });
    expect(lecturers.body.items.map((holder: { userId: string }) => holder.userId)).toContain(lecturer!.userId);
    for (const role of ['secretary', 'coordinator'])
      expect((await call('GET', `/roles/${role}/holders`, { token: coordinator })).status).toBe(403);
  });

  it('changes a role once however many admins press at the same time, keeping the other roles', async () => {
    const { token: admin } = await signIn('admin');
    const [person] = await newMembers(1, 'staff');
    const replies = await Promise.all([
      ...Array.from({ length: 6 }, () => call('PUT', `/users/${person!.userId}/roles/secretary`, { token: admin })),
      ...Array.from({ length: 6 }, () => call('PUT', `/users/${person!.userId}/roles/coordinator`, { token: admin })),
    ]);
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    expect(replies.filter((reply) => reply.body.changed)).toHaveLength(2);
    const { user } = (await call('GET', `/users/${person!.userId}`, { token: admin })).body;
    expect([...user.roles].sort()).toEqual(['coordinator', 'member', 'secretary']);
    const audit = (await call('GET', '/audit/roles?limit=100', { token: admin })).body.items.filter(
      (entry: { userId: string }) => entry.userId === person!.userId,
    );
    expect(audit).toHaveLength(2);
  });

  it.each([
    ['a role an admin does not manage', 'PUT', '/users/u_x/roles/admin', 'role'],
    ['volunteer (it comes from the exam)', 'PUT', '/users/u_x/roles/volunteer', 'role'],
    ['an unknown role list', 'GET', '/roles/boss/holders', 'role'],
  ])('refuses %s with 400 naming the field', async (_, method, path, field) => {
    const { token: admin } = await signIn('admin');
    const reply = await call(method, path, { token: admin });
    expect([reply.status, reply.body.error.details[0].path]).toEqual([400, field]);
  });

  it('answers 404 for a user that does not exist', async () => {
    const { token: admin } = await signIn('admin');
    expect((await call('PUT', '/users/u_nobody_here/roles/lecturer', { token: admin })).status).toBe(404);
  });
});
