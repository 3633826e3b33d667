/**
 * The local stand-in for S3: s3rver (files on disk under DATA_DIR, or a temporary folder for tests)
 * with the buckets of serverless.yml. s3rver lets anyone read, list, write and delete, stores browser
 * POST uploads without looking at their policy, and never checks a SigV4 signature; the deployed bucket
 * is private. So a gate in front of it lets through what the private bucket would, checked the way S3
 * checks it: browser uploads that keep their signed policy (size, type, key), requests signed with the
 * local stack's credentials (the functions' SDK clients), links presigned with them until they expire,
 * and CORS preflights. Everything else is 403 AccessDenied.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import S3rver, { type KoaContext as Context, type KoaNext as Next } from 's3rver';
import { DUMMY_ACCOUNT } from 's3rver/lib/models/account';
import { LOCAL_AWS_ENV } from './database';

export interface ObjectStorage {
  endpoint: string;
  stop(): Promise<void>;
}

/** Larger bodies are refused before they are read (S3's own limit for a POST is 5 GB). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Why S3 refuses a request: its error code and message (the status follows from the code). */
interface Refusal {
  code: string;
  message: string;
}

interface Submitted {
  fields: Map<string, string>;
  file?: { size: number };
  /** A form S3 would not read one way only: a field twice, a field after the file, two files. */
  malformed?: Refusal;
}

/**
 * The form as S3 reads it: fields (names are case-insensitive), then exactly one file, last. s3rver
 * takes the last `key` before the file while a map of every field would keep later ones: a form that
 * could be read two ways (a field twice, or after the file) is refused, so the policy checked is
 * the one that is stored.
 */
const readForm = (headers: Record<string, string | string[] | undefined>, body: Buffer): Promise<Submitted> =>
  new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    let file: Submitted['file'];
    let fileParts = 0;
    let malformed: Refusal | undefined;
    const refuse = (message: string) => (malformed ??= { code: 'InvalidArgument', message });
    const parser = busboy({ headers: headers as Record<string, string> });
    parser.on('field', (name, value) => {
      const field = name.toLowerCase();
      if (fileParts > 0) refuse(`The form field ${name} comes after the file: the file must be the last field`);
      else if (fields.has(field)) refuse(`The form field ${name} is given more than once`);
      fields.set(field, value);
    });
    parser.on('file', (name, stream) => {
      fileParts += 1;
      if (fileParts > 1) refuse('POST requires exactly one file upload per request');
      let size = 0;
      stream.on('data', (chunk: Buffer) => (size += chunk.length));
      stream.on('end', () => {
        if (name === 'file' && !file) file = { size };
      });
    });
    parser.on('close', () => resolve({ fields, file, malformed }));
    parser.on('error', reject);
    parser.end(body);
  });

const hmac = (key: Buffer | string, value: string) => createHmac('sha256', key).update(value).digest();

/** SigV4's signing key: the secret, narrowed to the credential scope's date, region and service. */
const signingKey = (secret: string, [date = '', region = '', service = '']: string[]) =>
  hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');

/** SigV4 of a POST policy: the signing key of the credential's date, region and service signs the base64 policy. */
const policySignature = (policy: string, credential: string, secret: string) =>
  createHmac('sha256', signingKey(secret, credential.split('/').slice(1)))
    .update(policy)
    .digest('hex');

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

type Condition = Record<string, string> | [string, string | number, string | number];

