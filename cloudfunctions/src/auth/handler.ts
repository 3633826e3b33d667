import { LoginRequest } from '@hele/shared';
import { env } from '../lib/config';
import { createHttpHandler, ok, route } from '../lib/http';
import { readSecret } from '../lib/secrets';
import { dynamoUserRepository } from './repository';
import { login } from './service';
import { createWeChatSessionClient } from './wechat';

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

export const handler = createHttpHandler({
  'POST /auth/login': route({
    access: 'public',
    body: LoginRequest,
    handle: async ({ body }) => ok(await login(body.code, deps())),
  }),
  'GET /me': route({
    access: 'user',
    handle: async ({ caller }) => ok({ user: caller }),
  }),
});
