/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5';
    /** API base address baked into the weapp build; the H5 build reads it at run time instead. */
    TARO_APP_API_BASE: string;
    TARO_APP_REMINDER_TEMPLATE_ID: string;
    /** `leave_result:<id>,hours_result:<id>,activity_cancelled:<id>`: the outcomes a member may also hear of by WeChat. */
    TARO_APP_NOTICE_TEMPLATES: string;
    /** The live feed's WebSocket address baked into the weapp build (wss:// in production). */
    TARO_APP_SOCKET_BASE: string;
    /** '1' in the build uploaded to WeChat (HELE_RELEASE=1): it offers no dev sign-in, which its stage refuses. */
    TARO_APP_RELEASE: string;
  }
}

interface Window {
  /** Written by the local app server (`/hele-config.js`). */
  __HELE_CONFIG__?: { apiBase?: string; socketBase?: string };
}
