import { z } from 'zod';
import { UpstreamError } from './errors';

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
