/**
 * How a route of the HTTP API is declared, once: its method and path, who may call it, the schemas
 * of its path parameters, query, body and reply, and whether it replays an `Idempotency-Key`.
 * The cloud functions are typed from these declarations (a handler cannot return another shape),
 * the app's client is derived from them, the role × route test reads their access, a test holds
 * serverless.yml's events to them, and docs/openapi.json is generated from them.
 */
import * as z from 'zod';
import type { Role } from '../constants';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `public`: anyone; `user`: any signed-in user; a list of roles: one of them (admins always pass). */
export type Access = 'public' | 'user' | readonly Role[];

/** A reply that is a file to save (CSV, Word, Excel) or plain text, not JSON: text types are read as text, others as bytes. */
export interface FileReply<ContentType extends string = string> {
  readonly file: ContentType;
}
export const fileReply = <const ContentType extends string>(contentType: ContentType): FileReply<ContentType> => ({ file: contentType });

/** What the client reads of a file reply. */
export type FileContent<F extends FileReply> = F['file'] extends `text/${string}` ? string : ArrayBuffer;

export interface RouteDeclaration {
  readonly method: Method;
  /** API Gateway's path template: `/activities/{id}/registrations`. */
  readonly path: string;
  readonly access: Access;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The JSON reply, or a file. */
  readonly reply: z.ZodType | FileReply;
  /** The same route answers a file instead when `?format=` names one of these (`csv`, `xlsx`). */
  readonly formats?: Readonly<Record<string, FileReply>>;
  /** The status of success (a handler may answer 200 instead, e.g. a registration held already). */
  readonly status?: 200 | 201;
  /** Accepts `Idempotency-Key` and replays the first answer for it. */
  readonly idempotent?: boolean;
  /** One line for the OpenAPI document. */
  readonly summary?: string;
}

export type RouteGroup = Record<string, RouteDeclaration>;

/** Keeps the literal types of a group's declarations (each route's schemas) for what derives from them. */
export const defineRoutes = <const G extends RouteGroup>(group: G): G => group;

/** What a route declares beside its method, path and access. */
export type RouteParts = Omit<RouteDeclaration, 'method' | 'path' | 'access'>;

const verb =
  <M extends Method>(method: M) =>
  <const P extends string, const A extends Access, const R extends RouteParts>(
    path: P,
    access: A,
    parts: R,
  ): { method: M; path: P; access: A } & R => ({
    method,
    path,
    access,
    ...parts,
  });

/** One route, read as `POST('/activities/{id}/registrations', 'user', { params, body, reply, … })`. */
export const GET = verb('GET');
export const POST = verb('POST');
export const PUT = verb('PUT');
export const PATCH = verb('PATCH');
export const DELETE = verb('DELETE');

/** The reply of a removal. */
export const Removed = z.object({ removed: z.literal(true) });

export const isFileReply = (reply: RouteDeclaration['reply']): reply is FileReply => typeof (reply as FileReply).file === 'string';

/** `POST /activities/{id}/registrations`: API Gateway's route key. */
export const routeKey = (route: Pick<RouteDeclaration, 'method' | 'path'>): string => `${route.method} ${route.path}`;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What a handler receives, parsed. */
export type ParamsOf<R extends RouteDeclaration> = Out<R['params']>;
export type QueryOf<R extends RouteDeclaration> = Out<R['query']>;
export type BodyOf<R extends RouteDeclaration> = Out<R['body']>;
/** What a handler answers (before the client parses it) and what the client gets. */
export type ReplyIn<R extends RouteDeclaration> = R['reply'] extends z.ZodType ? z.input<R['reply']> : string | Uint8Array;
export type ReplyOut<R extends RouteDeclaration> = R['reply'] extends z.ZodType
  ? z.output<R['reply']>
  : R['reply'] extends FileReply
    ? FileContent<R['reply']>
    : never;

/** What a caller sends: each part is required when the route has one that needs a value. */
export type CallInput<R extends RouteDeclaration> = (R['params'] extends z.ZodType ? { params: In<R['params']> } : { params?: undefined }) &
  (R['query'] extends z.ZodType ? { query?: In<R['query']> } : { query?: undefined }) &
  (R['body'] extends z.ZodType
    ? undefined extends In<R['body']>
      ? { body?: In<R['body']> }
      : { body: In<R['body']> }
    : { body?: undefined }) &
  (R['idempotent'] extends true ? { idempotencyKey: string } : { idempotencyKey?: undefined });

/** The path with its parameters filled in, each encoded. */
export const fillPath = (path: string, params: Record<string, unknown> | undefined): string =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`${path}: the path parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
