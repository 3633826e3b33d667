/**
 * The HTTP adapter every function uses. A function implements one group of the contract
 * (`@hele/shared/contract`): a handler per declared route, typed from its schemas. The adapter
 * matches API Gateway's route key, parses, authorises, runs the handler, replays idempotent writes,
 * and turns every failure into the error shape of docs/API.md.
 */
import { ErrorCode, IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH, MAX_BODY_BYTES, hasAnyRole, type ErrorDetail } from '@hele/shared';
import {
  routeKey,
  type Access,
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type ReplyIn,
  type RouteDeclaration,
  type RouteGroup,
} from '@hele/shared/contract/define';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import {
  ForbiddenError,
  HttpError,
  MalformedJsonError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthenticatedError,
  ValidationError,
} from './errors';
import { env, LOCAL_STAGE } from './config';
import { measured, publishCost } from './request-cost';
import type { runIdempotent, StoredResponse } from './idempotency';
import { foldedClaim, type IdempotencyClaim } from './idempotency-folded';
import { logger } from './logger';
import { principalOf, tokenPrincipal, type Principal } from './principal';
import { bearerToken, verifySessionToken } from './session';

/** An answer with a status other than the route's (`ok`, `created`) or a file (`download`, `plainText`). */
export class HttpResult<T = unknown> {
  constructor(
    readonly statusCode: number,
    readonly body: T,
    /** A download (CSV…) or plain text instead of JSON: the body is sent as it is. */
    readonly file?: { contentType: string; filename?: string },
  ) {}
}
export const ok = <T>(body: T): HttpResult<T> => new HttpResult(200, body);
export const created = <T>(body: T): HttpResult<T> => new HttpResult(201, body);
/** A file to save: text (CSV) as it is, bytes (a Word document) sent base64-encoded as API Gateway wants them. */
export const download = (body: string | Uint8Array, contentType: string, filename: string): HttpResult<string | Uint8Array> =>
  new HttpResult(200, body, { contentType, filename });

/** A short text answer, for callers that are not our app (WeChat's server checks a push URL by its echo). */
export const plainText = (body: string): HttpResult<string> => new HttpResult(200, body, { contentType: 'text/plain; charset=utf-8' });

type Caller<A extends Access> = A extends 'public' ? Principal | null : Principal;

export interface RouteInput<R extends RouteDeclaration> {
  caller: Caller<R['access']>;
  body: BodyOf<R>;
  query: QueryOf<R>;
  params: ParamsOf<R>;
  headers: Record<string, string | undefined>;
  /** The caller's address as API Gateway saw it (absent where no gateway is, e.g. a test's direct call). */
  sourceIp?: string;
  requestId: string;
  idempotencyKey?: string;
  /**
   * A folded route's `Idempotency-Key` (HandlerOptions.folded), when one was sent: its record goes
   * into the route's own transaction (lib/idempotency-folded).
   */
  claim?: IdempotencyClaim;
}

/** What a route's handler may answer: its reply's shape (or that shape with another status), or a file where the route declares one. */
type Answer<R extends RouteDeclaration> =
  | ReplyIn<R>
  | HttpResult<ReplyIn<R>>
  | (R['formats'] extends object ? HttpResult<string | Uint8Array> : never);

export type RouteHandler<R extends RouteDeclaration> = (input: RouteInput<R>) => Promise<Answer<R>>;

/** One handler per route of the group, no more, no less. */
export type Implementation<G extends RouteGroup> = { [K in keyof G]: RouteHandler<G[K]> };

/** Each issue named by its field; one of the whole (an unknown field) by the part it is in: `body`, `query`. */
export const zodDetails = (error: z.ZodError, prefix?: string, part = 'body'): ErrorDetail[] =>
  error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || (prefix ?? part),
    message: issue.message,
  }));

export const parseWith = <T>(schema: z.ZodType<T> | undefined, value: unknown, prefix?: string, part?: string): T => {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(zodDetails(result.error, prefix, part));
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
export const principalOfToken = async (token: string): Promise<Principal> => principalOf((await verifySessionToken(token)).userId);

/** The caller: read from the users table, or, for a route decided on the token, as the token says (if it says). */
const authenticate = async (event: APIGatewayProxyEventV2, { fromToken }: { fromToken: boolean }): Promise<Principal | null> => {
  const token = bearerToken(event.headers.authorization);
  if (!token) return null;
  const { userId, holder } = await verifySessionToken(token);
  return fromToken && holder ? tokenPrincipal(holder) : principalOf(userId);
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
    throw ValidationError.field('Idempotency-Key', `须为 1–${IDEMPOTENCY_KEY_MAX_LENGTH} 个字符`);
  }
  return key;
};

const errorResponse = (error: HttpError): StoredResponse => ({
  statusCode: error.statusCode,
  body: JSON.stringify(error.toJSON()),
  ...(error.headers ? { headers: error.headers } : {}),
});

