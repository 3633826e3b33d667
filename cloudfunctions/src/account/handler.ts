/** The account routes: the caller's profile, avatar and phone, the export of their data, and closing the account. */
import { accountRoutes } from '@hele/shared/contract/account';
import { createRegistrationEngine } from '../domain/activities/registration-engine';
import { activityRepository } from '../domain/activities/repository';
import { ledger } from '../domain/ledger';
import { env, LOCAL_STAGE } from '../lib/config';
import { stageContentChecker } from '../lib/content-check';
import { createHttpHandler } from '../lib/http';
import { readSecret } from '../lib/secrets';
import { mediaStorage } from '../lib/storage';
import { createAccountCloser } from './close';
import { createPhoneExchange, type PhoneExchange } from './phone';
import { createAccountService, type AccountService } from './service';

let phoneExchange: { config: string; exchange: PhoneExchange } | undefined;
/** WeChat where the stage has an app; the access token is kept for the container (read per call: tests change the stage). */
const phone = (): PhoneExchange => {
  const { STAGE, WECHAT_APP_ID, WECHAT_APP_SECRET, WECHAT_APP_SECRET_PARAMETER, WECHAT_API_BASE } = env();
  const config = `${STAGE} ${WECHAT_APP_ID} ${WECHAT_API_BASE}`;
  if (phoneExchange?.config !== config) {
    const wechat =
      STAGE !== LOCAL_STAGE && WECHAT_APP_ID
        ? {
            appId: WECHAT_APP_ID,
            appSecret: () => readSecret('WeChat app secret', WECHAT_APP_SECRET, WECHAT_APP_SECRET_PARAMETER),
            apiBase: WECHAT_API_BASE,
          }
        : undefined;
    phoneExchange = { config, exchange: createPhoneExchange(STAGE, wechat) };
  }
  return phoneExchange.exchange;
};

let service: AccountService | undefined;
const account = (): AccountService => {
  if (service) return service;
  const media = mediaStorage(env().MEDIA_BUCKET);
  const engine = createRegistrationEngine({ repository: activityRepository });
  service = createAccountService({
    media,
    phone,
    close: createAccountCloser({ engine, activities: activityRepository, ledger, media }),
    checker: stageContentChecker(),
  });
  return service;
};

export const handler = createHttpHandler(accountRoutes, {
  me: async ({ caller }) => await account().me(caller),
  update: async ({ body, caller }) => await account().update(body, caller),
  avatarUpload: async ({ body, caller }) => ({ upload: await account().avatarUpload(body, caller) }),
  phone: async ({ body, caller }) => await account().setPhone(body.code, caller),
  export: async ({ caller }) => await account().exportData(caller),
  close: async ({ caller }) => await account().close(caller),
});
