/**
 * The signed-in user, kept in storage across launches. On weapp signing in is `Taro.login` →
 * `/auth/login`; on H5 (local stage only) it is the 开发登录 name the user picked.
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { DEV_CODE_PREFIX, type User } from '@hele/shared';
import { api } from '@/api';
import { setSessionHooks } from '@/api/http';

const SESSION_KEY = 'hele.session';
const DEV_NAME_KEY = 'hele.devName';

interface Session {
  token: string;
  user: User;
}

type Listener = (user: User | undefined) => void;
const listeners = new Set<Listener>();

const read = (): Session | undefined => {
  const value = Taro.getStorageSync(SESSION_KEY) as Session | '';
  return value || undefined;
};

const publish = () => {
  const user = read()?.user;
  for (const listener of listeners) listener(user);
};

const signInWithCode = async (code: string): Promise<User> => {
  const { token, user } = await api.auth.login({ body: { code } });
  Taro.setStorageSync(SESSION_KEY, { token, user } satisfies Session);
  publish();
  return user;
};

/** Local stage (H5): sign in as one of the dev names and remember it for silent renewal. */
export const signInAsDev = async (name: string): Promise<User> => {
  const user = await signInWithCode(`${DEV_CODE_PREFIX}${name}`);
  Taro.setStorageSync(DEV_NAME_KEY, name);
  return user;
};

/** WeChat: a fresh `wx.login` code each time (valid 5 minutes, usable once). */
export const signInWithWeChat = async (): Promise<User> => {
  const { code } = await Taro.login();
  return signInWithCode(code);
};

export const signOut = (): void => {
  Taro.removeStorageSync(SESSION_KEY);
  Taro.removeStorageSync(DEV_NAME_KEY);
  publish();
};

export const currentUser = (): User | undefined => read()?.user;
/** The session token, for the one place that cannot go through `request`: the feed's WebSocket. */
export const currentToken = (): string | undefined => read()?.token;

/** Keeps the user the server answered (their own profile, after a change) for every page. */
export const storeUser = (user: User): void => {
  const session = read();
  if (!session) return;
  Taro.setStorageSync(SESSION_KEY, { ...session, user });
  publish();
};

/** Refreshes the stored user: roles may have changed on the server, and the avatar's link expires. */
export const refreshUser = async (): Promise<User | undefined> => {
  if (!read()) return undefined;
  const { user } = await api.account.me();
  storeUser(user);
  return user;
};

const renew = async (): Promise<boolean> => {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      await signInWithWeChat();
      return true;
    }
    const devName = Taro.getStorageSync(DEV_NAME_KEY) as string;
    if (!devName) return false;
    await signInAsDev(devName);
    return true;
  } catch {
    signOut();
    return false;
  }
};

setSessionHooks({ token: () => read()?.token, renew });

/** The signed-in user, re-rendering when it changes. */
export const useCurrentUser = (): User | undefined => {
  const [user, setUser] = useState<User | undefined>(currentUser);
  useEffect(() => {
    listeners.add(setUser);
    return () => {
      listeners.delete(setUser);
    };
  }, []);
  return user;
};
