/**
 * The one door to the cloud: every call goes through `request`, which adds the session token,
 * parses the reply with the contract's zod schema, and signs in again once when the session expired.
 * `createClient` turns the contract (@hele/shared/contract) into typed calls: no route is written twice.
 */
import Taro from '@tarojs/taro';
import { ErrorBody, ErrorCode, ERRORS, type ErrorDetail } from '@hele/shared';
import {
  fillPath,
  isFileReply,
  type CallInput,
  type FileContent,
  type FileReply,
  type RouteDeclaration,
  type RouteGroup,
  type ReplyOut,
} from '@hele/shared/contract';
import * as z from 'zod';
import { apiBase } from './config';

/**
 * A failed call. `code` is the server's (its wording is in the shared registry) or, for what failed
 * before an answer came (the network, an upload), one of the app's own with `wording` in Chinese.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** The Chinese wording of an error the app itself raised. */
    readonly wording?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** An error raised in the app (no answer, or not the API's): its message is already the wording. */
export const appError = (status: number, code: string, wording: string): ApiError => new ApiError(status, code, wording, [], wording);

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  method: Method;
  path: string;
  schema: z.ZodType<T>;
  body?: unknown;
  query?: Record<string, unknown>;
  idempotencyKey?: string;
  /** false for the two public routes. */
  auth?: boolean;
  /** The body is text (a CSV download), not JSON. */
  text?: boolean;
  /** The body is a file's bytes (a Word document): answered as an ArrayBuffer. */
  binary?: boolean;
}

export interface SessionHooks {
  token(): string | undefined;
  /** Signs in again (expired token); resolves false when the user has to do it by hand. */
  renew(): Promise<boolean>;
}

let session: SessionHooks = { token: () => undefined, renew: async () => false };
export const setSessionHooks = (hooks: SessionHooks): void => {
  session = hooks;
};

const queryString = (query: RequestOptions<unknown>['query']) => {
  const pairs = Object.entries(query ?? {}).filter(([, value]) => value !== undefined && value !== '');
  return pairs.length ? `?${pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`).join('&')}` : '';
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const send = async <T>(options: RequestOptions<T>): Promise<T> => {
  const header: Record<string, string> = { 'content-type': 'application/json' };
  const token = options.auth === false ? undefined : session.token();
  if (token) header.authorization = `Bearer ${token}`;
  if (options.idempotencyKey) header['idempotency-key'] = options.idempotencyKey;
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject>;
  try {
    response = await Taro.request({
      url: `${apiBase()}${options.path}${queryString(options.query)}`,
      method: options.method,
      header,
      data: options.body === undefined ? undefined : JSON.stringify(options.body),
      // Any dataType but 'json' leaves the body as the server sent it.
      dataType: options.text || options.binary ? 'text' : 'json',
      ...(options.binary ? { responseType: 'arraybuffer' as const } : {}),
      timeout: 15_000,
    });
  } catch {
    throw appError(0, 'NETWORK', '网络连接失败，请稍后再试');
  }
  if (response.statusCode >= 200 && response.statusCode < 300) {
    return options.schema.parse(response.data);
  }
  const raw = response.data as unknown;
  const data = raw instanceof ArrayBuffer ? safeJson(new TextDecoder().decode(raw)) : typeof raw === 'string' ? safeJson(raw) : raw;
  const parsed = ErrorBody.safeParse(data);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    throw new ApiError(response.statusCode, code, message, details);
  }
  // API Gateway throttles before our code runs: its bare 429 is our TOO_MANY_REQUESTS, worded once in the registry.
  if (response.statusCode === 429) {
    throw appError(429, ErrorCode.TOO_MANY_REQUESTS, ERRORS.TOO_MANY_REQUESTS.message);
  }
  throw appError(response.statusCode, 'HTTP_ERROR', `请求失败 (${response.statusCode})`);
};

export const request = async <T>(options: RequestOptions<T>): Promise<T> => {
  try {
    return await send(options);
  } catch (error) {
    const expired = error instanceof ApiError && error.status === 401 && options.auth !== false;
    if (!expired || !(await session.renew())) throw error;
    return send(options);
  }
};

/** A fresh key per user action, so a retried tap never registers or redeems twice. */
export const newIdempotencyKey = (): string =>
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}-${Math.random().toString(36).slice(2, 12)}`;

/** A file's reply: text types as text, anything else (Word, Excel) as bytes. */
const fileOptions = (reply: FileReply) =>
  reply.file.startsWith('text/') ? { schema: z.string(), text: true } : { schema: z.instanceof(ArrayBuffer), binary: true };

type AnyInput = { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; idempotencyKey?: string };

/** Calls one route of the contract. */
export const callRoute = <R extends RouteDeclaration>(route: R, input: CallInput<R> | undefined): Promise<ReplyOut<R>> => {
  const { params, query, body, idempotencyKey } = (input ?? {}) as AnyInput;
  const reply: Pick<RequestOptions<unknown>, 'schema' | 'text' | 'binary'> = isFileReply(route.reply)
    ? fileOptions(route.reply)
    : { schema: route.reply };
  return request({
    ...reply,
    method: route.method,
    path: fillPath(route.path, params),
    query,
    body,
    idempotencyKey,
    auth: route.access !== 'public',
  }) as Promise<ReplyOut<R>>;
};

/** The file a route answers when `?format=` asks for one (`csv`, `xlsx`): text, or bytes. */
export const downloadFormat = <
  R extends RouteDeclaration & { formats: Readonly<Record<string, FileReply>> },
  F extends keyof R['formats'] & string,
>(
  route: R,
  format: F,
  input: CallInput<R>,
): Promise<FileContent<R['formats'][F]>> => {
  const { params, query } = input as AnyInput;
  const options = fileOptions(route.formats[format]!) as Pick<RequestOptions<unknown>, 'schema' | 'text' | 'binary'>;
  return request({ ...options, method: route.method, path: fillPath(route.path, params), query: { ...query, format } }) as Promise<
    FileContent<R['formats'][F]>
  >;
};

/** A call's argument is optional when nothing in it is required. */
type RouteCall<R extends RouteDeclaration> =
  Record<never, never> extends CallInput<R>
    ? (input?: CallInput<R>) => Promise<ReplyOut<R>>
    : (input: CallInput<R>) => Promise<ReplyOut<R>>;
export type GroupClient<G extends RouteGroup> = { [K in keyof G]: RouteCall<G[K]> };
export type Client<C extends Record<string, RouteGroup>> = { [F in keyof C]: GroupClient<C[F]> };

export const createClient = <C extends Record<string, RouteGroup>>(contract: C): Client<C> =>
  Object.fromEntries(
    Object.entries(contract).map(([fn, group]) => [
      fn,
      Object.fromEntries(
        Object.entries(group).map(([name, route]) => [name, (input?: CallInput<RouteDeclaration>) => callRoute(route, input)]),
      ),
    ]),
  ) as unknown as Client<C>;
