import { checkInPeriod, parseCheckInToken } from '@hele/shared';
import { codeIsValid, issueCheckIn, newCheckInSecret, tokenIsValid } from './check-in-code';

describe('rotating check-in code', () => {
  const secret = newCheckInSecret();
  const now = new Date('2026-12-01T06:00:10Z');
  const period = checkInPeriod(now);

  it('gives a QR token and a 6-digit code for the current period', () => {
    const { token, code } = issueCheckIn(secret, 'act1', period);
    expect(token).toMatch(/^HLCI1\.act1\.\d+\.[A-Za-z0-9_-]{22}$/);
    expect(code).toMatch(/^\d{6}$/);
    expect(tokenIsValid(secret, 'act1', parseCheckInToken(token)!, now)).toBe(true);
    expect(codeIsValid(secret, 'act1', code, now)).toBe(true);
  });

  it('accepts the previous period (one period of grace) but not the one before', () => {
    const previous = issueCheckIn(secret, 'act1', period - 1);
    const older = issueCheckIn(secret, 'act1', period - 2);
    expect(tokenIsValid(secret, 'act1', parseCheckInToken(previous.token)!, now)).toBe(true);
    expect(codeIsValid(secret, 'act1', previous.code, now)).toBe(true);
    expect(tokenIsValid(secret, 'act1', parseCheckInToken(older.token)!, now)).toBe(false);
  });

  it('refuses a token of another activity, another secret, or a future period', () => {
    const { token } = issueCheckIn(secret, 'act1', period);
    expect(tokenIsValid(secret, 'act2', parseCheckInToken(token)!, now)).toBe(false);
    expect(tokenIsValid(newCheckInSecret(), 'act1', parseCheckInToken(token)!, now)).toBe(false);
    expect(tokenIsValid(secret, 'act1', parseCheckInToken(issueCheckIn(secret, 'act1', period + 1).token)!, now)).toBe(false);
  });

  it('parses only well-formed tokens', () => {
    expect(parseCheckInToken('HLCI1.act1.123.abcdefghij')).toEqual({ activityId: 'act1', period: 123, signature: 'abcdefghij' });
    for (const bad of ['', 'HLCI2.a.1.abcdefghij', 'HLCI1.a.x.abcdefghij', 'HLCI1.a b.1.abcdefghij', 'HLCI1.a.1.short']) {
      expect(parseCheckInToken(bad)).toBeUndefined();
    }
  });
});
