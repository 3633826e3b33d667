/**
 * WeChat's server-side access token (stable_token, client credential), cached until a minute
 * before it expires. Every server API of WeChat (subscribe messages, content checks) needs it.
 */
import { ErrorCode } from '@hele/shared';
import { z } from 'zod';
import { HttpError } from './errors';

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
    if (!reply.access_token) throw new HttpError(502, ErrorCode.UPSTREAM_UNAVAILABLE, `WeChat token refused (${reply.errcode})`);
    token = { value: reply.access_token, until: Date.now() + ((reply.expires_in ?? 7200) - 60) * 1000 };
    return token.value;
  };
};
