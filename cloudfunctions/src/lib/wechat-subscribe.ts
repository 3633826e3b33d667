/**
 * WeChat's subscribe message (subscribeMessage.send): one message on a template the member accepted
 * (one accept = one message), opening a page of the mini-program.
 */
import * as z from 'zod';
import { UpstreamError } from './errors';
import { createWeChatApi, type WeChatAppOptions } from './wechat-token';

const SendReply = z.object({ errcode: z.number().default(0), errmsg: z.string().optional() });

/** Refusals that mean "this member will not get it": not worth a retry. */
const FINAL_ERRORS = new Set([43101 /* not subscribed or used up */, 40003 /* bad openid */]);

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** The mini-program page it opens, e.g. `activity/detail/index?id=…`. */
  page: string;
  fields: Record<string, string>;
}

/** Sends one message; answers whether WeChat took it, throws when WeChat failed in a way worth retrying. */
export const createSubscribeSender = (options: WeChatAppOptions) => {
  const wechat = createWeChatApi(options);
  return async ({ openid, templateId, page, fields }: SubscribeMessage): Promise<'sent' | 'refused'> => {
    const reply = await wechat(
      '/cgi-bin/message/subscribe/send',
      {
        touser: openid,
        template_id: templateId,
        page,
        miniprogram_state: 'formal',
        lang: 'zh_CN',
        data: Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, { value }])),
      },
      SendReply,
      'subscribeMessage.send',
    );
    if (reply.errcode === 0) return 'sent';
    if (FINAL_ERRORS.has(reply.errcode)) return 'refused';
    throw new UpstreamError(`WeChat subscribe message failed (${reply.errcode} ${reply.errmsg ?? ''})`);
  };
};
