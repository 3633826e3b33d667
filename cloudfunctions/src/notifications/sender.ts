/**
 * How a reminder reaches the member. Always: the in-app inbox (我的 › 消息). In production, also
 * WeChat's subscribe message, when the mini-program has a template id and the member accepted.
 */
import type { ReminderFields } from '@hele/shared';
import * as z from 'zod';
import { UpstreamError } from '../lib/errors';
import { postMessage } from '../domain/inbox';
import { createAccessTokenSource, type WeChatAppOptions } from '../lib/wechat-token';

export interface ReminderDelivery {
  userId: string;
  openid: string;
  activityId: string;
  fields: ReminderFields;
}

export interface ReminderSender {
  send(delivery: ReminderDelivery): Promise<void>;
}

export const inboxSender: ReminderSender = {
  async send({ userId, activityId, fields }) {
    await postMessage({
      userId,
      kind: 'reminder',
      activityId,
      title: `活动提醒：${fields.thing1}`,
      body: `${fields.time2} 在 ${fields.thing3} 开始，请准时参加。`,
    });
  },
};

const SendReply = z.object({ errcode: z.number().default(0), errmsg: z.string().optional() });

/** Refusals of subscribeMessage.send that mean "this member will not get it": not worth a retry. */
const FINAL_ERRORS = new Set([43101 /* not subscribed or used up */, 40003 /* bad openid */]);

export interface WeChatSenderOptions extends WeChatAppOptions {
  templateId: string;
}

/**
 * WeChat subscribe message (subscribeMessage.send) with the app's access token. The inbox gets the message too once WeChat has answered for good.
 */
export const createWeChatSender = ({ appId, appSecret, templateId, apiBase, fetchImpl = fetch }: WeChatSenderOptions): ReminderSender => {
  const accessToken = createAccessTokenSource({ appId, appSecret, apiBase, fetchImpl });
  return {
    async send(delivery) {
      const url = new URL('/cgi-bin/message/subscribe/send', apiBase);
      url.searchParams.set('access_token', await accessToken());
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: delivery.openid,
          template_id: templateId,
          page: `activity/detail/index?id=${delivery.activityId}`,
          miniprogram_state: 'formal',
          lang: 'zh_CN',
          data: Object.fromEntries(Object.entries(delivery.fields).map(([key, value]) => [key, { value }])),
        }),
        signal: AbortSignal.timeout(3_000),
      });
      const reply = SendReply.parse(await response.json());
      if (reply.errcode !== 0 && !FINAL_ERRORS.has(reply.errcode)) {
        throw new UpstreamError(`WeChat subscribe message failed (${reply.errcode} ${reply.errmsg ?? ''})`);
      }
      // After WeChat: a retried delivery must not leave two copies in the inbox.
      await inboxSender.send(delivery);
    },
  };
};
