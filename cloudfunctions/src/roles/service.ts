/**
 * Role management (admin): grant and revoke coordinator, secretary and lecturer. Each change moves
 * the user's roles, the holder lists and the audit log in one transaction; granting a role someone
 * holds, or revoking one they lack, changes nothing and logs nothing.
 */
import { holdsRole, Role, type ManagedRole, type RoleAuditEntry, type User } from '@hele/shared';
import { ulid } from 'ulid';
import { NotFoundError } from '../lib/errors';
import { loadUser, roleItems, toPrincipal, type Principal, type UserRecord } from '../lib/principal';
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
      const holds = holdsRole(user.roles, role);
      if ((action === 'grant') === holds) return { user: toUser(user), changed: false };
      const at = now();
      const next: Role[] = action === 'grant' ? [...user.roles, role] : user.roles.filter((held) => held !== role);
      const entry: RoleAuditEntry = {
        id: ulid(at.getTime()),
        action,
        role,
        userId,
        nickname: user.nickname,
        actorId: caller.id,
        actorName: caller.nickname,
        at: at.toISOString(),
      };
      const holder =
        action === 'grant'
          ? { role, userId, nickname: user.nickname, grantedBy: caller.id, grantedByName: caller.nickname, grantedAt: entry.at }
          : { role, userId, removed: true as const };
      const outcome = await roles.change(roleItems.replace(userId, user.roles, next), holder, entry);
      // `user`: the roles changed meanwhile (another admin, the exam): read them again.
      return outcome === 'ok' ? { user: toUser({ ...user, roles: next }), changed: true } : undefined;
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
