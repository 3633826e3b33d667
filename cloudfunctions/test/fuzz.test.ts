/**
 * Every route of the contract, called with what its schemas describe and with junk: path parameters,
 * queries and bodies generated from the route's zod schemas (through their JSON Schema) by fast-check,
 * each field now and then replaced by a wrong type, a huge or odd string, null, an extra field or a
 * missing one, bodies that are not JSON or too big, list cursors no list gave out; as a signed-in admin,
 * a member or no one. Whatever comes in, the answer is never a 5xx (but 502, WeChat not answering:
 * docs/API.md), every 4xx has the error shape (the test gateway holds every answer to the contract) and
 * every 400 names its fields. A fixed seed per route: a failure prints its counterexample and reproduces.
 */
import { createHash } from 'node:crypto';
import { ErrorBody, Role } from '@hele/shared';
import { contract, routeKey, type RouteDeclaration } from '@hele/shared/contract';
import fc from 'fast-check';
import * as z from 'zod';
import { doc, transactNamed } from '../src/lib/db';
import { userItems } from '../src/lib/principal';
import { underWay } from '../src/feed/feed-fixtures';
import { createActivity, newBranch } from './fixtures';
import { call, signIn, uniqueName, type Reply } from './gateway';

/** Requests per route in `npm test`; `FUZZ_RUNS=200 FUZZ_SEED=…` digs deeper. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 19);

/**
 * Routes whose valid requests add to what other test files read whole (the rubric, the module
 * library, the question bank, the catalogues, the cases the dashboard counts…): the fuzz sends them
 * only requests their schemas refuse, so that a concurrent test's before-and-after stays exact.
 */
const SHARED_REGISTRIES = new Set([
  'PUT /rubric',
  'PUT /compliance/frequencies',
  'POST /plan-modules',
  'POST /exam/questions',
  'POST /themes',
  'POST /cases',
  'POST /projects',
  'POST /providers',
  'POST /offers',
  'POST /rewards',
  'POST /materials',
  'POST /series',
  'POST /activities',
  'POST /branches',
]);

/**
 * Routes that end the caller (closing one's account): each signed-in request comes from a member signed
 * in for it alone, so that the fuzz's admin and member live on for the routes after it.
 */
const ENDS_THE_CALLER = new Set(['DELETE /me']);

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

const jsonSchema = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const DAY = 24 * 3600_000;
const hanzi = (minLength: number, maxLength: number) =>
  fc
    .array(
      fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCodePoint(code)),
      { minLength, maxLength },
    )
    .map((chars) => chars.join(''));

/** Strings that have broken servers: control characters, lone surrogates, markup, paths, emoji, numbers as text. */
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202e',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e999',
  '{}',
  '[]',
  '__proto__',
  'constructor',
  '🙂👨‍👩‍👧',
  '𠮷野家',
];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What any field may get instead of its value. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(0, -1, 0.5, -0, 2 ** 53 + 1, 1e308, -1e308),
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('x'.repeat(5_000), '汉'.repeat(3_000)),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
);

/** Ids of things that exist (the fuzz's own activity, post, branch, reward and users), so that some requests get past the lookups. */
const pool: string[] = [];

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/**
 * Cursors no list gave out: made up, of the wrong shape, tampered with, too long, and (added before
 * the runs) a real one of another list.
 */
const forgedCursors = [
  base64url({ k: { foo: 'bar' } }),
  base64url({ k: { id: 'x' }, s: 'AAAAAAAAAAAA' }),
  base64url({ k: { pk: { S: 'x' } } }),
  base64url({ k: null }),
  base64url(null),
  base64url([1, 2]),
  base64url('k'),
  'eyJrIjp7ImZvbyI6ImJhciJ9fQ',
  'not-a-cursor!!',
  'c'.repeat(2_000),
];
const ID_PATTERN = '^[A-Za-z0-9_-]+$';

