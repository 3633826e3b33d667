import Taro, { useRouter } from '@tarojs/taro';
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

/**
 * A query parameter of the page the component is on, as it was opened. A hook: `getCurrentInstance()`
 * names the page on top, which is another page's when this one renders underneath it (the sign-in page
 * a page opened signs the person in, and the page below re-renders with the new user).
 */
export const useRouteParam = (name: string): string | undefined => useRouter().params?.[name];
