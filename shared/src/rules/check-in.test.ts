import fc from 'fast-check';
import {
  acceptedPeriods,
  attendanceRate,
  attendanceState,
  canCheckIn,
  checkInPeriod,
  checkInWindow,
  DEFAULT_CHECK_IN_MARGINS,
  formatCheckInToken,
  parseCheckInToken,
  periodEndsAt,
} from './check-in';

const meeting = { status: 'published', startsAt: '2026-12-06T06:00:00.000Z', endsAt: '2026-12-06T08:00:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('check-in rules', () => {
  it('opens half an hour before the start and closes half an hour after the end', () => {
    expect(checkInWindow(meeting, DEFAULT_CHECK_IN_MARGINS)).toEqual({
      opensAt: at('2026-12-06T05:30:00.000Z'),
      closesAt: at('2026-12-06T08:30:00.000Z'),
    });
    expect(canCheckIn(meeting, at('2026-12-06T05:29:59.000Z'), DEFAULT_CHECK_IN_MARGINS)).toMatchObject({
      ok: false,
      code: 'CHECK_IN_NOT_OPEN',
    });
    expect(canCheckIn(meeting, at('2026-12-06T05:30:00.000Z'), DEFAULT_CHECK_IN_MARGINS)).toEqual({ ok: true });
    expect(canCheckIn(meeting, at('2026-12-06T08:30:00.000Z'), DEFAULT_CHECK_IN_MARGINS)).toEqual({ ok: true });
    expect(canCheckIn(meeting, at('2026-12-06T08:30:01.000Z'), DEFAULT_CHECK_IN_MARGINS)).toMatchObject({
      ok: false,
      code: 'CHECK_IN_CLOSED',
    });
    expect(canCheckIn({ ...meeting, status: 'draft' }, at('2026-12-06T07:00:00.000Z'), DEFAULT_CHECK_IN_MARGINS)).toMatchObject({
      code: 'ACTIVITY_NOT_OPEN',
    });
  });

  it('accepts the code of the current period and of the one before, each period ending where the next starts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }), (ms) => {
        const now = new Date(ms);
        const period = checkInPeriod(now);
        expect(acceptedPeriods(now)).toEqual([period, period - 1]);
        expect(periodEndsAt(period).getTime()).toBeGreaterThan(ms);
        expect(checkInPeriod(periodEndsAt(period))).toBe(period + 1);
      }),
    );
  });

  it('reads back every token it writes, and refuses anything else', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        fc.integer({ min: 0, max: 999_999_999_999 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        (activityId, period, signature) => {
          expect(parseCheckInToken(` ${formatCheckInToken({ activityId, period, signature })} `)).toEqual({
            activityId,
            period,
            signature,
          });
        },
      ),
    );
    for (const text of ['', 'HLCI1.a.1', 'HLCI2.a.1.abcdefgh', 'HLCI1.a b.1.abcdefgh', 'HLCI1.a.x.abcdefgh', 'HLCI1.a.1.short', '123456']) {
      expect(parseCheckInToken(text)).toBeUndefined();
    }
  });

  it('calls a registrant absent only once the activity has ended without them', () => {
    const ends = meeting.endsAt;
    expect(attendanceState({ checkedInAt: ends, onLeave: true }, ends, at('2026-12-07T00:00:00Z'))).toBe('checked_in');
    expect(attendanceState({ onLeave: true }, ends, at('2026-12-07T00:00:00Z'))).toBe('on_leave');
    expect(attendanceState({ onLeave: false }, ends, at('2026-12-06T07:00:00Z'))).toBe('not_yet');
    expect(attendanceState({ onLeave: false }, ends, at('2026-12-06T08:00:01Z'))).toBe('absent');
  });

  it('leaves excused meetings out of the attendance rate, which stays within 0–1', () => {
    expect(attendanceRate({ held: 4, attended: 2, excused: 2 })).toBe(1);
    expect(attendanceRate({ held: 4, attended: 1, excused: 0 })).toBe(0.25);
    expect(attendanceRate({ held: 2, attended: 0, excused: 2 })).toBeNull();
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (held, attended, excused) => {
        const rate = attendanceRate({ held, attended, excused });
        expect(rate === null || (rate >= 0 && rate <= 1)).toBe(true);
      }),
    );
  });
});
