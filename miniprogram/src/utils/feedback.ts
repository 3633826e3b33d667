import Taro from '@tarojs/taro';
import { errorWording, isExplained } from '@hele/shared';
import { ApiError } from '@/api';

/**
 * What a person reads when something failed: the Chinese wording of the server's code (shared
 * registry, so every code has one), or the app's own wording for a failure before any answer.
 * The server's English message is never shown.
 */
export const errorMessage = (error: unknown): string => {
  if (!(error instanceof ApiError)) return '出错了，请稍后再试';
  const wording = errorWording(error.code) ?? error.wording ?? '出错了，请稍后再试';
  // An invalid form: the first field's problem, in Chinese, says what to change; some rules explain themselves.
  const detail = error.details[0]?.message;
  if (detail && isExplained(error.code)) return detail;
  return error.code === 'VALIDATION_FAILED' && detail ? `${wording}：${detail}` : wording;
};

export const showError = (error: unknown): void => {
  void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 });
};

/**
 * A toast that says what was done, for the page the person is taken to next. In the browser Taro hides
 * every toast when the route changes, so there it waits for the next page to be in place (the router's own
 * event, after which Taro's hiding has run); WeChat keeps a toast across pages. Call it before navigating.
 */
export const toastOnNextPage = (options: { title: string; icon?: 'success' | 'none' }): void => {
  if (process.env.TARO_ENV !== 'h5') {
    void Taro.showToast(options);
    return;
  }
  Taro.eventCenter.once('__afterTaroRouterChange', () => void Taro.showToast(options));
};
