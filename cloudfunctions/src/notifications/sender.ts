/**
 * How a reminder reaches the member. Always: the in-app inbox (我的 › 消息). In production, also
 * WeChat's subscribe message, when the mini-program has a template id and the member accepted.
 */
import type { ReminderFields } from '@hele/shared';
import { postMessage } from '../domain/inbox';
import { createSubscribeSender } from '../lib/wechat-subscribe';
import type { WeChatAppOptions } from '../lib/wechat-token';

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

export interface WeChatSenderOptions extends WeChatAppOptions {
  templateId: string;
}

/**
 * WeChat subscribe message (subscribeMessage.send) with the app's access token. The inbox gets the message too once WeChat has answered for good.
 */
export const createWeChatSender = ({ templateId, ...app }: WeChatSenderOptions): ReminderSender => {
  const send = createSubscribeSender(app);
  return {
    async send(delivery) {
      await send({ openid: delivery.openid, templateId, page: `activity/detail/index?id=${delivery.activityId}`, fields: delivery.fields });
      // After WeChat: a retried delivery must not leave two copies in the inbox.
      await inboxSender.send(delivery);
    },
  };
};
