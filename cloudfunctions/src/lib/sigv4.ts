/**
 * AWS Signature Version 4 for one plain HTTP request, by the SDK's own signer (@smithy/signature-v4).
 * For the one call made thousands of times a post (PostToConnection in the live feed's fan-out) the
 * SDK's client costs ~0.45–0.86 ms of CPU per call (middleware stack, endpoint rules, schema serde,
 * retries); the signer alone over a kept-alive socket costs ~0.15 ms (docs/live-feed-at-scale.md).
 */
import { Hash } from '@smithy/core/serde';
import { escapeUri, HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignInput {
  method: string;
  url: URL;
  /** Signed as given (names are lowercased); `host` and `x-amz-date` are added. */
  headers: Record<string, string>;
  body: Buffer;
  service: string;
  region: string;
  credentials: AwsCredentials;
  now?: Date;
}

/** RFC 3986 escaping of one path label, as the SDK escapes it. */
export const uriEscape = escapeUri;

const sha256 = Hash.bind(null, 'sha256');

/** One signer per credentials, region and service: it keeps the day's derived signing key. */
const signers = new Map<string, SignatureV4>();
const signerFor = (service: string, region: string, credentials: AwsCredentials) => {
  const id = `${credentials.accessKeyId}/${credentials.secretAccessKey}/${credentials.sessionToken ?? ''}/${region}/${service}`;
  let signer = signers.get(id);
  if (!signer) {
    // The SDK's clients for these APIs sign the payload's hash without sending it as a header.
    signer = new SignatureV4({ service, region, credentials, sha256, applyChecksum: false });
    if (signers.size > 16) signers.clear();
    signers.set(id, signer);
  }
  return signer;
};

/** The headers to send: the ones given, `host`, `x-amz-date`, the session token if any, and `authorization`. */
export const signRequest = async ({ method, url, headers, body, service, region, credentials, now = new Date() }: SignInput) => {
  const request = new HttpRequest({
    method: method.toUpperCase(),
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])), host: url.host },
    body,
  });
  const signed = await signerFor(service, region, credentials).sign(request, { signingDate: now });
  return signed.headers as Record<string, string>;
};
