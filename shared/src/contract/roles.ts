/** The roles function's routes. */
import { Role } from '../constants';
import {
  IdParams,
  ListQuery,
  RoleAuditPage,
  RoleChangeResponse,
  RoleHolderPage,
  RoleHoldersParams,
  RoleParams,
  UserResponse,
} from '../schemas';
import { defineRoutes } from './define';

/** Admins pass every role check; nobody else is let in. */
const ADMINS_ONLY = [] as const;

export const rolesRoutes = defineRoutes({
  user: {
    method: 'GET',
    path: '/users/{id}',
    access: ADMINS_ONLY,
    params: IdParams,
    reply: UserResponse,
  },
  grant: {
    method: 'PUT',
    path: '/users/{id}/roles/{role}',
    access: ADMINS_ONLY,
    params: RoleParams,
    reply: RoleChangeResponse,
  },
  revoke: {
    method: 'DELETE',
    path: '/users/{id}/roles/{role}',
    access: ADMINS_ONLY,
    params: RoleParams,
    reply: RoleChangeResponse,
  },
  holders: {
    method: 'GET',
    path: '/roles/{role}/holders',
    access: [Role.COORDINATOR],
    params: RoleHoldersParams,
    query: ListQuery,
    reply: RoleHolderPage,
  },
  audit: {
    method: 'GET',
    path: '/audit/roles',
    access: ADMINS_ONLY,
    query: ListQuery,
    reply: RoleAuditPage,
  },
});
