/** The part of s3rver (and of the Koa app it is built on) the local object storage uses; the package has no types. */
declare module 's3rver' {
  import type { IncomingMessage } from 'node:http';

  export interface KoaContext {
    method: string;
    path: string;
    req: IncomingMessage;
    status: number;
    type: string;
    body: unknown;
    is(type: string): string | false | null;
  }
  export type KoaNext = () => Promise<unknown>;

  export interface S3rverOptions {
    address?: string;
    port?: number;
    directory: string;
    silent?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: Array<{ name: string; configs: string[] }>;
  }

  export default class S3rver {
    constructor(options: S3rverOptions);
    middleware: Array<(ctx: KoaContext, next: KoaNext) => unknown>;
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}

/** s3rver's registry of access keys: the local stack's credentials are added as a key of its one account. */
declare module 's3rver/lib/models/account' {
  export const DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
}
