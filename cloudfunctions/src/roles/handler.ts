/** Role management routes (admin only, but coordinators read holders): look a user up, grant and revoke roles, holders, audit log. */
import { IdParams, ListQuery, Role, RoleHoldersParams, RoleParams } from '@hele/shared';
import { ForbiddenError } from '../lib/errors';
import { createHttpHandler, ok, route } from '../lib/http';
import { roleRepository } from './repository';
import { createRoleService } from './service';

const roles = createRoleService({ roles: roleRepository });
const ADMINS = [] as const; // admins pass every role check; nobody else is let in

export const handler = createHttpHandler({
  'GET /users/{id}': route({ access: ADMINS, params: IdParams, handle: async ({ params }) => ok({ user: await roles.get(params.id) }) }),
  'PUT /users/{id}/roles/{role}': route({
    access: ADMINS,
    params: RoleParams,
    handle: async ({ params, caller }) => ok(await roles.grant(params.id, params.role, caller)),
  }),
  'DELETE /users/{id}/roles/{role}': route({
    access: ADMINS,
    params: RoleParams,
    handle: async ({ params, caller }) => ok(await roles.revoke(params.id, params.role, caller)),
  }),
  // Coordinators read the lecturers too (they pick a class series' lecturers); the other lists stay the admins'.
  'GET /roles/{role}/holders': route({
    access: [Role.COORDINATOR],
    params: RoleHoldersParams,
    query: ListQuery,
    handle: async ({ params, query, caller }) => {
      if (params.role !== Role.LECTURER && !caller.roles.includes(Role.ADMIN)) throw new ForbiddenError('Coordinators see the lecturers only');
      return ok(await roles.holders(params.role, query));
    },
  }),
  'GET /audit/roles': route({ access: ADMINS, query: ListQuery, handle: async ({ query }) => ok(await roles.audit(query)) }),
});
