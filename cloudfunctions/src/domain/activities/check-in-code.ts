/**
 * The rotating check-in code: an HMAC of (activity, period) under the activity's own secret.
 * The QR code carries its first 16 bytes; the 6 digits under it come from the next 4, like TOTP.
 * Nothing is stored per period: any instance recomputes and compares in constant time.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { acceptedPeriods, CHECK_IN_CODE_DIGITS, formatCheckInToken, type ParsedCheckInToken } from '@hele/shared';

export const newCheckInSecret = (): string => randomBytes(32).toString('base64url');

const mac = (secret: string, activityId: string, period: number): Buffer =>
  createHmac('sha256', Buffer.from(secret, 'base64url')).update(`${activityId}.${period}`).digest();

const signatureOf = (digest: Buffer) => digest.subarray(0, 16).toString('base64url');
const codeOf = (digest: Buffer) => String(digest.readUInt32BE(16) % 10 ** CHECK_IN_CODE_DIGITS).padStart(CHECK_IN_CODE_DIGITS, '0');

export const issueCheckIn = (secret: string, activityId: string, period: number) => {
  const digest = mac(secret, activityId, period);
  return { token: formatCheckInToken({ activityId, period, signature: signatureOf(digest) }), code: codeOf(digest) };
};

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const tokenIsValid = (secret: string, activityId: string, token: ParsedCheckInToken, now: Date): boolean =>
  token.activityId === activityId &&
  acceptedPeriods(now).includes(token.period) &&
  same(token.signature, signatureOf(mac(secret, activityId, token.period)));

export const codeIsValid = (secret: string, activityId: string, code: string, now: Date): boolean =>
  acceptedPeriods(now).some((period) => same(code, codeOf(mac(secret, activityId, period))));
