import * as z from 'zod';
import { Role, RoleSchema } from '../constants';
import { Id, IsoDateTime, page, personFields } from './common';
import { User } from './auth';

/** The roles an admin grants and revokes (volunteer comes from the exam; member is everyone). */
export const ManagedRoleSchema = z.enum([Role.COORDINATOR, Role.SECRETARY, Role.LECTURER]);
export type ManagedRole = z.infer<typeof ManagedRoleSchema>;

export const RoleParams = z.object({ id: Id, role: ManagedRoleSchema });
export const RoleHoldersParams = z.object({ role: ManagedRoleSchema });

export const RoleHolder = z.object({
  role: ManagedRoleSchema,
  ...personFields,
  grantedBy: Id,
  grantedByName: z.string(),
  grantedAt: IsoDateTime,
});
export type RoleHolder = z.infer<typeof RoleHolder>;
export const RoleHolderPage = page(RoleHolder);

/** One line of the audit log: who changed whose role, and when. */
export const RoleAuditEntry = z.object({
  id: Id,
  action: z.enum(['grant', 'revoke']),
  role: RoleSchema,
  ...personFields,
  actorId: Id,
  actorName: z.string(),
  at: IsoDateTime,
});
export type RoleAuditEntry = z.infer<typeof RoleAuditEntry>;
export const RoleAuditPage = page(RoleAuditEntry);

export const RoleChangeResponse = z.object({ user: User, changed: z.boolean() });
export const UserResponse = z.object({ user: User });
