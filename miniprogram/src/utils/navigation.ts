import Taro from '@tarojs/taro';
import { signInWithWeChat } from '@/auth/session';
import { showError } from '@/utils/feedback';

/** Sign-in: WeChat's one tap on weapp, the 开发登录 page in the browser. */
export const goToSignIn = async (): Promise<void> => {
  if (process.env.TARO_ENV === 'weapp') {
    await signInWithWeChat().catch(showError);
    return;
  }
  await Taro.navigateTo({ url: '/account/login/index' });
};

/** Reads a page's query parameter (Taro passes them on the router). */
export const routeParam = (name: string): string | undefined => Taro.getCurrentInstance().router?.params?.[name];
