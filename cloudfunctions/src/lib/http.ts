/**
 * The HTTP adapter every function uses. A function is a table of routes keyed by API Gateway's
 * route key (`POST /activities/{id}/registrations`); each route declares who may call it and the
 * shared zod schemas of its body, query and path. The adapter parses, authorises, runs the route,
 * replays idempotent writes, and turns every failure into the error shape of API.md.
 */
import {
  ErrorCode,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  MAX_BODY_BYTES,
  hasAnyRole,
  type ErrorDetail,
  type Role,
} from '@hele/shared';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { z } from 'zod';
import {
  ForbiddenError,
  HttpError,
  MalformedJsonError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthenticatedError,
  ValidationError,
} from './errors';
import type { runIdempotent, StoredResponse } from './idempotency';
import { logger } from './logger';
import { loadUser, toPrincipal, type Principal } from './principal';
import { bearerToken, verifySessionToken } from './session';

export interface HttpResult<T = unknown> {
  statusCode: number;
  body: T;
  /** A download (CSV…) or plain text instead of JSON: the body is sent as it is. */
  file?: { contentType: string; filename?: string };
}
export const ok = <T>(body: T): HttpResult<T> => ({ statusCode: 200, body });
export const created = <T>(body: T): HttpResult<T> => ({ statusCode: 201, body });
/** A file to save: text (CSV) as it is, bytes (a Word document) sent base64-encoded as API Gateway wants them. */
export const download = (body: string | Uint8Array, contentType: string, filename: string): HttpResult<string | Uint8Array> => ({
  statusCode: 200,
  body,
  file: { contentType, filename },
});

/** A short text answer, for callers that are not our app (WeChat's server checks a push URL by its echo). */
export const plainText = (body: string): HttpResult<string> => ({ statusCode: 200, body, file: { contentType: 'text/plain; charset=utf-8' } });

/** `public`: anyone; `user`: any signed-in user; a list of roles: one of them (admins always pass). */
export type Access = 'public' | 'user' | readonly Role[];

type Caller<A extends Access> = A extends 'public' ? Principal | null : Principal;

export interface RouteInput<A extends Access, B, Q, P> {
  caller: Caller<A>;
  body: B;
  query: Q;
  params: P;
  headers: Record<string, string | undefined>;
  requestId: string;
  idempotencyKey?: string;
}

export interface Route<A extends Access = Access, B = unknown, Q = unknown, P = unknown> {
  access: A;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** Accept `Idempotency-Key` and replay the first answer for it. */
  idempotent?: boolean;
  handle: (input: RouteInput<NoInfer<A>, B, Q, P>) => Promise<HttpResult>;
}

/** Identity function that lets TypeScript infer a route's types from its schemas. */
export const route = <A extends Access, B = undefined, Q = undefined, P = undefined>(
  spec: Route<A, B, Q, P>,
): Route<A, B, Q, P> => spec;

export const zodDetails = (error: z.ZodError, prefix?: string): ErrorDetail[] =>
  error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || (prefix ?? 'body'),
    message: issue.message,
  }));

export const parseWith = <T>(schema: z.ZodType<T> | undefined, value: unknown, prefix?: string): T => {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(zodDetails(result.error, prefix));
  return result.data;
};

const readBody = (event: APIGatewayProxyEventV2): unknown => {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new MalformedJsonError();
  }
};

/** The caller a session token names, from the users table (also used by the WebSocket connect). */
export const principalOfToken = async (token: string): Promise<Principal> => {
  const userId = await verifySessionToken(token);
  const user = await loadUser(userId);
  if (!user) throw new UnauthenticatedError('This account no longer exists');
  return toPrincipal(user);
};

const authenticate = async (event: APIGatewayProxyEventV2): Promise<Principal | null> => {
  const token = bearerToken(event.headers.authorization);
  return token ? principalOfToken(token) : null;
};

const authorise = (access: Access, caller: Principal | null): void => {
  if (access === 'public') return;
  if (!caller) throw new UnauthenticatedError();
  if (access !== 'user' && !hasAnyRole(caller.roles, access)) throw new ForbiddenError();
};

