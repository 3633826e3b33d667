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

export interface ConfirmOptions {
  /** The question, naming the action: 确认取消报名？ */
  title: string;
  content?: string;
  /** The button that does it, named for it (WeChat shows at most 4 characters): 取消报名, not 确定. */
  confirmText: string;
  /** The button that does nothing (at most 4 characters). */
  cancelText?: string;
  /** The action cannot be undone or takes something away: its button shows in the warning colour. */
  danger?: boolean;
}

/** WeChat refuses a modal button longer than 4 characters (`confirmText`/`cancelText`). */
export const MODAL_BUTTON_MAX = 4;

/**
 * Asks before an action, with buttons that name it (确认 … ? 取消报名 / 再想想), never 确定 / 取消 on a
 * question about cancelling. The one way the app asks: answers whether to go ahead.
 */
export const confirmAction = async ({ title, content, confirmText, cancelText = '再想想', danger }: ConfirmOptions): Promise<boolean> => {
  // test/architecture/app-conventions.test.ts holds every written button to it; this catches a computed one in development.
  if (process.env.NODE_ENV !== 'production' && [confirmText, cancelText].some((text) => Array.from(text).length > MODAL_BUTTON_MAX)) {
    throw new Error(`「${confirmText}」/「${cancelText}」: a modal button holds at most ${MODAL_BUTTON_MAX} characters`);
  }
  const { confirm } = await Taro.showModal({
    title,
    content: content ?? '',
    confirmText,
    cancelText,
    ...(danger ? { confirmColor: '#c8161d' } : {}),
  });
  return confirm;
};

/** Tells what happened when a toast is too short for it (an outcome with numbers to read): one button, 知道了. */
export const tellResult = async ({ title, content }: { title: string; content: string }): Promise<void> => {
  await Taro.showModal({ title, content, showCancel: false, confirmText: '知道了' });
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
