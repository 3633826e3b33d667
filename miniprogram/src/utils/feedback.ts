import Taro from '@tarojs/taro';
import { ApiError } from '@/api';

/** Chinese wording for the API's error codes; the server's English message is the fallback. */
const MESSAGES: Record<string, string> = {
  NETWORK: '网络连接失败，请稍后再试',
  UNAUTHENTICATED: '请先登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限',
  VALIDATION_FAILED: '填写的内容有误',
  TOO_MANY_REQUESTS: '操作太频繁，请稍后再试',
};

export const errorMessage = (error: unknown): string => {
  if (error instanceof ApiError) return MESSAGES[error.code] ?? error.message;
  return '出错了，请稍后再试';
};

export const showError = (error: unknown): void => {
  void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 });
};