const idempotencyKeyOf = (event: APIGatewayProxyEventV2): string | undefined => {
  const key = event.headers[IDEMPOTENCY_HEADER];
  if (key === undefined) return undefined;
  if (key.length < 1 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw ValidationError.field('Idempotency-Key', `must be 1–${IDEMPOTENCY_KEY_MAX_LENGTH} characters`);
  }
  return key;
};

const errorResponse = (error: HttpError): StoredResponse => ({
  statusCode: error.statusCode,
  body: JSON.stringify(error.toJSON()),
});

const toStored = (result: HttpResult): StoredResponse =>
  result.file
    ? {
        statusCode: result.statusCode,
        ...(result.body instanceof Uint8Array ? { body: Buffer.from(result.body).toString('base64'), isBase64Encoded: true } : { body: String(result.body) }),
        headers: {
          'content-type': result.file.contentType,
          ...(result.file.filename ? { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(result.file.filename)}` } : {}),
        },
      }
    : { statusCode: result.statusCode, body: JSON.stringify(result.body) };

/** Runs the route; a domain error becomes a response (so it can be replayed), a bug stays thrown. */
const runRoute = async (spec: Route<Access, unknown, unknown, unknown>, input: RouteInput<Access, unknown, unknown, unknown>) => {
  try {
    return toStored(await spec.handle(input));
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    throw error;
  }
};

export type Routes = Record<string, Route<any, any, any, any>>;

export interface HandlerOptions {
  /**
   * The replay store of `Idempotency-Key` (lib/idempotency), given only by the functions that have
   * idempotent routes, so that no other function carries it or needs its table.
   */
  idempotency?: typeof runIdempotent;
}

export const createHttpHandler = (routes: Routes, { idempotency }: HandlerOptions = {}) => {
  const needsStore = Object.entries(routes).find(([, spec]) => spec.idempotent);
  if (needsStore && !idempotency) throw new Error(`${needsStore[0]} is idempotent: pass the idempotency store to createHttpHandler`);
  return async (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const requestId = event.requestContext?.requestId ?? context?.awsRequestId ?? 'local';
    const started = Date.now();
    let response: StoredResponse;
    try {
      const spec = routes[event.routeKey];
      if (!spec) throw new NotFoundError(`Route ${event.routeKey}`, ErrorCode.ROUTE_NOT_FOUND);
      // Public routes never look at the token, so they never need the users table.
      const caller = spec.access === 'public' ? null : await authenticate(event);
      authorise(spec.access, caller);
      const body = readBody(event);
      const input: RouteInput<Access, unknown, unknown, unknown> = {
        caller,
        body: parseWith(spec.body, body ?? {}),
        query: parseWith(spec.query, event.queryStringParameters ?? {}),
        params: parseWith(spec.params, event.pathParameters ?? {}),
        headers: event.headers,
        requestId,
      };
      const key = spec.idempotent ? idempotencyKeyOf(event) : undefined;
      if (key && caller && idempotency) {
        input.idempotencyKey = key;
        response = await idempotency(
          { scope: `${caller.id} ${event.routeKey} ${JSON.stringify(input.params ?? {})}`, key, body: body ?? null },
          context,
          () => runRoute(spec, input),
        );
      } else {
        response = await runRoute(spec, input);
      }
    } catch (error) {
      if (error instanceof HttpError) {
        response = errorResponse(error);
      } else {
        logger.error('Unhandled error', { requestId, route: event.routeKey, error: error as Error });
        response = errorResponse(new HttpError(500, ErrorCode.INTERNAL, `Internal error (request ${requestId})`));
      }
    }
    logger.info('request', { requestId, route: event.routeKey, status: response.statusCode, ms: Date.now() - started });
    return {
      statusCode: response.statusCode,
      headers: { 'content-type': 'application/json; charset=utf-8', ...response.headers, 'x-request-id': requestId },
      body: response.body,
      ...(response.isBase64Encoded ? { isBase64Encoded: true } : {}),
    };
  };
};
