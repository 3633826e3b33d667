import * as z from 'zod';
import { type Env, LOCAL_STAGE } from './config';
import { UpstreamError } from './errors';
import { readSecret } from './secrets';

const TokenReply = z.object({ access_token: z.string().optional(), expires_in: z.number().optional(), errcode: z.number().optional() });

export interface WeChatAppOptions {
  appId: string;
  /** Read when first needed (it may come from SSM). */
  appSecret: () => Promise<string>;
  apiBase: string;
  fetchImpl?: typeof fetch;
}

export const createAccessTokenSource = ({ appId, appSecret, apiBase, fetchImpl = fetch }: WeChatAppOptions) => {
  let token: { value: string; until: number } | undefined;
  return async (): Promise<string> => {
    if (token && token.until > Date.now()) return token.value;
    const response = await fetchImpl(new URL('/cgi-bin/stable_token', apiBase), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret: await appSecret() }),
      signal: AbortSignal.timeout(3_000),
    });
    const reply = TokenReply.parse(await response.json());
    if (!reply.access_token) throw new UpstreamError(`WeChat token refused (${reply.errcode})`);
    token = { value: reply.access_token, until: Date.now() + ((reply.expires_in ?? 7200) - 60) * 1000 };
    return token.value;
  };
};

/** POSTs JSON to a WeChat server API with the access token and parses the reply; no answer is an UpstreamError. */
export const createWeChatApi = (options: WeChatAppOptions) => {
  const accessToken = createAccessTokenSource(options);
  const fetchImpl = options.fetchImpl ?? fetch;
  return async <T>(path: string, body: unknown, reply: z.ZodType<T>, what: string): Promise<T> => {
    const url = new URL(path, options.apiBase);
    url.searchParams.set('access_token', await accessToken());
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(3_000),
      });
      return reply.parse(await response.json());
    } catch (error) {
      throw new UpstreamError(`${what} did not answer`, { cause: error });
    }
  };
};

/** The WeChat app this stage talks to; none on the local stage or where no app id is set (stand-ins answer there). */
export const stageWeChatApp = (config: Env): WeChatAppOptions | undefined =>
  config.STAGE !== LOCAL_STAGE && config.WECHAT_APP_ID
    ? {
        appId: config.WECHAT_APP_ID,
        appSecret: () => readSecret('WeChat app secret', config.WECHAT_APP_SECRET, config.WECHAT_APP_SECRET_PARAMETER),
        apiBase: config.WECHAT_API_BASE,
      }
    : undefined;

/** A server API that answers an image on success and JSON on failure (wxacode.getUnlimited): the image's bytes. */
export const createWeChatImageApi = (options: WeChatAppOptions) => {
  const accessToken = createAccessTokenSource(options);
  const fetchImpl = options.fetchImpl ?? fetch;
  return async (path: string, body: unknown, what: string): Promise<Uint8Array> => {
    const url = new URL(path, options.apiBase);
    url.searchParams.set('access_token', await accessToken());
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      });
    } catch (error) {
      throw new UpstreamError(`${what} did not answer`, { cause: error });
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (!String(response.headers.get('content-type')).startsWith('image/')) {
      throw new UpstreamError(`${what} refused: ${new TextDecoder().decode(bytes).slice(0, 200)}`);
    }
    return bytes;
  };
};