const stringOf = (schema: JsonSchema): fc.Arbitrary<string> => {
  switch (schema.format) {
    case 'date-time':
      return fc.tuple(fc.integer({ min: -60 * DAY, max: 120 * DAY }), fc.boolean()).map(([offset, utc]) => {
        const at = new Date(Date.now() + offset);
        return utc ? at.toISOString() : `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
      });
    case 'date':
      return fc.integer({ min: -120, max: 120 }).map((days) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10));
    case 'uri':
    case 'url':
      return fc.webUrl();
    case 'email':
      return fc.emailAddress();
  }
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 60));
  if (schema.pattern === ID_PATTERN && pool.length) return fc.oneof(fc.constantFrom(...pool), fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/));
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((value) => value.length >= min && value.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot generate from: plain text below.
    }
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ unit: 'grapheme', minLength: min, maxLength: max }),
    hanzi(min, max),
  );
};

/**
 * A value its schema accepts; `mutated`, each field of it may be junk instead, an undeclared field may
 * come along and a required one go missing.
 */
const arbitraryOf = (schema: JsonSchema, mutated: boolean): fc.Arbitrary<unknown> => {
  const field = (inner: JsonSchema) =>
    mutated ? fc.oneof({ weight: 5, arbitrary: arbitraryOf(inner, true) }, { weight: 1, arbitrary: junk }) : arbitraryOf(inner, false);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => arbitraryOf(alternative, mutated)));
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (Array.isArray(schema.type) ? schema.type[0] : schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1_000, -(2 ** 31)), max: Math.min(schema.maximum ?? 1_000, 2 ** 31) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(field(schema.items ?? {}), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)) });
    }
    case 'object':
      break;
    default:
      return junk;
  }
  if (!schema.properties) {
    // A record (marks by criterion, answers by question): keys as its schema names them.
    const values = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
    return fc.dictionary(stringOf(schema.propertyNames ?? { type: 'string', maxLength: 10 }), field(values), { maxKeys: 4 });
  }
  const required = schema.required ?? [];
  const record = fc.record(Object.fromEntries(Object.entries(schema.properties).map(([key, property]) => [key, field(property)])), {
    requiredKeys: required,
  });
  if (!mutated) return record;
  return fc
    .tuple(
      record,
      fc.option(fc.dictionary(fc.constantFrom(...EXTRA_KEYS), junk, { maxKeys: 2 }), { freq: 3 }),
      required.length ? fc.option(fc.constantFrom(...required), { freq: 4 }) : fc.constant(null),
    )
    .map(([value, extra, missing]) => {
      const out: Record<string, unknown> = { ...value, ...(extra ?? {}) };
      if (missing) delete out[missing];
      return out;
    });
};

const EXTRA_KEYS = ['extra', 'id', 'userId', 'roles', '__proto__', 'constructor', '$where', ''];

/** Valid half the time, mutated or junk the rest. */
const anyArbitraryOf = (schema: JsonSchema) =>
  fc.oneof(
    { weight: 3, arbitrary: arbitraryOf(schema, false) },
    { weight: 2, arbitrary: arbitraryOf(schema, true) },
    { weight: 1, arbitrary: junk },
  );

/** A required field set to what no schema takes: the request is refused before it writes. */
const refused = (schema: JsonSchema) => (body: unknown) =>
  body && typeof body === 'object' && !Array.isArray(body) && schema.required?.length
    ? { ...(body as object), [schema.required[0]!]: { refused: true } }
    : { refused: true };

/** Query strings carry text only: whatever was generated, as the app would send it. */
const asQueryValue = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/** A request body that is not JSON at all, or too big. */
const RAW_BODIES = ['{', '{"a":', 'null', '[]', '"text"', '42', 'true', ' ', '\u0000', JSON.stringify({ x: 'y'.repeat(70_000) })];

interface Input {
  caller: 'admin' | 'member' | 'none';
  path: string;
  query: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  idempotencyKey?: string;
}

const requests = (route: RouteDeclaration): fc.Arbitrary<Input> => {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
  const paramSchemas = route.params ? (jsonSchema(route.params).properties ?? {}) : {};
  const param = (name: string) =>
    fc
      .oneof(
        { weight: 3, arbitrary: fc.constantFrom(...pool) },
        { weight: 3, arbitrary: arbitraryOf(paramSchemas[name] ?? { type: 'string' }, false).map(asQueryValue) },
        {
          weight: 1,
          arbitrary: fc.oneof(
            fc.constantFrom(...ODD_STRINGS),
            fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
            fc.constant('p'.repeat(2_000)),
          ),
        },
      )
      // A path segment is never empty, `.` or `..` (URLs resolve those), nor a lone surrogate (not UTF-8).
      .filter((value) => value !== '' && value !== '.' && value !== '..' && !LONE_SURROGATE.test(value));
  const path = fc
    .tuple(...names.map(param))
    .map((values) => names.reduce((filled, name, i) => filled.replace(`{${name}}`, encodeURIComponent(values[i]!)), route.path));

  const querySchema = route.query ? jsonSchema(route.query) : undefined;
  const query = (
    querySchema
      ? fc.oneof({ weight: 3, arbitrary: arbitraryOf(querySchema, false) }, { weight: 2, arbitrary: arbitraryOf(querySchema, true) })
      : fc.oneof(
          { weight: 3, arbitrary: fc.constant({}) },
          { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('limit', 'cursor', 'x'), fc.constantFrom(...ODD_STRINGS), { maxKeys: 2 }) },
        )
  )
    .chain((values) =>
      // A list's cursor is now and then one it never gave out.
      querySchema?.properties?.cursor
        ? fc
            .option(fc.constantFrom(...forgedCursors), { freq: 2, nil: undefined })
            .map((cursor) => (cursor === undefined ? values : { ...(values as object), cursor }))
        : fc.constant(values),
    )
    .map((values) =>
      Object.fromEntries(
        Object.entries(values as Record<string, unknown>).flatMap(([key, value]) =>
          value === undefined ? [] : [[key, asQueryValue(value)]],
        ),
      ),
    );

  const bodySchema = route.body ? jsonSchema(route.body) : undefined;
  const shared = SHARED_REGISTRIES.has(routeKey(route));
  const json: fc.Arbitrary<{ body?: unknown }> = bodySchema
    ? anyArbitraryOf(bodySchema).map((body) => ({ body: shared ? refused(bodySchema)(body) : body }))
    : fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: junk.map((body) => ({ body })) });
  const body = fc.oneof(
    { weight: 8, arbitrary: json },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((rawBody) => ({ rawBody })) },
  );

  return fc
    .record({
      caller: fc.constantFrom<Input['caller']>('admin', 'admin', 'admin', 'member', 'none'),
      path,
      query,
      body,
      idempotencyKey: route.idempotent
        ? fc.option(fc.oneof(fc.uuid(), fc.constantFrom('', 'k'.repeat(200))), { nil: undefined })
        : fc.constant(undefined),
    })
    .map(
      ({ body: { body: value, rawBody }, ...rest }: { body: { body?: unknown; rawBody?: string } } & Omit<Input, 'body' | 'rawBody'>) => ({
        ...rest,
        ...(value === undefined ? {} : { body: value }),
        ...(rawBody === undefined ? {} : { rawBody }),
      }),
    );
};

/** A seed of the route's own: adding a route changes no other route's requests. */
const seedOf = (key: string) => SEED + createHash('sha256').update(key).digest().readUInt16BE(0);

const routes = Object.values(contract).flatMap((group) => Object.values(group) as RouteDeclaration[]);

describe('fuzz: every route of the contract', () => {
  const tokens: Record<Input['caller'], string | undefined> = { admin: undefined, member: undefined, none: undefined };

  beforeAll(async () => {
    // An admin of the fuzz's own, so that what it changes of "me" (a volunteer profile, an exam) is nobody else's.
    const admin = await signIn(uniqueName('fuzz-admin'));
    expect(await transactNamed(doc, [{ name: 'role', item: userItems.grant(admin.userId, Role.ADMIN) }])).toBe('ok');
    tokens.admin = admin.token;
    const member = await signIn(uniqueName('fuzz-member'));
    tokens.member = member.token;
    const { token: coordinator } = await signIn('coordinator');
    const [live, { branch }] = await Promise.all([underWay(), newBranch(1)]);
    const meeting = await createActivity({ branchId: branch });
    const made = async (method: string, path: string, body: unknown, token = coordinator) => {
      const reply = await call(method, path, { token, body });
      if (reply.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(reply.body)}`);
      return Object.values(reply.body as Record<string, { id?: string; code?: string }>)[0]!;
    };
    const post = await made('POST', `/activities/${live.id}/posts`, { text: '会议开始' });
    pool.push(
      live.id,
      meeting.id,
      branch,
      admin.userId,
      member.userId,
      post.id!,
      (await made('POST', `/activities/${live.id}/posts/${post.id}/comments`, { text: '赞' })).id!,
      (await made('POST', `/activities/${meeting.id}/ideas`, { text: '多开展户外学习' })).id!,
      (await made('POST', `/activities/${meeting.id}/actions`, { text: '每月走访', ownerId: member.userId, dueOn: '2099-12-31' })).id!,
      (await made('POST', `/branches/${branch}/invites`, {}, admin.token)).code!,
      (await made('POST', '/rewards', { title: '测试礼品', kind: 'goods', cost: 1, stock: 1 })).id!,
    );
    const foreign = (await call('GET', '/activities?limit=1', { token: coordinator })).body.nextCursor;
    if (foreign) forgedCursors.push(foreign);
  });

  it('covers every route of the contract', () => {
    expect(routes.length).toBeGreaterThanOrEqual(150);
    expect(new Set(routes.map(routeKey)).size).toBe(routes.length);
  });

  /**
   * The names a 400 may give: the route's parameters, query and body fields, or the part as a whole;
   * undefined where the body has no fields of its own (a case's form, read by its step's schema).
   */
  const namesOf = (route: RouteDeclaration) => {
    const body = route.body && jsonSchema(route.body);
    if (body && !body.properties) return undefined;
    return new Set([
      'body',
      'query',
      'params',
      'Idempotency-Key',
      ...[route.params, route.query, route.body].flatMap((schema) => Object.keys((schema && jsonSchema(schema).properties) ?? {})),
    ]);
  };

  /** What is wrong with an answer, or nothing. */
  const faultOf = (reply: Reply, names: Set<string> | undefined): string | undefined => {
    if (reply.status >= 500 && !(reply.status === 502 && reply.body?.error?.code === 'UPSTREAM_UNAVAILABLE'))
      return `answered ${reply.status}`;
    if (reply.status < 400) return undefined;
    if (!ErrorBody.safeParse(reply.body).success) return `answered ${reply.status} without the error shape`;
    const details = (reply.body.error.details ?? []) as Array<{ path: string }>;
    if (reply.status === 400 && !(details.length && details.every((detail) => names?.has(detail.path.split('.')[0]!) ?? detail.path)))
      return 'answered 400 without naming its fields';
    return undefined;
  };

  it.each(routes.map((route) => [routeKey(route), route] as const))('%s', async (key, route) => {
    const names = namesOf(route);
    await fc.assert(
      fc.asyncProperty(requests(route), async (input) => {
        const search = new URLSearchParams(input.query).toString();
        const reply = await call(route.method, `${input.path}${search ? `?${search}` : ''}`, {
          ...(tokens[input.caller]
            ? { token: ENDS_THE_CALLER.has(key) ? (await signIn(uniqueName('fuzz-once'))).token : tokens[input.caller] }
            : {}),
          ...(input.body !== undefined ? { body: input.body } : {}),
          ...(input.rawBody !== undefined ? { rawBody: input.rawBody } : {}),
          ...(input.idempotencyKey !== undefined ? { headers: { 'idempotency-key': input.idempotencyKey } } : {}),
        });
        const fault = faultOf(reply, names);
        if (fault) throw new Error(`${key} ${fault}: ${JSON.stringify(reply.body).slice(0, 500)}`);
      }),
      { seed: seedOf(key), numRuns: RUNS, endOnFailure: true },
    );
  });
});
