/**
 * `npm run admin:grant` (scripts/admin-grant.ts) against the integration tests' local tables: the first
 * admin of a stage, made through the roles feature's own change, and the unknown users it refuses.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { adminGrant, Refusal, type ResolveStage } from '../../../scripts/admin/grant';
import { call, signIn } from '../../test/gateway';
import { newMembers } from '../../test/fixtures';
import { loadUser } from '../lib/principal';

const ROOT = path.resolve(__dirname, '../../..');

/** The tables these tests run on, as `sls print` would resolve them for the local stage. */
const localTables: ResolveStage = async () => ({
  region: process.env.AWS_REGION!,
  USERS_TABLE: process.env.USERS_TABLE!,
  ROLE_HOLDERS_TABLE: process.env.ROLE_HOLDERS_TABLE!,
  AUDIT_TABLE: process.env.AUDIT_TABLE!,
});

const auditOf = async (userId: string) => {
  const { token } = await signIn('admin');
  const reply = await call('GET', '/audit/roles?limit=100', { token });
  return reply.body.items.filter((entry: { userId: string }) => entry.userId === userId);
};

describe('npm run admin:grant', () => {
  it('makes a user an admin with the holder list and an audit line, and says what it did; a second run changes nothing', async () => {
    const [user] = await newMembers(1, 'first-admin');
    const lines = await adminGrant(['--stage', 'local', '--user', user!.userId, '--by', '运维小王'], localTables);
    expect(lines[0]).toBe(
      `admin:grant local (${process.env.AWS_REGION}): ${user!.userId} (${user!.name}) is now an admin, in one transaction:`,
    );
    expect(lines.join('\n')).toContain(
      `${process.env.ROLE_HOLDERS_TABLE}: admin / ${user!.userId}, granted by 命令行 admin:grant（运维小王）`,
    );
    expect((await loadUser(user!.userId))!.roles).toEqual(['member', 'admin']);
    // Read on the next request: the new admin manages roles at once.
    expect((await call('GET', '/audit/roles', { token: user!.token })).status).toBe(200);
    expect(await auditOf(user!.userId)).toEqual([
      expect.objectContaining({ action: 'grant', role: 'admin', actorId: 'admin-grant', actorName: '命令行 admin:grant（运维小王）' }),
    ]);

    const again = await adminGrant(['--stage', 'local', '--user', user!.userId], localTables);
    expect(again).toEqual([
      `admin:grant local (${process.env.AWS_REGION}): ${user!.userId} (${user!.name}) is an admin already; nothing changed.`,
    ]);
    expect(await auditOf(user!.userId)).toHaveLength(1);
  });

  it.each([
    ['an unknown user', ['--stage', 'local', '--user', 'u_nobody-at-all'], /no open account u_nobody-at-all in /],
    ['no user', ['--stage', 'local'], /name the stage and the user/],
    ['no stage', ['--user', 'u_x'], /name the stage and the user/],
    ['something that is no id', ['--stage', 'local', '--user', 'u x;'], /is not a 用户编号/],
    ['an option it does not know', ['--stage', 'local', '--user', 'u_x', '--force'], /Unknown option '--force'/],
  ])('refuses %s and writes nothing', async (_, argv, message) => {
    await expect(adminGrant(argv, localTables)).rejects.toThrow(Refusal);
    await expect(adminGrant(argv, localTables)).rejects.toThrow(message);
  });

  it('refuses a closed account', async () => {
    const [user] = await newMembers(1, 'closed-admin');
    expect((await call('DELETE', '/me', { token: user!.token })).status).toBe(200);
    await expect(adminGrant(['--stage', 'local', '--user', user!.userId], localTables)).rejects.toThrow(/no open account/);
  });

  it('runs as the npm script, resolving the local stage’s tables from serverless.yml', async () => {
    const [user] = await newMembers(1, 'cli-admin');
    const { stdout } = await promisify(execFile)(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/admin-grant.ts', '--stage', 'local', '--user', user!.userId, '--by', 'ci'],
      { cwd: ROOT, env: process.env },
    );
    expect(stdout).toContain(`${user!.userId} (${user!.name}) is now an admin`);
    expect((await loadUser(user!.userId))!.roles).toContain('admin');
  });
});
