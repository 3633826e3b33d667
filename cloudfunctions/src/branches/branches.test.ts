import { randomUUID } from 'node:crypto';
import { STARTER_MODULES } from '@hele/shared';
import { newBranch, newMembers } from '../../test/fixtures';
import { call, signIn } from '../../test/gateway';
import { branchRepository } from './repository';

const record = (branch: string, token: string, userId: string, body: unknown) =>
  call('PUT', `/branches/${branch}/roster/${userId}`, { token, body });

describe('one branch, one plan', () => {
  beforeAll(async () => {
    // The module library, as a coordinator builds it (in the article's order).
    const { token } = await signIn('coordinator');
    for (const { id: _id, ...module } of STARTER_MODULES)
      expect((await call('POST', '/plan-modules', { token, body: module })).status).toBe(201);
  });

  it('profiles a young branch from the roster its secretary keeps, and proposes collaborative and outdoor meetings', async () => {
    const { branch, secretary, members } = await newBranch();
    const before = (await call('GET', `/branches/${branch}/profile`, { token: secretary.token })).body;
    expect(before.unrecorded.map((user: { userId: string }) => user.userId).sort()).toEqual(
      [secretary, ...members].map((user) => user.userId).sort(),
    );
    const births = [1996, 1999, 1975];
    for (const [index, member] of members.entries()) {
      expect(
        (await record(branch, secretary.token, member.userId, { birthYear: births[index], education: 'college', joinedOn: '2020-07-01' }))
          .status,
      ).toBe(200);
    }
    const own = (await record(branch, secretary.token, secretary.userId, { birthYear: 1992, education: 'postgraduate' })).body;
    expect(own.profile).toEqual({
      size: 4,
      ages: { young: 3, middle: 1, senior: 0 },
      education: { primary: 0, secondary: 0, college: 3, postgraduate: 1 },
      leaning: 'young',
    });
    expect(own.unrecorded).toEqual([]);

    const proposal = await call('POST', `/branches/${branch}/plan-proposals`, {
      token: secretary.token,
      body: { theme: '两学一做', meetings: 2 },
    });
    expect(proposal.status).toBe(200);
    const items = proposal.body.items as Array<{ modules: Array<{ name: string }>; format: string; reasons: string[] }>;
    // Young and all 大专 or above: the creative module comes first, and the reasons say so.
    expect(items.map((item) => item.modules.map((module) => module.name))).toEqual([
      ['创意党旗设计', '团队协作'],
      ['户外拓展', '分享环保小妙招'],
    ]);
    expect(items.map((item) => item.format)).toEqual(['world_cafe', 'open_space']);
    expect(items[0]!.reasons[0]).toBe('支部 3/4 名党员35 岁以下，4/4 名党员大专及以上学历，优先团队协作、户外类模块');

    // The branch's own needs and constraints, as its secretary wrote them, weigh too.
    expect(
      (
        await call('PUT', `/branches/${branch}/notes`, {
          token: secretary.token,
          body: { needs: '想请老党员讲一次党课', constraints: '会议室在室内，晚上每次不超过 60 分钟' },
        })
      ).status,
    ).toBe(200);
    const noted = (
      await call('POST', `/branches/${branch}/plan-proposals`, { token: secretary.token, body: { theme: '两学一做', meetings: 3 } })
    ).body.items as Array<{ modules: Array<{ name: string }>; minutes: number; reasons: string[] }>;
    expect(noted[0]!.modules.map((module) => module.name)[0]).toBe('送党课下支部');
    expect(noted[0]!.reasons).toContain('「送党课下支部」：讲授；回应支部需求「党课」');
    expect(noted[0]!.reasons[0]).toMatch(/按支部的限制每次不超过 60 分钟、不安排户外活动$/);
    expect(noted.flatMap((item) => item.modules.map((module) => module.name))).not.toContain('户外拓展');
    for (const item of noted) expect(item.minutes).toBeLessThanOrEqual(60);
  });

  it('shows personal data to the branch and the center only', async () => {
    const { branch, secretary, members } = await newBranch();
    await record(branch, secretary.token, members[0]!.userId, { birthYear: 1960, education: 'secondary', joinedOn: '1985-07-01' });
    const [outsider] = await newMembers(1, 'outsider');
    const seenBy = async (token: string) => (await call('GET', `/branches/${branch}/profile`, { token })).body;
    const inside = await seenBy(members[1]!.token);
    expect(inside.roster[0]).toMatchObject({ birthYear: 1960, education: 'secondary', joinedOn: '1985-07-01', ageBand: 'senior' });
    const { token: coordinator } = await signIn('coordinator');
    expect((await seenBy(coordinator)).full).toBe(true);
    const outside = await seenBy(outsider!.token);
    expect(outside.full).toBe(false);
    // No one by one, and no count under 5: nothing that points at someone of a small branch.
    expect([outside.roster, outside.unrecorded]).toEqual([[], []]);
    expect(outside.profile).toEqual({
      size: 1,
      ages: { young: null, middle: null, senior: null },
      education: { primary: null, secondary: null, college: null, postgraduate: null },
      leaning: null,
    });
  });

  it('shows outsiders of a larger branch the counts of 5 or more, and hides any count that the others would give away', async () => {
    const { branch, secretary, members } = await newBranch(6);
    const births = [1995, 1996, 1997, 1998, 1999, 2000, 1960];
    for (const [index, member] of [...members, secretary].entries())
      expect((await record(branch, secretary.token, member.userId, { birthYear: births[index], education: 'college' })).status).toBe(200);
    const [outsider] = await newMembers(1, 'outsider');
    const { profile } = (await call('GET', `/branches/${branch}/profile`, { token: outsider!.token })).body;
    expect(profile).toEqual({
      size: 7,
      ages: { young: 6, middle: null, senior: null },
      education: { primary: null, secondary: null, college: 7, postgraduate: null },
      leaning: 'young',
    });
    const { token: coordinator } = await signIn('coordinator');
    expect((await call('GET', `/branches/${branch}/profile`, { token: coordinator })).body.profile.ages).toEqual({
      young: 6,
      middle: 0,
      senior: 1,
    });
  });

  it('keeps period themes and offers the running ones, latest first', async () => {
    const { token } = await signIn('coordinator');
    // Years ahead, so other tests' themes do not run then; the app asks with today's date, the rule is tested in shared.
    const added = await call('POST', '/themes', { token, body: { name: '五水共治', from: '2026-03-01', to: '2099-06-30' } });
    expect(added.status).toBe(201);
    const { items, current } = (await call('GET', '/themes', { token: (await signIn('member')).token })).body;
    expect(items.map((theme: { id: string }) => theme.id)).toContain(added.body.theme.id);
    expect(current.map((theme: { id: string }) => theme.id)).toContain(added.body.theme.id);
    const refused = await call('POST', '/themes', { token, body: { name: '三严三实', from: '2026-07-01', to: '2026-06-01' } });
    expect([refused.status, refused.body.error.details[0].path]).toEqual([400, 'to']);
  });

  it('lets only the branch’s own secretary (or a coordinator) keep it, and refuses bad input by field', async () => {
    const { branch, secretary, members } = await newBranch();
    const other = await newBranch();
    expect((await record(branch, other.secretary.token, members[0]!.userId, { birthYear: 1990, education: 'college' })).status).toBe(403);
    expect(
      (await call('POST', `/branches/${branch}/plan-proposals`, { token: other.secretary.token, body: { theme: '两学一做', meetings: 2 } }))
        .status,
    ).toBe(403);
    const bad: Array<[string, string, unknown, string]> = [
      ['PUT', `/branches/${branch}/roster/${other.members[0]!.userId}`, { birthYear: 1990, education: 'college' }, 'userId'],
      ['PUT', `/branches/${branch}/roster/${members[0]!.userId}`, { birthYear: 1850, education: 'college' }, 'birthYear'],
      ['PUT', `/branches/${branch}/roster/${members[0]!.userId}`, { birthYear: 1990, education: 'phd' }, 'education'],
      ['POST', `/branches/${branch}/plan-proposals`, { theme: '两学一做', meetings: 13 }, 'meetings'],
      // The branch is the path's `id` (the fuzz test holds every 400 to the route's own names).
      ['POST', `/branches/${branch}/plan-proposals`, { theme: '两学一做', meetings: 2 }, 'id'],
    ];
    for (const [method, path, body, field] of bad) {
      const reply = await call(method, path, { token: secretary.token, body });
      expect([path, reply.status, reply.body.error.details[0].path]).toEqual([path, 400, field]);
    }
    const { token: coordinator } = await signIn('coordinator');
    expect(
      (await call('POST', '/plan-modules', { token: coordinator, body: { name: '读书会', styles: ['singing'], minutes: 30 } })).body.error
        .details[0].path,
    ).toBe('styles.0');
  });

  it('writes a roster line only while the person is on the branch, so a move in between leaves none behind', async () => {
    const { branch, secretary, members } = await newBranch(1);
    const other = await newBranch(1);
    const line = { birthYear: 1990, education: 'college' as const };
    // As a secretary's write that read the person before they moved: the write itself checks, and writes nothing.
    const moved = other.members[0]!;
    expect(await branchRepository.putMember(branch, { userId: moved.userId, nickname: moved.name, ...line })).toBe(false);
    // Nor under a name the person no longer has.
    expect(await branchRepository.putMember(branch, { userId: members[0]!.userId, nickname: '旧名字', ...line })).toBe(false);
    expect(await branchRepository.roster(branch)).toEqual([]);
    expect((await record(branch, secretary.token, members[0]!.userId, line)).status).toBe(200);
    expect((await branchRepository.roster(branch)).map((entry) => entry.userId)).toEqual([members[0]!.userId]);
  });

  it('refuses a null body naming it, and writes to a branch nobody is on with 404, writing nothing', async () => {
    const { branch, secretary } = await newBranch();
    const { token: coordinator } = await signIn('coordinator');
    const nulled = await call('PUT', `/branches/${branch}/notes`, { token: secretary.token, rawBody: 'null' });
    expect([nulled.status, nulled.body.error.code, nulled.body.error.details]).toEqual([
      400,
      'VALIDATION_FAILED',
      [{ path: 'body', message: expect.any(String) }],
    ]);
    const nulledRoster = await call('PUT', `/branches/${branch}/roster/${secretary.userId}`, { token: secretary.token, rawBody: 'null' });
    expect([nulledRoster.status, nulledRoster.body.error.details[0].path]).toEqual([400, 'body']);
    const kept = (await call('GET', `/branches/${branch}/profile`, { token: secretary.token })).body;
    expect([kept.needs, kept.roster]).toEqual(['', []]);

    const nowhere = `zz-nope-${randomUUID().slice(0, 8)}`;
    const notes = await call('PUT', `/branches/${nowhere}/notes`, { token: coordinator, body: { needs: '不存在的支部' } });
    expect([notes.status, notes.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await call('PUT', `/branches/${nowhere}/notes`, { token: coordinator, rawBody: 'null' })).status).toBe(400);
    const roster = await record(nowhere, coordinator, secretary.userId, { birthYear: 1990, education: 'college' });
    expect([roster.status, roster.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const empty = (await call('GET', `/branches/${nowhere}/profile`, { token: coordinator })).body;
    expect([empty.needs, empty.roster]).toEqual(['', []]);
  });
});
