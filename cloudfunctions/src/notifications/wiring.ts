/** Which sender a stage uses: WeChat (with the inbox) where a template is configured, else the inbox. */
import type { Env } from '../lib/config';
import { loadUser } from '../lib/principal';
import { readSecret } from '../lib/secrets';
import { reminderRepository } from './repository';
import { createWeChatSender, inboxSender } from './sender';
import { createNotificationService } from './service';

let service: ReturnType<typeof createNotificationService> | undefined;

export const notificationService = (config: Env) =>
  (service ??= createNotificationService({
    reminders: reminderRepository,
    loadUser,
    leadMinutes: config.REMINDER_LEAD_MINUTES,
    sender:
      config.REMINDER_TEMPLATE_ID && config.WECHAT_APP_ID
        ? createWeChatSender({
            appId: config.WECHAT_APP_ID,
            appSecret: () => readSecret('WeChat app secret', config.WECHAT_APP_SECRET, config.WECHAT_APP_SECRET_PARAMETER),
            templateId: config.REMINDER_TEMPLATE_ID,
            apiBase: config.WECHAT_API_BASE,
          })
        : inboxSender,
  }));
