/**
 * The local object storage is as private as the deployed bucket (scripts/local/object-storage.ts):
 * nobody lists, writes, deletes or reads without a signature of the local credentials; the functions'
 * SDK clients and the links they presign get through, until the links expire.
 */
import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { mediaStorage } from '../src/lib/storage';

const endpoint = process.env.AWS_ENDPOINT_URL_S3!;
const bucket = process.env.MEDIA_BUCKET!;
const media = mediaStorage(bucket);
/** The functions' client: the local stack's credentials, as a function's role gives them on AWS. */
const s3 = new S3Client({ forcePathStyle: true });
const stranger = new S3Client({
  forcePathStyle: true,
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: 'not-the-secret' },
});
afterAll(() => {
  s3.destroy();
  stranger.destroy();
});

/** A new object in the bucket, written the way feedReview writes a thumbnail. */
const stored = async () => {
  const key = `feed/test/${randomUUID()}.jpg`;
  const bytes = Uint8Array.from({ length: 512 }, (_, i) => i % 251);
  await media.write(key, bytes, 'image/jpeg');
  return { key, bytes, url: `${endpoint}/${bucket}/${key}` };
};

const refusal = async (response: Response) => [response.status, /<Code>(\w+)<\/Code>/.exec(await response.text())?.[1]];

describe('the local object storage', () => {
  it('refuses anonymous lists, reads, writes and deletes (403 AccessDenied), and changes nothing', async () => {
    const { key, bytes, url } = await stored();
    expect(await refusal(await fetch(`${endpoint}/${bucket}?list-type=2`))).toEqual([403, 'AccessDenied']);
    expect(await refusal(await fetch(`${endpoint}/`))).toEqual([403, 'AccessDenied']);
    expect(await refusal(await fetch(url))).toEqual([403, 'AccessDenied']);
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(403);
    const put = await fetch(`${endpoint}/${bucket}/feed/test/${randomUUID()}.html`, {
      method: 'PUT',
      headers: { 'content-type': 'text/html' },
      body: '<script>alert(1)</script>',
    });
    expect(await refusal(put)).toEqual([403, 'AccessDenied']);
    expect(await refusal(await fetch(url, { method: 'PUT', body: 'overwritten' }))).toEqual([403, 'AccessDenied']);
    expect(await refusal(await fetch(url, { method: 'DELETE' }))).toEqual([403, 'AccessDenied']);
    // A browser's preflight is still answered from the bucket's CORS rules.
    expect(
      (await fetch(url, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:10086', 'access-control-request-method': 'GET' } }))
        .status,
    ).toBe(200);

    expect(await media.read(key)).toEqual(bytes);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'feed/test/' }));
    expect(listed.Contents?.every((object) => !object.Key!.endsWith('.html'))).toBe(true);
  });

  it('serves a link presigned with the local credentials, and refuses it tampered or expired', async () => {
    const { key, bytes, url } = await stored();
    const link = await media.readUrl(key);
    const served = await fetch(link);
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);

    const signed = new URL(link);
    const tampered = new URL(link);
    const signature = signed.searchParams.get('X-Amz-Signature')!;
    tampered.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    expect(await refusal(await fetch(tampered))).toEqual([403, 'SignatureDoesNotMatch']);
    // The same signature on another key, or with a longer life, is no signature of it.
    const { key: otherKey } = await stored();
    expect(await refusal(await fetch(`${endpoint}/${bucket}/${otherKey}${signed.search}`))).toEqual([403, 'SignatureDoesNotMatch']);
    const longer = new URL(link);
    longer.searchParams.set('X-Amz-Expires', '604800');
    expect(await refusal(await fetch(longer))).toEqual([403, 'SignatureDoesNotMatch']);
    expect((await fetch(`${url}?X-Amz-Algorithm=AWS4-HMAC-SHA256`)).status).toBeGreaterThanOrEqual(400);

    const expired = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 2 * 60_000),
    });
    expect(await refusal(await fetch(expired))).toEqual([403, 'AccessDenied']);
  });

  it('lets the functions’ signed SDK requests through, and refuses a client with another secret', async () => {
    const { key } = await stored();
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength).toBe(512);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual([key]);

    await expect(stranger.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
    await expect(stranger.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
    expect(await media.stat(key)).toEqual({ bytes: 512, contentType: 'image/jpeg' });

    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    expect(await media.stat(key)).toBeUndefined();
  });
});