const toStored = (result: HttpResult): StoredResponse =>
  result.file
    ? {
        statusCode: result.statusCode,
        ...(result.body instanceof Uint8Array
          ? { body: Buffer.from(result.body).toString('base64'), isBase64Encoded: true }
          : { body: String(result.body) }),
        headers: {
          'content-type': result.file.contentType,
          ...(result.file.filename
            ? { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(result.file.filename)}` }
            : {}),
        },
      }
    : { statusCode: result.statusCode, body: JSON.stringify(result.body) };

interface BoundRoute {
  declaration: RouteDeclaration;
  handle: (input: RouteInput<RouteDeclaration>) => Promise<unknown>;
}

/** Runs the route; a domain error becomes a response (so it can be replayed), a bug stays thrown. */
const runRoute = async ({ declaration, handle }: BoundRoute, input: RouteInput<RouteDeclaration>) => {
  try {
    const answer = await handle(input);
    return toStored(answer instanceof HttpResult ? answer : new HttpResult(declaration.status ?? 200, answer));
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    throw error;
  }
};

export interface HandlerOptions<G extends RouteGroup = RouteGroup> {
  /**
   * The replay store of `Idempotency-Key` (lib/idempotency), given only by the functions that have
   * idempotent routes, so that no other function carries it or needs its table.
   */
  idempotency?: typeof runIdempotent;
  /**
   * Idempotent routes that put their key's record inside their own transaction (`input.claim`,
   * lib/idempotency-folded) instead of the replay store's read before and write after.
   */
  folded?: Array<keyof G & string>;
  /**
   * Routes open to every signed-in user that take the caller from the session token instead of reading
   * it first (`caller.fromToken`): each one checks in its own transaction that the account is open and
   * still has the nickname and branch it decided on, and decides again on the user's record when it refuses
   * (lib/principal onClaimsThenRecord; the registration and the redemption: one round trip fewer on the
   * busiest routes). A replayed answer is given only while the account is open.
   */
  decidedOnToken?: Array<keyof G & string>;
}

/** The Lambda handler of one function: the routes of its contract group, each with its handler. */
export const createHttpHandler = <G extends RouteGroup>(
  group: G,
  implementation: Implementation<G>,
  { idempotency, folded = [], decidedOnToken = [] }: HandlerOptions<G> = {},
) => {
  const routes = new Map<string, BoundRoute>(
    Object.entries(group).map(([name, declaration]) => [
      routeKey(declaration),
      { declaration, handle: implementation[name as keyof G] as BoundRoute['handle'] },
    ]),
  );
  const foldedKeys = new Set(folded.map((name) => routeKey(group[name]!)));
  const needsStore = Object.values(group).find((declaration) => declaration.idempotent && !foldedKeys.has(routeKey(declaration)));
  if (needsStore && !idempotency) throw new Error(`${routeKey(needsStore)} is idempotent: pass the idempotency store to createHttpHandler`);
  const tokenKeys = new Set(decidedOnToken.map((name) => routeKey(group[name]!)));
  const gated = decidedOnToken.find((name) => group[name]!.access !== 'user');
  if (gated) throw new Error(`${routeKey(group[gated]!)} needs roles, which the token does not carry: its caller must be read`);

  /** The route's answer (an error answers too): what the adapter returns, before the cost is attached. */
  const respond = async (event: APIGatewayProxyEventV2, requestId: string, context?: Context): Promise<StoredResponse> => {
    let response: StoredResponse;
    try {
      const route = routes.get(event.routeKey);
      if (!route) throw new NotFoundError(`Route ${event.routeKey}`, ErrorCode.ROUTE_NOT_FOUND);
      const { declaration } = route;
      // Public routes never look at the token, so they never need the users table.
      const caller = declaration.access === 'public' ? null : await authenticate(event, { fromToken: tokenKeys.has(event.routeKey) });
      authorise(declaration.access, caller);
      const body = readBody(event);
      // `null` is valid JSON but no object: taken as `{}`, it would pass every all-optional body.
      if (body === null && declaration.body) throw ValidationError.field('body', '请求内容不能为 null');
      const input: RouteInput<RouteDeclaration> = {
        caller: caller as Principal,
        body: parseWith(declaration.body, body === undefined ? {} : body),
        query: parseWith(declaration.query, event.queryStringParameters ?? {}, undefined, 'query'),
        params: parseWith(declaration.params, event.pathParameters ?? {}, undefined, 'params'),
        headers: event.headers,
        sourceIp: event.requestContext?.http?.sourceIp,
        requestId,
      };
      const key = declaration.idempotent ? idempotencyKeyOf(event) : undefined;
      const call =
        key && caller
          ? { scope: `${caller.id} ${event.routeKey} ${JSON.stringify(input.params ?? {})}`, key, body: body ?? null }
          : undefined;
      if (call && foldedKeys.has(event.routeKey)) {
        input.idempotencyKey = call.key;
        // A caller taken from the token gets the kept answer only while their account is open.
        const beforeReplay = caller?.fromToken ? async () => void (await principalOf(caller.id, { consistent: true })) : undefined;
        response = await foldedClaim(call).run((claim) => runRoute(route, { ...input, claim }), { beforeReplay });
      } else if (call && idempotency) {
        input.idempotencyKey = call.key;
        response = await idempotency(call, context, () => runRoute(route, input));
      } else {
        response = await runRoute(route, input);
      }
    } catch (error) {
      if (error instanceof HttpError) {
        response = errorResponse(error);
      } else {
        logger.error('Unhandled error', { requestId, route: event.routeKey, error: error as Error });
        response = errorResponse(new HttpError('INTERNAL', `Internal error (request ${requestId})`));
      }
    }
    return response;
  };

  return async (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const requestId = event.requestContext?.requestId ?? context?.awsRequestId ?? 'local';
    const started = Date.now();
    const { result: response, cost } = await measured(() => respond(event, requestId, context));
    logger.info('request', { requestId, route: event.routeKey, status: response.statusCode, ms: Date.now() - started, ...cost });
    const local = env().STAGE === LOCAL_STAGE;
    if (!local && process.env.AWS_LAMBDA_FUNCTION_NAME) publishCost(event.routeKey, cost);
    return {
      statusCode: response.statusCode,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...response.headers,
        'x-request-id': requestId,
        // The local stage tells its caller (the bench) what the request cost DynamoDB.
        ...(local ? { 'x-dynamodb-cost': `${cost.roundTrips};${cost.readUnits};${cost.writeUnits}` } : {}),
      },
      body: response.body,
      ...(response.isBase64Encoded ? { isBase64Encoded: true } : {}),
    };
  };
};
