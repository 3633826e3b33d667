import { hasAnyRole, holdsRole, ROLE_LABELS, runsActivityOf } from './roles';
import { RoleSchema } from '../constants';

describe('hasAnyRole', () => {
  it('lets a caller through with one of the allowed roles', () => {
    expect(hasAnyRole(['member', 'coordinator'], ['coordinator'])).toBe(true);
    expect(hasAnyRole(['member', 'secretary'], ['coordinator', 'secretary'])).toBe(true);
  });

  it('stops a caller without any allowed role', () => {
    expect(hasAnyRole(['member', 'volunteer'], ['coordinator'])).toBe(false);
    expect(hasAnyRole([], ['member'])).toBe(false);
  });

  it('lets an admin do what any role may do', () => {
    expect(hasAnyRole(['admin'], ['coordinator'])).toBe(true);
    expect(hasAnyRole(['admin'], ['secretary', 'lecturer'])).toBe(true);
  });
});

describe('holdsRole', () => {
  it('says what the record holds: an admin is not a lecturer until granted it', () => {
    expect(holdsRole(['member', 'lecturer'], 'lecturer')).toBe(true);
    expect(holdsRole(['member', 'admin'], 'lecturer')).toBe(false);
  });
});

describe('runsActivityOf', () => {
  it("lets coordinators run any activity, a secretary only their own branch's, and no secretary the center's own", () => {
    expect(runsActivityOf({ roles: ['member', 'coordinator'] }, undefined)).toBe(true);
    expect(runsActivityOf({ roles: ['member', 'coordinator'] }, 'b1')).toBe(true);
    expect(runsActivityOf({ roles: ['member', 'secretary'], branchId: 'b1' }, 'b1')).toBe(true);
    expect(runsActivityOf({ roles: ['member', 'secretary'], branchId: 'b2' }, 'b1')).toBe(false);
    expect(runsActivityOf({ roles: ['member', 'secretary'], branchId: 'b1' }, undefined)).toBe(false);
    expect(runsActivityOf({ roles: ['member'], branchId: 'b1' }, 'b1')).toBe(false);
  });
});

describe('ROLE_LABELS', () => {
  it('has a Chinese label for every role', () => {
    for (const role of RoleSchema.options) expect(ROLE_LABELS[role]).toMatch(/[\u4e00-\u9fff]/);
  });
});
