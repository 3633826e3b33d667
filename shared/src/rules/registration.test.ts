import { admits, canCancel, canRegister, seatsLeft } from './registration';

const window = {
  status: 'published' as const,
  registrationOpensAt: '2026-12-01T00:00:00+08:00',
  registrationClosesAt: '2026-12-05T14:00:00+08:00',
  cancellationDeadline: '2026-12-05T12:00:00+08:00',
};

describe('canRegister', () => {
  it('accepts between opening and closing', () => {
    expect(canRegister(window, new Date('2026-12-03T10:00:00+08:00'))).toEqual({ ok: true });
  });

  it.each([
    ['before opening', '2026-11-30T23:59:59+08:00', 'REGISTRATION_NOT_OPEN'],
    ['after closing', '2026-12-05T14:00:01+08:00', 'REGISTRATION_CLOSED'],
  ])('refuses %s', (_, at, code) => {
    expect(canRegister(window, new Date(at))).toMatchObject({ ok: false, code });
  });

  it('refuses drafts and cancelled activities', () => {
    const at = new Date('2026-12-03T10:00:00+08:00');
    expect(canRegister({ ...window, status: 'draft' }, at)).toMatchObject({ code: 'ACTIVITY_NOT_OPEN' });
    expect(canRegister({ ...window, status: 'cancelled' }, at)).toMatchObject({ code: 'ACTIVITY_CANCELLED' });
  });
});

describe('canCancel', () => {
  const after = new Date('2026-12-05T12:00:01+08:00');
  it('lets a confirmed seat go until the deadline only', () => {
    expect(canCancel(window, 'confirmed', new Date('2026-12-05T11:59:00+08:00'))).toEqual({ ok: true });
    expect(canCancel(window, 'confirmed', after)).toMatchObject({ ok: false, code: 'CANCELLATION_CLOSED' });
  });
  it('lets a waitlist place go at any time', () => {
    expect(canCancel(window, 'waitlisted', after)).toEqual({ ok: true });
  });
});

describe('admits', () => {
  it("takes only the branch's own people at a branch-only meeting, and anyone elsewhere", () => {
    expect(admits({ branchOnly: true, branchId: 'b1' }, { branchId: 'b1' })).toBe(true);
    expect(admits({ branchOnly: true, branchId: 'b1' }, { branchId: 'b2' })).toBe(false);
    expect(admits({ branchOnly: true, branchId: 'b1' }, {})).toBe(false);
    expect(admits({ branchId: 'b1' }, { branchId: 'b2' })).toBe(true);
    expect(admits({}, {})).toBe(true);
  });
});

describe('seatsLeft', () => {
  it('never goes below zero', () => {
    expect(seatsLeft(10, 3)).toBe(7);
    expect(seatsLeft(10, 12)).toBe(0);
  });
});
