/**
 * Role management (admin): grant and revoke coordinator, secretary and lecturer. Each change moves
 * the user's roles, the holder lists and the audit log in one transaction; granting a role someone
 * holds, or revoking one they lack, changes nothing and logs nothing.
 */
import { holdsRole, Role, type ManagedRole, type RoleAuditEntry, type User } from '@hele/shared';
import { rolesAfter } from '../domain/role-changes';
import { NotFoundError } from '../lib/errors';
import { loadUser, toPrincipal, type Principal, type UserRecord } from '../lib/principal';
import { DEFAULT_RETRY, retrying } from '../lib/retry';
import type { roleRepository as RoleRepository } from './repository';

export interface RoleDeps {
  roles: typeof RoleRepository;
  now?: () => Date;
}

const toUser = (record: UserRecord): User => toPrincipal(record);

export const createRoleService = ({ roles, now = () => new Date() }: RoleDeps) => {
  const requireUser = async (id: string) => {
    const user = await loadUser(id);
    if (!user) throw new NotFoundError('User');
    return user;
  };

  /** Who made a change: a signed-in admin, or the operator's command (`npm run admin:grant`). */
  type Actor = Pick<Principal, 'id' | 'nickname'>;

  const change = async (userId: string, role: ManagedRole | typeof Role.ADMIN, action: RoleAuditEntry['action'], caller: Actor) =>
    retrying(async () => {
      const user = await requireUser(userId);
      if ((action === 'grant') === holdsRole(user.roles, role)) return { user: toUser(user), changed: false };
      const change = { user, role, action, actor: caller, at: now() };
      const outcome = await roles.change(change);
      // `user`: the roles changed meanwhile (another admin, the exam): read them again.
      return outcome === 'ok' ? { user: toUser({ ...user, roles: rolesAfter(change) }), changed: true } : undefined;
    }, DEFAULT_RETRY);

  return {
    async get(userId: string) {
      return toUser(await requireUser(userId));
    },
    grant: (userId: string, role: ManagedRole, caller: Principal) => change(userId, role, 'grant', caller),
    revoke: (userId: string, role: ManagedRole, caller: Principal) => change(userId, role, 'revoke', caller),
    /** The first admin of a stage: no admin exists to grant it in the app, so the operator runs `npm run admin:grant`. */
    grantAdmin: (userId: string, operator: Actor) => change(userId, Role.ADMIN, 'grant', operator),
    holders: (role: ManagedRole, page: { limit: number; cursor?: string }) => roles.holders(role, page),
    audit: (page: { limit: number; cursor?: string }) => roles.audit(page),
  };
};
