/**
 * The session token the server issues after sign-in: a short-lived HS256 JWT whose subject is the
 * user id. It carries no roles; the guard reads them from the users table.
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
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

export const issueSessionToken = async (userId: string, now = new Date()): Promise<string> =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(env().STAGE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + env().SESSION_TTL_SECONDS)
    .sign(await key());

/**
 * The user id inside a valid token; anything else (tampered, expired, other stage, a claim missing or
 * of the wrong type) is a 401. Every token we issue expires: one without `exp` would be good forever.
 */
export const verifySessionToken = async (token: string): Promise<string> => {
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
    return payload.sub;
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
