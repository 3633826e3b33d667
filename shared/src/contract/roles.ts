/** The roles function's routes. */
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
import { COORDINATORS } from './access';
import { DELETE, GET, PUT, defineRoutes } from './define';

/** Admins pass every role check; nobody else is let in. */
const ADMINS_ONLY = [] as const;

export const rolesRoutes = defineRoutes({
  user: GET('/users/{id}', ADMINS_ONLY, { params: IdParams, reply: UserResponse }),
  grant: PUT('/users/{id}/roles/{role}', ADMINS_ONLY, { params: RoleParams, reply: RoleChangeResponse }),
  revoke: DELETE('/users/{id}/roles/{role}', ADMINS_ONLY, { params: RoleParams, reply: RoleChangeResponse }),
  holders: GET('/roles/{role}/holders', COORDINATORS, { params: RoleHoldersParams, query: ListQuery, reply: RoleHolderPage }),
  audit: GET('/audit/roles', ADMINS_ONLY, { query: ListQuery, reply: RoleAuditPage }),
});
