import { Role } from '../constants';

/** An admin may do whatever any role may do; everyone else needs one of the roles named. */
export const hasAnyRole = (held: readonly Role[], allowed: readonly Role[]): boolean =>
  held.includes(Role.ADMIN) || allowed.some((role) => held.includes(role));

/**
 * Whether the record holds this role itself: a fact about a person (who is named a lecturer, who is
 * certified, what a grant changes), not what they may do, so an admin holds only what they were given.
 */
export const holdsRole = (held: readonly Role[], role: Role): boolean => held.includes(role);

/** Chinese labels of roles, for the 我的 page and admin screens. */
export const ROLE_LABELS: Record<Role, string> = {
  member: '党员/群众',
  volunteer: '志愿者',
  lecturer: '公益讲师',
  secretary: '支部书记',
  coordinator: '社工',
  admin: '管理员',
};

/**
 * Who runs an activity of a branch (checks people in, facilitates its meeting, decides leave): a coordinator, or
 * that branch's own secretary. An activity of no branch is the center's alone.
 */
export const runsActivityOf = (person: { roles: readonly Role[]; branchId?: string }, activityBranchId: string | undefined): boolean =>
  hasAnyRole(person.roles, [Role.COORDINATOR]) ||
  (!!activityBranchId && person.branchId === activityBranchId && hasAnyRole(person.roles, [Role.SECRETARY]));
