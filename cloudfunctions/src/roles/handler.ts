/** Role management routes (admin only, but coordinators read holders): look a user up, grant and revoke roles, holders, audit log. */
import { hasAnyRole, Role } from '@hele/shared';
import { ForbiddenError } from '../lib/errors';
import { createHttpHandler } from '../lib/http';
import { roleRepository } from './repository';
import { createRoleService } from './service';
import { rolesRoutes } from '@hele/shared/contract/roles';

const roles = createRoleService({ roles: roleRepository });

export const handler = createHttpHandler(rolesRoutes, {
  user: async ({ params }) => ({ user: await roles.get(params.id) }),
  grant: async ({ params, caller }) => await roles.grant(params.id, params.role, caller),
  revoke: async ({ params, caller }) => await roles.revoke(params.id, params.role, caller),
  // Coordinators read the lecturers too (they pick a class series' lecturers); the other lists stay the admins'.
  holders: async ({ params, query, caller }) => {
    if (params.role !== Role.LECTURER && !hasAnyRole(caller.roles, [Role.ADMIN]))
      throw new ForbiddenError('Coordinators see the lecturers only');
    return await roles.holders(params.role, query);
  },
  audit: async ({ query }) => await roles.audit(query),
});
