/**
 * A test's API Gateway: matches a method and path against the routes of serverless.yml, builds
 * the HTTP API (v2) event and calls the function's handler in this process. Requests reach the
 * real local database; many at once really run at once, as in serverless-offline's in-process mode.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { HttpRoute } from '../../scripts/local/serverless-config';
import { asFunction } from './function-environment';
import { ErrorBody } from '@hele/shared';
import { contract, isFileReply, routeKey } from '@hele/shared/contract';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const ROOT = path.resolve(__dirname, '../..');
const routes: HttpRoute[] = JSON.parse(process.env.HELE_TEST_ROUTES ?? '[]');

const compiled = routes.map((route) => {
  const [method, template] = route.routeKey.split(' ') as [string, string];
  const names: string[] = [];
  const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, method, names, regex: new RegExp(`^${pattern}$`) };
});

const declarations = new Map(
  Object.values(contract).flatMap((group) => Object.values(group).map((declaration) => [routeKey(declaration), declaration])),
);

/** Every answer a test sees is one the contract declares: its reply's shape, or the error shape. */
const holdToContract = (key: string, status: number, json: boolean, body: unknown) => {
  const declaration = declarations.get(key);
  if (!declaration) throw new Error(`${key} is served but not in the contract`);
  if (status >= 400) {
    const error = ErrorBody.safeParse(body);
    if (!error.success) throw new Error(`${key} answered ${status} without the error shape: ${JSON.stringify(body)}`);
    return;
  }
  if (status !== (declaration.status ?? 200) && status !== 200)
    throw new Error(`${key} answered ${status}, the contract says ${declaration.status ?? 200}`);
  if (isFileReply(declaration.reply)) {
    if (json) throw new Error(`${key} answered JSON where the contract declares a file`);
    return;
  }
  if (!json) {
    if (!declaration.formats) throw new Error(`${key} answered a file where the contract declares JSON`);
    return;
  }
  const parsed = declaration.reply.safeParse(body);
  if (!parsed.success)
    throw new Error(`${key} answered a shape the contract does not declare: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
};

export interface CallOptions {
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
  /** The caller's address, as API Gateway reports it (none by default). */
  sourceIp?: string;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, string>;
}

export const call = async <T = any>(method: string, pathAndQuery: string, options: CallOptions = {}): Promise<Reply<T>> => {
  const url = new URL(pathAndQuery, 'http://gateway.test');
  const match = compiled
    .map((candidate) => ({ candidate, groups: candidate.method === method ? candidate.regex.exec(url.pathname) : null }))
    .find(({ groups }) => groups);
  if (!match?.groups) throw new Error(`No route for ${method} ${url.pathname}: the gateway would answer 404`);
  const { candidate, groups } = match;
  const pathParameters = Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(groups[i + 1]!)]));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const query = Object.fromEntries(url.searchParams.entries());
  const requestId = randomUUID();
  const event = {
    version: '2.0',
    routeKey: candidate.route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: candidate.names.length ? pathParameters : undefined,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    isBase64Encoded: false,
    requestContext: { requestId, http: { method, path: url.pathname, ...(options.sourceIp ? { sourceIp: options.sourceIp } : {}) } },
  } as unknown as APIGatewayProxyEventV2;
  const context = {
    awsRequestId: requestId,
    functionName: candidate.route.module,
    getRemainingTimeInMillis: () => 10_000,
  } as unknown as Context;
  const module = (await import(path.join(ROOT, candidate.route.module))) as Record<string, Handler>;
  const result = await asFunction({ name: candidate.route.functionName, environment: candidate.route.environment }, () =>
    module[candidate.route.exportName]!(event, context),
  );
  const replyHeaders = (result.headers ?? {}) as Record<string, string>;
  const json = String(replyHeaders['content-type'] ?? 'application/json').startsWith('application/json');
  const status = result.statusCode ?? 200;
  // A file's bytes arrive base64-encoded, as API Gateway passes them on.
  const body = result.body
    ? result.isBase64Encoded
      ? Buffer.from(result.body, 'base64')
      : json
        ? JSON.parse(result.body)
        : result.body
    : undefined;
  holdToContract(candidate.route.routeKey, status, json, body);
  return { status, body, headers: replyHeaders };
};

export const signIn = async (name: string): Promise<{ token: string; userId: string }> => {
  const reply = await call('POST', '/auth/login', { body: { code: `dev:${name}` } });
  if (reply.status !== 200) throw new Error(`sign-in of ${name} failed: ${JSON.stringify(reply.body)}`);
  return { token: reply.body.token, userId: reply.body.user.id };
};

/** A name no other test uses, for users whose data a test changes. */
export const uniqueName = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
