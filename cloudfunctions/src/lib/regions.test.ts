/**
 * The presigners and clients as a deployed function runs them: in the function's region, with the
 * region's own endpoints (amazonaws.com.cn in China). Nothing leaves the process (signing is local),
 * so the China regions need no account here.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { mediaStorage } from './storage';

const BUCKET = 'hele-center-prod-media';
const KEY = 'library/01HZX/handout.pdf';
// The integration tests point every client at the local stack and its region; these need AWS's own.
const STACK_VARIABLES = ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL_DYNAMODB', 'AWS_REGION'] as const;
const saved = STACK_VARIABLES.map((name) => [name, process.env[name]] as const);
beforeAll(() => {
  for (const name of STACK_VARIABLES) delete process.env[name];
});
afterAll(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const inRegion = (region: string, publicDomain = '') =>
  mediaStorage(BUCKET, {
    publicDomain,
    client: new S3Client({
      region,
      credentials: { accessKeyId: 'test-only', secretAccessKey: 'test-only' },
    }),
  });
const upload = { key: KEY, contentType: 'application/pdf', maxBytes: 1024 };

describe('media storage in the China regions', () => {
  it('signs an upload for the bucket in Ningxia on amazonaws.com.cn, with a China-region credential scope', async () => {
    const ticket = await inRegion('cn-northwest-1').presignUpload(upload);
    expect(ticket.url).toBe(`https://${BUCKET}.s3.cn-northwest-1.amazonaws.com.cn/`);
    expect(ticket.fields['X-Amz-Credential']).toMatch(/\/cn-northwest-1\/s3\/aws4_request$/);
    expect(ticket.fields.key).toBe(KEY);
  });

  it('signs a file link for the bucket in Beijing on amazonaws.com.cn, over the host only', async () => {
    const link = new URL(await inRegion('cn-north-1').readUrl(KEY));
    expect(`${link.origin}${link.pathname}`).toBe(`https://${BUCKET}.s3.cn-north-1.amazonaws.com.cn/${KEY}`);
    expect(link.searchParams.get('X-Amz-Credential')).toMatch(/\/cn-north-1\/s3\/aws4_request$/);
    // The CDN forwards to the bucket's host, so a signature over nothing but the host stays valid.
    expect(link.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
  });

  it('hands out the center domain when a CDN serves the bucket, the signature unchanged', async () => {
    const direct = inRegion('cn-northwest-1');
    const throughCdn = inRegion('cn-northwest-1', 'files.hele.example.cn');
    const ticket = await throughCdn.presignUpload(upload);
    expect(ticket.url).toBe('https://files.hele.example.cn/');
    expect(ticket.fields.Policy).toBeDefined();

    const link = new URL(await throughCdn.readUrl(KEY));
    expect(`${link.origin}${link.pathname}`).toBe(`https://files.hele.example.cn/${KEY}`);
    const directLink = new URL(await direct.readUrl(KEY));
    expect(link.searchParams.get('X-Amz-Credential')).toBe(directLink.searchParams.get('X-Amz-Credential'));
  });

  it('keeps amazonaws.com outside China (Hong Kong, the default region)', async () => {
    const ticket = await inRegion('ap-east-1').presignUpload(upload);
    expect(ticket.url).toBe(`https://${BUCKET}.s3.ap-east-1.amazonaws.com/`);
  });
});

describe('the DynamoDB client', () => {
  it('takes the endpoint of the region the function runs in', async () => {
    process.env.AWS_REGION = 'cn-northwest-1';
    const { dynamo } = await import('./db');
    const endpoint = await dynamo.config.endpointProvider({ Region: await dynamo.config.region() });
    expect(endpoint.url.href).toBe('https://dynamodb.cn-northwest-1.amazonaws.com.cn/');
  });
});
