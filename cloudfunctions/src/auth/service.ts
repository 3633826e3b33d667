import { DEV_CODE_PREFIX, DEV_USERS, DevName, ErrorCode, Role, WECHAT_DEFAULT_NICKNAME, type LoginResponse } from '@hele/shared';
import { LOCAL_STAGE } from '../lib/config';
import { UnauthenticatedError, ValidationError } from '../lib/errors';
import { toPrincipal } from '../lib/principal';
import { issueSessionToken } from '../lib/session';
import type { UserRepository } from './repository';
import type { WeChatSessionClient } from './wechat';

export interface AuthDeps {
  stage: string;
  users: UserRepository;
  wechat: WeChatSessionClient;
  now?: () => Date;
}

/**
 * Sign-in. On the local stage `dev:<name>` signs in as that name (seeded names get their roles);
 * everywhere else the code goes to WeChat. New users are plain members: roles are granted later.
 */
export const login = async (code: string, deps: AuthDeps): Promise<LoginResponse> => {
  const now = deps.now?.() ?? new Date();
  let openid: string;
  let nickname = WECHAT_DEFAULT_NICKNAME;
  let roles: Role[] = [Role.MEMBER];
  if (code.startsWith(DEV_CODE_PREFIX)) {
    if (deps.stage !== LOCAL_STAGE) {
      throw new UnauthenticatedError('Dev sign-in exists only on the local stage', ErrorCode.DEV_LOGIN_DISABLED);
    }
    const name = DevName.safeParse(code.slice(DEV_CODE_PREFIX.length));
    if (!name.success) throw ValidationError.field('code', name.error.issues[0]?.message ?? '开发登录名不正确');
    const seeded = DEV_USERS.find((user) => user.name === name.data);
    openid = `${DEV_CODE_PREFIX}${name.data}`;
    nickname = seeded?.nickname ?? name.data;
    roles = seeded ? [...seeded.roles] : roles;
  } else {
    ({ openid } = await deps.wechat.code2Session(code));
  }
  const user = await deps.users.findOrCreate({ openid, nickname, roles }, now);
  return { token: await issueSessionToken(user, now), user: toPrincipal(user) };
};