/** Why the upload breaks the policy, or undefined when it keeps every condition. */
export const policyViolation = (submitted: Submitted, bucket: string, secret: string, now = new Date()): Refusal | undefined => {
  const { fields, file, malformed } = submitted;
  if (malformed) return malformed;
  const policy = fields.get('policy');
  if (!policy) return { code: 'AccessDenied', message: 'Bucket POST must contain a policy' };
  if (!sameText(policySignature(policy, fields.get('x-amz-credential') ?? '', secret), fields.get('x-amz-signature') ?? '')) {
    return { code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided' };
  }
  const document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as { expiration: string; conditions: Condition[] };
  if (new Date(document.expiration) <= now) return { code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired' };
  if (!file) return { code: 'InvalidArgument', message: 'POST requires exactly one file upload per request' };
  const fieldValue = (name: string) =>
    name.toLowerCase() === 'bucket' ? bucket : (fields.get(name.replace(/^\$/, '').toLowerCase()) ?? '');
  for (const condition of document.conditions) {
    if (Array.isArray(condition)) {
      const [operator, name, expected] = condition;
      if (operator === 'content-length-range') {
        if (file.size < Number(name))
          return { code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size' };
        if (file.size > Number(expected))
          return { code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' };
      } else if (operator === 'eq' ? fieldValue(String(name)) !== expected : !fieldValue(String(name)).startsWith(String(expected))) {
        return {
          code: 'AccessDenied',
          message: `Invalid according to Policy: Policy Condition failed: ["${operator}", "${name}", "${expected}"]`,
        };
      }
    } else {
      for (const [name, expected] of Object.entries(condition)) {
        if (fieldValue(name) !== expected)
          return {
            code: 'AccessDenied',
            message: `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${expected}"]`,
          };
      }
    }
  }
  return undefined;
};

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The request as it came: the raw path and query (as signed), the headers Node lowercased. */
export interface SignedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3's limits: a header-signed request within 15 minutes of its date, a link valid for a week at most. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_EXPIRES_SECONDS = 7 * 24 * 60 * 60;

const ACCESS_DENIED: Refusal = { code: 'AccessDenied', message: 'Access Denied' };
const MISMATCH: Refusal = {
  code: 'SignatureDoesNotMatch',
  message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
};

/** RFC 3986 encoding, as SigV4 encodes query names and values. */
const uriEncode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** `20261206T130000Z` (SigV4's date) as an instant, or NaN. */
const amzDate = (text: string) => {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!) : Number.NaN;
};

/**
 * Why a request is not signed with these credentials the way S3 checks SigV4 (in the Authorization
 * header, or in the query of a presigned link), or undefined when it is. Anonymous is AccessDenied.
 */
export const signatureProblem = (
  { method, url, headers }: SignedRequest,
  credentials: Credentials,
  now = new Date(),
): Refusal | undefined => {
  const [path = '/', rawQuery = ''] = url.split(/\?(.*)/s);
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      return [decode(name), decode(value)] as const;
    });
  const param = (name: string) => query.find(([key]) => key === name)?.[1];
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const authorization = header('authorization');
  const presigned = param('X-Amz-Algorithm') !== undefined;
  if (!authorization && !presigned) return ACCESS_DENIED;

  let credential: string;
  let signedHeaders: string[];
  let signature: string;
  let date: string;
  let payloadHash: string;
  if (presigned) {
    if (param('X-Amz-Algorithm') !== ALGORITHM)
      return { code: 'AuthorizationQueryParametersError', message: `X-Amz-Algorithm only supports "${ALGORITHM}"` };
    [credential, signature, date] = [param('X-Amz-Credential') ?? '', param('X-Amz-Signature') ?? '', param('X-Amz-Date') ?? ''];
    signedHeaders = (param('X-Amz-SignedHeaders') ?? '').split(';');
    const expires = Number(param('X-Amz-Expires'));
    if (!Number.isInteger(expires) || expires < 0 || expires > MAX_EXPIRES_SECONDS || Number.isNaN(amzDate(date)))
      return { code: 'AuthorizationQueryParametersError', message: 'X-Amz-Date and X-Amz-Expires must be valid' };
    if (now.getTime() > amzDate(date) + expires * 1000) return { code: 'AccessDenied', message: 'Request has expired' };
    payloadHash = param('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
  } else {
    const parts = new Map(
      (authorization ?? '')
        .replace(/^\S+\s+/, '')
        .split(',')
        .map((part) => part.trim().split(/=(.*)/s) as [string, string]),
    );
    if (!authorization?.startsWith(`${ALGORITHM} `) || !parts.has('Credential') || !parts.has('SignedHeaders') || !parts.has('Signature'))
      return { code: 'AuthorizationHeaderMalformed', message: 'The authorization header is malformed' };
    [credential, signature] = [parts.get('Credential')!, parts.get('Signature')!];
    signedHeaders = parts.get('SignedHeaders')!.split(';');
    date = header('x-amz-date') ?? '';
    if (Math.abs(now.getTime() - amzDate(date)) > MAX_SKEW_MS || Number.isNaN(amzDate(date)))
      return { code: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.' };
    payloadHash = header('x-amz-content-sha256') ?? '';
    if (!payloadHash) return { code: 'InvalidRequest', message: 'Missing required header for this request: x-amz-content-sha256' };
  }
  const [accessKeyId, ...scope] = credential.split('/');
  if (accessKeyId !== credentials.accessKeyId)
    return { code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  if (!signedHeaders.includes('host') || scope.length !== 4 || scope[0] !== date.slice(0, 8) || scope[3] !== 'aws4_request')
    return MISMATCH;

  // The canonical request of SigV4 as S3 builds it: the path as sent (S3 does not encode it again).
  const canonicalQuery = query
    .filter(([name]) => !(presigned && name === 'X-Amz-Signature'))
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(header(name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [method, path, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), payloadHash].join('\n');
  const stringToSign = [ALGORITHM, date, scope.join('/'), createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const expected = createHmac('sha256', signingKey(credentials.secretAccessKey, scope)).update(stringToSign).digest('hex');
  return sameText(expected, signature) ? undefined : MISMATCH;
};

const s3Error = (ctx: Context, status: number, code: string, message: string) => {
  ctx.status = status;
  ctx.type = 'application/xml';
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
};

const readBody = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

const statusOf = ({ code }: Refusal) =>
  ['AccessDenied', 'SignatureDoesNotMatch', 'InvalidAccessKeyId', 'RequestTimeTooSkewed'].includes(code) ? 403 : 400;

/**
 * What the private bucket lets in: CORS preflights (answered from the bucket's rules), browser POST
 * uploads (`POST /<bucket>`, checked against their policy, then stored by s3rver) and SigV4-signed requests.
 */
const accessGate = (credentials: Credentials) => async (ctx: Context, next: Next) => {
  if (ctx.method === 'OPTIONS') return next();
  const bucket = /^\/([^/]+)\/?$/.exec(ctx.path)?.[1];
  const browserUpload = ctx.method === 'POST' && bucket && ctx.is('multipart/form-data') && !ctx.req.headers.authorization;
  if (!browserUpload) {
    const refusal = signatureProblem({ method: ctx.method, url: ctx.req.url ?? '/', headers: ctx.req.headers }, credentials);
    return refusal ? s3Error(ctx, statusOf(refusal), refusal.code, refusal.message) : next();
  }
  const body = await readBody(ctx.req);
  if (!body) return s3Error(ctx, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
  const violation = policyViolation(await readForm(ctx.req.headers, body), bucket, credentials.secretAccessKey);
  if (violation) return s3Error(ctx, statusOf(violation), violation.code, violation.message);
  // s3rver reads the form from the request stream: give it the bytes already read.
  ctx.req = Object.assign(Readable.from([body]), { headers: ctx.req.headers }) as unknown as typeof ctx.req;
  return next();
};

/** Browser uploads come from the H5 app's origin: the bucket allows them (as the deployed bucket's CORS does). */
const corsXml = (origins: string[]) =>
  `<CORSConfiguration>${origins
    .map(
      (origin) =>
        `<CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule>`,
    )
    .join('')}</CORSConfiguration>`;

export const startObjectStorage = async ({
  port,
  buckets,
  origins,
  dataDir,
}: {
  port: number;
  buckets: string[];
  origins: string[];
  dataDir?: string;
}): Promise<ObjectStorage> => {
  const directory = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'hele-s3-')));
  // The functions sign their requests with the local stack's credentials, as they would with a role's on AWS.
  DUMMY_ACCOUNT.createKeyPair(LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY);
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory,
    silent: true,
    vhostBuckets: false,
    configureBuckets: buckets.map((name) => ({ name, configs: [corsXml(origins)] })),
  });
  // Koa composes its middleware when it starts listening: the gate goes first.
  server.middleware.unshift(
    accessGate({ accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY }),
  );
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      await server.close();
      if (!dataDir) await rm(directory, { recursive: true, force: true });
    },
  };
};
