import { env } from '../lib/config';
import { createHttpHandler } from '../lib/http';
import { readSecret } from '../lib/secrets';
import { dynamoUserRepository } from './repository';
import { login } from './service';
import { throttleLogin } from './throttle';
import { createWeChatSessionClient } from './wechat';
import { authRoutes } from '@hele/shared/contract/auth';

const deps = () => {
  const { STAGE, WECHAT_APP_ID, WECHAT_APP_SECRET, WECHAT_APP_SECRET_PARAMETER, WECHAT_API_BASE } = env();
  return {
    stage: STAGE,
    users: dynamoUserRepository,
    wechat: createWeChatSessionClient({
      appId: WECHAT_APP_ID,
      appSecret: () => readSecret('WeChat app secret', WECHAT_APP_SECRET, WECHAT_APP_SECRET_PARAMETER),
      apiBase: WECHAT_API_BASE,
    }),
  };
};

export const handler = createHttpHandler(authRoutes, {
  login: async ({ body, sourceIp }) => {
    await throttleLogin(body.code, sourceIp);
    return await login(body.code, deps());
  },
});
