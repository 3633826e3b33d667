/**
 * A stand-in for `@tarojs/taro` in component tests: storage in memory, navigation and toasts
 * recorded, `request` answered by the test. Only what the app and NutUI call is here.
 */
import { useEffect, useRef } from 'react';

const storage = new Map<string, unknown>();
let routeParams: Record<string, string> = {};
export const setRouteParams = (params: Record<string, string>) => {
  routeParams = params;
};

export const calls = {
  navigateTo: [] as string[],
  switchTab: [] as string[],
  toasts: [] as string[],
  clipboard: [] as string[],
  /** Each modal as shown: its title, content and buttons. */
  modals: [] as Array<{ title?: string; content?: string; confirmText?: string; cancelText?: string; showCancel?: boolean }>,
  /** How many times a page went back (`navigateBack`). */
  back: [] as number[],
  /** Files sent to the bucket (`uploadFile`): where to, and which. */
  uploads: [] as Array<{ url: string; filePath: string }>,
};

/** How many pages are open (`getCurrentPages`): 1, or more when a page was opened from another. */
let openPages = 1;
export const setOpenPages = (count: number) => {
  openPages = count;
};

let modalAnswer = true;
/** How the person answers the next dialogs (`showModal`): confirm (the default), or cancel. */
export const answerModals = (confirm: boolean) => {
  modalAnswer = confirm;
};

let chosenImages: Array<{ path: string; size: number; originalFileObj?: { type?: string } }> = [];
/** What the image picker (`chooseImage`) hands back. */
export const chooseImages = (files: typeof chosenImages) => {
  chosenImages = files;
};

export type RequestHandler = (options: { url: string; method: string; data?: string; header: Record<string, string> }) => {
  statusCode: number;
  data: unknown;
};
let requestHandler: RequestHandler = () => ({ statusCode: 599, data: {} });
export const answerRequests = (handler: RequestHandler) => {
  requestHandler = handler;
};

export const resetTaro = () => {
  storage.clear();
  calls.navigateTo.length = 0;
  calls.switchTab.length = 0;
  calls.toasts.length = 0;
  calls.clipboard.length = 0;
  calls.back.length = 0;
  routeChangeListeners.length = 0;
  calls.modals.length = 0;
  openPages = 1;
  calls.uploads.length = 0;
  modalAnswer = true;
  chosenImages = [];
  requestHandler = () => ({ statusCode: 599, data: {} });
  routeParams = {};
  pageShown = false;
  showListeners = 0;
};

/** Who waits for the next page to be in place (`eventCenter.once('__afterTaroRouterChange')`): told on every navigation. */
const routeChangeListeners: Array<() => void> = [];
const routeChanged = () => {
  for (const listener of routeChangeListeners.splice(0)) listener();
};

const runOnMount = (callback: () => void) => useEffect(() => void callback(), []);

/**
 * As Taro: a page shows once its first render is in, and `useDidShow` runs then for whoever was mounted by
 * that time; a component mounted later (after the page's data came) waits for the next show. The page counts
 * as gone, and shows again, once everyone listening has unmounted.
 */
let pageShown = false;
let showListeners = 0;
const useDidShowAsTaro = (callback: () => void) => {
  const mountedBeforeShow = useRef(!pageShown);
  useEffect(() => {
    showListeners++;
    if (mountedBeforeShow.current) {
      callback();
      queueMicrotask(() => {
        if (showListeners > 0) pageShown = true;
      });
    }
    return () => {
      if (--showListeners === 0) pageShown = false;
    };
  }, []);
};

const Taro = {
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  request: async (options: Parameters<RequestHandler>[0]) => requestHandler(options),
  showToast: async ({ title }: { title: string }) => void calls.toasts.push(title),
  navigateTo: async ({ url }: { url: string }) => {
    calls.navigateTo.push(url);
    routeChanged();
  },
  switchTab: async ({ url }: { url: string }) => {
    calls.switchTab.push(url);
    routeChanged();
  },
  navigateBack: async ({ delta = 1 }: { delta?: number } = {}) => {
    calls.back.push(delta);
    routeChanged();
  },
  getCurrentPages: () => Array.from({ length: openPages }, () => ({})),
  stopPullDownRefresh: () => undefined,
  login: async () => ({ code: 'wx-code' }),
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2, platform: 'devtools' }),
  getWindowInfo: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
  pxTransform: (size: number) => `${size / 2}px`,
  nextTick: (callback: () => void) => setTimeout(callback, 0),
  createSelectorQuery: () => {
    const query = {
      select: () => query,
      selectAll: () => query,
      boundingClientRect: () => query,
      exec: (callback?: (result: unknown[]) => void) => callback?.([]),
    };
    return query;
  },
  eventCenter: {
    on: () => undefined,
    off: () => undefined,
    trigger: () => undefined,
    once: (event: string, listener: () => void) => {
      if (event === '__afterTaroRouterChange') routeChangeListeners.push(listener);
    },
  },
  getCurrentInstance: () => ({ router: { params: routeParams }, page: {} }),
  showModal: async (options: (typeof calls.modals)[number]) => {
    calls.modals.push(options);
    return { confirm: modalAnswer, cancel: !modalAnswer };
  },
  // Nothing scrolls here: whatever is observed is on screen at once.
  createIntersectionObserver: () => {
    const observer = {
      relativeToViewport: () => observer,
      observe: (_selector: string, callback: (result: { intersectionRatio: number }) => void) => callback({ intersectionRatio: 1 }),
      disconnect: () => undefined,
    };
    return observer;
  },
  setClipboardData: async ({ data }: { data: string }) => void calls.clipboard.push(data),
  chooseImage: async () => ({ tempFiles: chosenImages }),
  /** The bucket takes every file (204); the task reports progress as `Taro.uploadFile`'s does. */
  uploadFile: ({ url, filePath }: { url: string; filePath: string }) => {
    calls.uploads.push({ url, filePath });
    return Object.assign(Promise.resolve({ statusCode: 204, data: '' }), { progress: () => undefined });
  },
  setNavigationBarTitle: async () => undefined,
  arrayBufferToBase64: (buffer: ArrayBuffer) => Buffer.from(buffer).toString('base64'),
  redirectTo: async ({ url }: { url: string }) => {
    calls.navigateTo.push(url);
    routeChanged();
  },
  pageScrollTo: async () => undefined,
};

export default Taro;
export const useLaunch = runOnMount;
export const useLoad = runOnMount;
export const useDidShow = useDidShowAsTaro;
export const useReady = runOnMount;
export const usePullDownRefresh = () => undefined;
export const useReachBottom = () => undefined;
export const usePageScroll = () => undefined;
export const useShareAppMessage = () => undefined;
export const useShareTimeline = () => undefined;
export const useRouter = () => ({ params: routeParams });
export const { getEnv, ENV_TYPE, getSystemInfoSync, pxTransform, createSelectorQuery, getCurrentInstance, nextTick, eventCenter } = Taro;
