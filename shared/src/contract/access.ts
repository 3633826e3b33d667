/** The role lists that several routes share (admins always pass as well; see `Access` in define.ts). */
import { Role } from '../constants';

export const COORDINATORS = [Role.COORDINATOR] as const;
/** A branch's own secretary (the service checks which branch) and the center's coordinators: the 三会一课, rosters and branch work. */
export const BRANCH_STAFF = [Role.COORDINATOR, Role.SECRETARY] as const;
/** Coordinators and lecturers: the academy's courses and teaching. */
export const TEACHING_STAFF = [Role.COORDINATOR, Role.LECTURER] as const;
