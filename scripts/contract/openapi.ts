/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the contract (@hele/shared/contract) with
 * zod-openapi, so that the district's other systems can integrate. `npm run openapi` writes
 * docs/openapi.json; a test fails when the file and the contract differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as schemas from '@hele/shared/schemas';
import { ErrorBody } from '@hele/shared';
import { contract, isFileReply, type RouteDeclaration } from '@hele/shared/contract';
import * as z from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';

export const OPENAPI_FILE = path.resolve(__dirname, '../../docs/openapi.json');

const accessText = (access: RouteDeclaration['access']) =>
  access === 'public'
    ? 'Anyone.'
    : access === 'user'
      ? 'Any signed-in user.'
      : access.length
        ? `Roles: ${access.join(', ')} (admins always).`
        : 'Admins only.';

const fileContent = (contentType: string) => ({ [contentType]: { schema: { type: 'string' as const, format: 'binary' } } });

const operation = (fn: string, name: string, route: RouteDeclaration): ZodOpenApiOperationObject => ({
  operationId: `${fn}.${name}`,
  tags: [fn],
  summary: route.summary,
  description: `${accessText(route.access)}${route.idempotent ? ' Accepts `Idempotency-Key`: the same key, user and body replay the first answer.' : ''}`,
  ...(route.access === 'public' ? { security: [] } : {}),
  requestParams: { ...(route.params ? { path: route.params as never } : {}), ...(route.query ? { query: route.query as never } : {}) },
  ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
  ...(route.idempotent
    ? {
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header' as const,
            required: false,
            schema: { type: 'string' as const, minLength: 1, maxLength: 128 },
          },
        ],
      }
    : {}),
  responses: {
    [String(route.status ?? 200)]: {
      description: 'Success',
      content: {
        ...(isFileReply(route.reply) ? fileContent(route.reply.file) : { 'application/json': { schema: route.reply } }),
        ...Object.assign({}, ...Object.values(route.formats ?? {}).map((format) => fileContent(format.file))),
      },
    },
    default: {
      description: 'The error shape: 400 names each field, 401, 403, 404, 409 with a code, 413, 429.',
      content: { 'application/json': { schema: ErrorBody } },
    },
  },
});

/** Schemas with transforms (queries that coerce) describe input only: they stay inline. */
const representsReplies = (schema: z.ZodType) => {
  try {
    z.toJSONSchema(schema, { io: 'output' });
    return true;
  } catch {
    return false;
  }
};

export const openApiDocument = (): object => {
  const paths: ZodOpenApiPathsObject = {};
  for (const [fn, group] of Object.entries(contract)) {
    for (const [name, route] of Object.entries(group) as Array<[string, RouteDeclaration]>) {
      paths[route.path] ??= {};
      const item = paths[route.path]!;
      (item as Record<string, ZodOpenApiOperationObject>)[route.method.toLowerCase()] = operation(fn, name, route);
    }
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: '和乐 · 党群服务中心 API',
      version: '1',
      description:
        'The HTTP API of the Hele Center mini-program and its cloud functions (docs/API.md), generated from @hele/shared/contract.',
    },
    components: {
      securitySchemes: { session: { type: 'http', scheme: 'bearer' } },
      // Every named schema of @hele/shared that a reply can hold is a component, referenced where used.
      schemas: Object.fromEntries(
        Object.entries(schemas).filter(([, value]) => value instanceof z.ZodType && representsReplies(value)),
      ) as Record<string, z.ZodType>,
    },
    security: [{ session: [] }],
    paths,
  });
};

export const openApiText = () => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

if (require.main === module) {
  fs.writeFileSync(OPENAPI_FILE, openApiText());
  console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}
