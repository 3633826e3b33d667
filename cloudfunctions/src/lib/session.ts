/**
 * The session token the server issues after sign-in: a short-lived HS256 JWT whose subject is the
 * user id. It carries no roles; the guard reads them from the users table. It also says the nickname
 * and branch its holder had at sign-in: a route that does not read the caller (a registration,
 * lib/http `decidedOnToken`) decides on them, and its transaction checks they still hold.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { ErrorCode } from '@hele/shared';
import { env } from './config';
import { UnauthenticatedError } from './errors';
import { readSecret } from './secrets';

const ISSUER = 'hele-center';
const MIN_SECRET_LENGTH = 32;

const key = async () => {
  const secret = await readSecret('session signing key', env().JWT_SECRET, env().JWT_SECRET_PARAMETER);
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`The session signing key must be at least ${MIN_SECRET_LENGTH} characters`);
  return new TextEncoder().encode(secret);
};

/** Whom a token is issued to, as they are at sign-in. */
export interface TokenHolder {
  id: string;
  nickname: string;
  branchId?: string;
}

/** What a valid token says: the user id and, in tokens that carry them, the holder's nickname and branch at sign-in. */
export interface SessionClaims {
  userId: string;
  holder?: TokenHolder;
}

export const issueSessionToken = async ({ id, nickname, branchId }: TokenHolder, now = new Date()): Promise<string> =>
  new SignJWT({ nickname, ...(branchId ? { branch: branchId } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(id)
    .setIssuer(ISSUER)
    .setAudience(env().STAGE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + env().SESSION_TTL_SECONDS)
    .sign(await key());

/** The holder's nickname and branch, if the token carries them, each of the right type. */
const holderOf = (userId: string, { nickname, branch }: JWTPayload): TokenHolder | undefined =>
  typeof nickname === 'string' && (branch === undefined || typeof branch === 'string')
    ? { id: userId, nickname, ...(branch ? { branchId: branch } : {}) }
    : undefined;

/**
 * The claims of a valid token; anything else (tampered, expired, other stage, a claim missing or
 * of the wrong type) is a 401. Every token we issue expires: one without `exp` would be good forever.
 */
export const verifySessionToken = async (token: string): Promise<SessionClaims> => {
  const secretKey = await key();
  try {
    const { payload } = await jwtVerify(token, secretKey, {
      issuer: ISSUER,
      audience: env().STAGE,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
    });
    // jose checks the type of `exp` but not of `sub`, which becomes a database key.
    if (typeof payload.sub !== 'string' || !payload.sub) throw new UnauthenticatedError('Token has no subject');
    const holder = holderOf(payload.sub, payload);
    return { userId: payload.sub, ...(holder ? { holder } : {}) };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('Session expired, sign in again', ErrorCode.TOKEN_EXPIRED);
    if (error instanceof UnauthenticatedError) throw error;
    throw new UnauthenticatedError('Invalid token');
  }
};

export const bearerToken = (authorization: string | undefined): string | undefined => {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
};

/**
 * An opaque, stable name for `subject` within `scope` (a person's photo folder in one feed), to put where anyone
 * may read it (a signed link's path) instead of their id: an HMAC under a key derived from the session key, so
 * only the server makes it and no one reads the id back, and one scope's name says nothing of another's.
 */
export const pseudonym = async (scope: string, subject: string): Promise<string> => {
  const derived = Buffer.from(hkdfSync('sha256', await key(), new Uint8Array(0), 'hele-center pseudonyms', 32));
  return createHmac('sha256', derived).update(`${scope}\n${subject}`).digest('base64url').slice(0, 22);
};
