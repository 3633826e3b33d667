/**
 * The plain request's SigV4 signs as the AWS SDK's client does: the SDK's own PostToConnection, caught by a local server,
 * is signed again from the same headers and must carry the same signature.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { signRequest } from './sigv4';

/** The SDK's headers that are not signed (its own list) and the signature itself. */
const UNSIGNED = new Set(['user-agent', 'connection', 'authorization']);

const caught: Array<{ url: string; headers: http.IncomingHttpHeaders; body: Buffer }> = [];
const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    caught.push({ url: request.url!, headers: request.headers, body: Buffer.concat(chunks) });
    response.end();
  });
});
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise((resolve) => server.close(resolve)));

it.each([
  [
    'a session token, a connection id with = + /',
    { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG', sessionToken: 'IQoJb3JpZ2luX2Vj//token=' },
    'L0SM9c+Fv/HcCIhw=',
  ],
  ['long-term keys, a plain id', { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }, 'abcDEF123'],
])('gives the signature the SDK gives (%s)', async (_, credentials, connectionId) => {
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}/prod`;
  const client = new ApiGatewayManagementApiClient({ endpoint, region: 'ap-east-1', credentials });
  const data = Buffer.from(JSON.stringify({ type: 'post', text: '现场动态' }));
  await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
  client.destroy();
  const sdk = caught.pop()!;
  expect(sdk.body.equals(data)).toBe(true);

  const given = Object.fromEntries(
    Object.entries(sdk.headers)
      .filter(([name]) => !UNSIGNED.has(name) && name !== 'host' && name !== 'x-amz-date' && name !== 'x-amz-security-token')
      .map(([name, value]) => [name, String(value)]),
  );
  const amzDate = String(sdk.headers['x-amz-date']);
  const now = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const ours = await signRequest({
    method: 'POST',
    url: new URL(`http://127.0.0.1:${port}${sdk.url}`),
    headers: given,
    body: data,
    service: 'execute-api',
    region: 'ap-east-1',
    credentials,
    now,
  });
  expect(ours.authorization).toBe(sdk.headers.authorization);
  expect(ours['x-amz-security-token']).toBe(sdk.headers['x-amz-security-token']);
});

it('changes the signature with the body, the path and the day', async () => {
  const base = {
    method: 'POST',
    url: new URL('https://abc.execute-api.ap-east-1.amazonaws.com/prod/@connections/x%3D'),
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.from('a'),
    service: 'execute-api',
    region: 'ap-east-1',
    credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' },
    now: new Date('2026-12-06T10:00:00Z'),
  };
  const signature = async (input: typeof base) => (await signRequest(input)).authorization;
  const first = await signature(base);
  expect(first).toMatch(
    /^AWS4-HMAC-SHA256 Credential=AKIA\/20261206\/ap-east-1\/execute-api\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/,
  );
  expect(await signature({ ...base, body: Buffer.from('b') })).not.toBe(first);
  expect(await signature({ ...base, url: new URL('https://abc.execute-api.ap-east-1.amazonaws.com/prod/@connections/y%3D') })).not.toBe(
    first,
  );
  expect(await signature({ ...base, now: new Date('2026-12-07T10:00:00Z') })).not.toBe(first);
});
