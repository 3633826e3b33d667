import Taro, { useRouter } from '@tarojs/taro';
import { signInWithWeChat } from '@/auth/session';
import { showError } from '@/utils/feedback';

/**
 * Sign-in: WeChat's one tap on weapp (the page stays, and shows what a signed-in member sees), the
 * 开发登录 page in the browser, which comes back here afterwards: `back` is this page's own path with its
 * query (a shared activity link), for when there is no page to go back to.
 */
export const goToSignIn = async (back?: string): Promise<void> => {
  if (process.env.TARO_ENV === 'weapp') {
    await signInWithWeChat().catch(showError);
    return;
  }
  await Taro.navigateTo({ url: `/account/login/index${back ? `?back=${encodeURIComponent(back)}` : ''}` });
};

/**
 * A query parameter of the page this component belongs to, read once when the page opened. Never the
 * router's current page: a page still on the stack under another of its kind (one activity's page under
 * another's) would read that one's parameters and show it.
 */
export const useRouteParam = (name: string): string | undefined => useRouter().params?.[name];
