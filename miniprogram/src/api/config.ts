/**
 * Where the API is. The weapp build bakes it in (TARO_APP_API_BASE); the H5 build asks the page,
 * which the app server fills in, so one H5 build serves any local port.
 */
export const apiBase = (): string => {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.__HELE_CONFIG__?.apiBase) {
    return window.__HELE_CONFIG__.apiBase;
  }
  return process.env.TARO_APP_API_BASE;
};

/** Where the live feed's WebSocket API is (weapp: TARO_APP_SOCKET_BASE; H5: the page's config). */
export const socketBase = (): string | undefined => {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.__HELE_CONFIG__?.socketBase) {
    return window.__HELE_CONFIG__.socketBase;
  }
  return process.env.TARO_APP_SOCKET_BASE || undefined;
};
