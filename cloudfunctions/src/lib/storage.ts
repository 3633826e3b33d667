/**
 * The media bucket: clients upload straight to it with a presigned POST whose policy carries the
 * limits (one key, one content type, a size range, a few minutes), and read through short-lived
 * signed links. Files never pass through a function. The client takes its region's endpoint
 * (`<bucket>.s3.<region>.amazonaws.com`, `.amazonaws.com.cn` in the China regions); `AWS_ENDPOINT_URL_S3`
 * (set by the local stack) points it at the local object storage, which only speaks path-style addresses.
 * The S3 client and the presigners load on the first call that needs them, not at cold start: most
 * requests of the functions that hold a media storage touch no file.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { env } from './config';

const s3Module = () => import('@aws-sdk/client-s3');

export interface UploadTicket {
  url: string;
  fields: Record<string, string>;
  key: string;
  maxBytes: number;
  expiresAt: string;
}

export interface MediaStorage {
  presignUpload(request: { key: string; contentType: string; maxBytes: number }): Promise<UploadTicket>;
  /** The size and type of a stored object, or undefined when nothing was uploaded under the key. */
  stat(key: string): Promise<{ bytes: number; contentType: string } | undefined>;
  readUrl(key: string): Promise<string>;
  /** The object's bytes (for checks that look at the file itself). */
  read(key: string): Promise<Uint8Array>;
  /** Stores what a function made (a thumbnail). */
  write(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Deletes an object (a replaced avatar, a closed account's); nothing there is no error. */
  remove(key: string): Promise<void>;
}

export const UPLOAD_TICKET_SECONDS = 5 * 60;
/** Links in a page stay valid long enough to read it; the app asks again on the next page load. */
const READ_URL_SECONDS = 60 * 60;

let defaultClient: S3Client | undefined;
const containerClient = async () => {
  const { S3Client } = await s3Module();
  defaultClient ??= new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3), maxAttempts: 3 });
  return defaultClient;
};

const isMissing = (error: unknown) => error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey');

export interface MediaStorageOptions {
  /**
   * The center's own domain in front of the bucket (a CDN whose origin is the bucket's regional
   * address, README › Deploy), so that WeChat's uploadFile and downloadFile lists hold a filed
   * domain. Empty: clients use the bucket's S3 address.
   */
  publicDomain?: string;
  /** One client per container by default, in the function's region. */
  client?: S3Client;
  now?: () => Date;
}

export const mediaStorage = (
  bucket: string,
  { publicDomain = env().MEDIA_DOMAIN, client, now = () => new Date() }: MediaStorageOptions = {},
): MediaStorage => {
  const s3 = async () => client ?? containerClient();
  // A signature covers the host it was made for: the bucket's, which is the CDN's origin. Only the
  // address the client sees changes; the CDN hands the request on to that host unchanged.
  const published = (url: string) => (publicDomain ? url.replace(/^https:\/\/[^/]+/, `https://${publicDomain}`) : url);
  return {
    async presignUpload({ key, contentType, maxBytes }) {
      const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
      const { url, fields } = await createPresignedPost(await s3(), {
        Bucket: bucket,
        Key: key,
        Fields: { 'Content-Type': contentType },
        Conditions: [
          ['content-length-range', 1, maxBytes],
          ['eq', '$Content-Type', contentType],
        ],
        Expires: UPLOAD_TICKET_SECONDS,
      });
      return {
        url: published(url),
        fields,
        key,
        maxBytes,
        expiresAt: new Date(now().getTime() + UPLOAD_TICKET_SECONDS * 1000).toISOString(),
      };
    },

    async stat(key) {
      try {
        const { HeadObjectCommand } = await s3Module();
        const head = await (await s3()).send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { bytes: head.ContentLength ?? 0, contentType: head.ContentType ?? '' };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async readUrl(key) {
      const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([s3Module(), import('@aws-sdk/s3-request-presigner')]);
      return published(await getSignedUrl(await s3(), new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: READ_URL_SECONDS }));
    },

    async read(key) {
      const { GetObjectCommand } = await s3Module();
      const { Body } = await (await s3()).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!Body) throw new Error(`Empty object ${key}`);
      return Body.transformToByteArray();
    },

    async write(key, bytes, contentType) {
      const { PutObjectCommand } = await s3Module();
      await (await s3()).send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          CacheControl: 'private, max-age=31536000, immutable',
        }),
      );
    },

    async remove(key) {
      const { DeleteObjectCommand } = await s3Module();
      await (await s3()).send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
};
