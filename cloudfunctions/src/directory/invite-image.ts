/**
 * An invitation as a picture to show in the branch's group or meeting room: on WeChat a 小程序码
 * (wxacode.getUnlimited, the code in `scene`, opening the join page); where the stage has no WeChat
 * app (the local stage) a plain QR of the H5 join link, which a phone's camera opens as well.
 */
import type { Env } from '../lib/config';
import { createWeChatImageApi, stageWeChatApp } from '../lib/wechat-token';
import type { InviteRecord } from './repository';

export const joinLink = (appOrigin: string, code: string) => `${appOrigin.replace(/\/$/, '')}/join?code=${code}`;

export const inviteImageSource = (config: Env) => {
  const app = stageWeChatApp(config);
  if (app) {
    const image = createWeChatImageApi(app);
    return (invite: InviteRecord) =>
      image(
        '/wxa/getwxacodeunlimit',
        { scene: invite.code, page: config.INVITE_PAGE, check_path: false, width: 430 },
        'WeChat wxacode.getUnlimited',
      );
  }
  return async (invite: InviteRecord) => {
    // Loaded only here: the QR encoder is for stages without a WeChat app.
    const { toBuffer } = await import('qrcode');
    return new Uint8Array(
      await toBuffer(joinLink(config.APP_ORIGIN, invite.code), { type: 'png', width: 480, margin: 2, errorCorrectionLevel: 'M' }),
    );
  };
};
