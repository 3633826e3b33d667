/**
 * The phone number behind the code of WeChat's getPhoneNumber button, exchanged on the server
 * (phonenumber.getPhoneNumber). On the local stage `dev-phone:<number>` stands in for it, as
 * `dev:<name>` does for sign-in; elsewhere such a code is refused.
 */
import { DEV_PHONE_PREFIX, MainlandPhone } from '@hele/shared';
import * as z from 'zod';
import { LOCAL_STAGE } from '../lib/config';
import { UpstreamError, ValidationError } from '../lib/errors';
import { createWeChatApi, type WeChatAppOptions } from '../lib/wechat-token';

export type PhoneExchange = (code: string) => Promise<string>;

const PhoneReply = z.object({
  errcode: z.number().default(0),
  errmsg: z.string().optional(),
  phone_info: z.object({ purePhoneNumber: z.string(), countryCode: z.string().optional() }).optional(),
});

/** errcode 40029: the code is invalid or used (each is good once, for five minutes). */
const INVALID_CODE = 40029;

export const createPhoneExchange = (stage: string, wechat: WeChatAppOptions | undefined): PhoneExchange => {
  const call = wechat ? createWeChatApi(wechat) : undefined;
  return async (code) => {
    if (code.startsWith(DEV_PHONE_PREFIX)) {
      if (stage !== LOCAL_STAGE) throw ValidationError.field('code', '开发手机号只在本地环境可用');
      const phone = MainlandPhone.safeParse(code.slice(DEV_PHONE_PREFIX.length));
      if (!phone.success) throw ValidationError.field('code', phone.error.issues[0]?.message ?? '手机号格式不正确');
      return phone.data;
    }
    if (!call) throw new UpstreamError('WeChat app id is not configured: no phone code can be exchanged');
    const reply = await call('/wxa/business/getuserphonenumber', { code }, PhoneReply, 'WeChat getuserphonenumber');
    if (reply.errcode === INVALID_CODE) throw ValidationError.field('code', '手机号授权已失效，请重新获取');
    if (reply.errcode !== 0 || !reply.phone_info) throw new UpstreamError(`WeChat getuserphonenumber failed (${reply.errcode})`);
    return reply.phone_info.purePhoneNumber;
  };
};
