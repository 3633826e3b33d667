/**
 * The local stand-in for S3: s3rver (files on disk under DATA_DIR, or a temporary folder for tests)
 * with the buckets of serverless.yml. s3rver stores browser POST uploads but ignores their policy,
 * so a gate in front of it checks the policy's signature, expiry and conditions the way S3 does:
 * the limits the functions sign (size, type, key) hold on one machine as they do on AWS.
 */
import { createHmac } from 'node:crypto';
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

interface Submitted {
  fields: Map<string, string>;
  file?: { size: number };
}

const readForm = (headers: Record<string, string | string[] | undefined>, body: Buffer): Promise<Submitted> =>
  new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    let file: Submitted['file'];
    const parser = busboy({ headers: headers as Record<string, string> });
    parser.on('field', (name, value) => fields.set(name.toLowerCase(), value));
    parser.on('file', (name, stream) => {
      let size = 0;
      stream.on('data', (chunk: Buffer) => (size += chunk.length));
      stream.on('end', () => {
        if (name === 'file' && !file) file = { size };
      });
    });
    parser.on('close', () => resolve({ fields, file }));
    parser.on('error', reject);
    parser.end(body);
  });

const hmac = (key: Buffer | string, value: string) => createHmac('sha256', key).update(value).digest();

/** SigV4 of a POST policy: the signing key of the credential's date, region and service signs the base64 policy. */
const policySignature = (policy: string, credential: string, secret: string) => {
  const [, date = '', region = '', service = ''] = credential.split('/');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  return createHmac('sha256', signingKey).update(policy).digest('hex');
};

type Condition = Record<string, string> | [string, string | number, string | number];

/** Why the upload breaks the policy, or undefined when it keeps every condition. */
export const policyViolation = (
  submitted: Submitted,
  bucket: string,
  secret: string,
  now = new Date(),
): { code: string; message: string } | undefined => {
  const { fields, file } = submitted;
  const policy = fields.get('policy');
  if (!policy) return { code: 'AccessDenied', message: 'Bucket POST must contain a policy' };
  if (policySignature(policy, fields.get('x-amz-credential') ?? '', secret) !== fields.get('x-amz-signature')) {
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

/** Checks a browser POST upload (`POST /<bucket>`) against its policy, then lets s3rver store it. */
const postPolicyGate = (secret: string) => async (ctx: Context, next: Next) => {
  const bucket = /^\/([^/]+)\/?$/.exec(ctx.path)?.[1];
  if (ctx.method !== 'POST' || !bucket || !ctx.is('multipart/form-data')) return next();
  const body = await readBody(ctx.req);
  if (!body) return s3Error(ctx, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
  const violation = policyViolation(await readForm(ctx.req.headers, body), bucket, secret);
  if (violation)
    return s3Error(
      ctx,
      violation.code === 'SignatureDoesNotMatch' || violation.code === 'AccessDenied' ? 403 : 400,
      violation.code,
      violation.message,
    );
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
  server.middleware.unshift(postPolicyGate(LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY));
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      await server.close();
      if (!dataDir) await rm(directory, { recursive: true, force: true });
    },
  };
};
