/**
 * WeChat's code2Session behind an interface: the production sign-in exchanges the one-time
 * `wx.login` code for the user's openid. The session_key it also returns never leaves this file.
 */
import * as z from 'zod';
import { ErrorCode } from '@hele/shared';
import { TooManyRequestsError, UnauthenticatedError, UpstreamError } from '../lib/errors';

export interface WeChatIdentity {
  openid: string;
  unionid?: string;
}

export interface WeChatSessionClient {
  code2Session(code: string): Promise<WeChatIdentity>;
}

const Code2SessionReply = z.object({
  openid: z.string().optional(),
  unionid: z.string().optional(),
  session_key: z.string().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
});

/** errcode values of code2Session that mean the code itself is bad (expired, used, unknown). */
const INVALID_CODE_ERRORS = new Set([40029, 40163, 40226]);
const RATE_LIMITED = 45011;

export interface WeChatClientOptions {
  appId: string;
  /** Read when the first code is exchanged (it may come from SSM). */
  appSecret: () => Promise<string>;
  apiBase: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export const createWeChatSessionClient = ({
  appId,
  appSecret,
  apiBase,
  timeoutMs = 3_000,
  fetchImpl = fetch,
}: WeChatClientOptions): WeChatSessionClient => ({
  async code2Session(code) {
    const secret = await appSecret().catch(() => '');
    if (!appId || !secret) throw new UpstreamError('WeChat app id/secret are not configured');
    const url = new URL('/sns/jscode2session', apiBase);
    url.search = new URLSearchParams({
      appid: appId,
      secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    let reply: z.infer<typeof Code2SessionReply>;
    try {
      const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
      reply = Code2SessionReply.parse(await response.json());
    } catch (error) {
      throw new UpstreamError('WeChat sign-in service did not answer', { cause: error });
    }
    if (reply.errcode && reply.errcode !== 0) {
      if (INVALID_CODE_ERRORS.has(reply.errcode)) {
        throw new UnauthenticatedError('WeChat login code is invalid or used', ErrorCode.INVALID_LOGIN_CODE);
      }
      if (reply.errcode === RATE_LIMITED) throw new TooManyRequestsError();
      throw new UpstreamError(`WeChat sign-in failed (${reply.errcode})`);
    }
    if (!reply.openid) throw new UpstreamError('WeChat sign-in returned no openid');
    return { openid: reply.openid, ...(reply.unionid ? { unionid: reply.unionid } : {}) };
  },
});
