import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';
import { appEndpoints } from './release';

// NutUI's styles are drawn for a 375 px wide screen; our own for Taro's default 750.
// The shared package is TypeScript source: compile it like our own.
const sharedSource = path.resolve(__dirname, '../../shared/src');

// Taro copies this function into the H5 runtime (pxTransform), so it must stay plain JavaScript.
const designWidth = (input?: unknown) => {
  const file = (input as { file?: string } | undefined)?.file ?? '';
  return String(file).replace(/\\+/g, '/').indexOf('@nutui') > -1 ? 375 : 750;
};

export default defineConfig<'webpack5'>(async (merge) => {
  const { apiBase, socketBase } = appEndpoints(process.env);
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'hele-center',
    date: '2026-11-28',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    // Every TARO_APP_* the code reads must be defined here, or WeChat sees a bare `process.env`.
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
      TARO_APP_SOCKET_BASE: JSON.stringify(socketBase),
      TARO_APP_RELEASE: JSON.stringify(process.env.HELE_RELEASE === '1' ? '1' : ''),
      // The subscribe-message template of activity reminders (WeChat console); empty: in-app only.
      TARO_APP_REMINDER_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_REMINDER_TEMPLATE_ID ?? ''),
      // The templates of outcomes a member may be told of (`leave_result:<id>,…`, as the stage's noticeTemplates).
      TARO_APP_NOTICE_TEMPLATES: JSON.stringify(process.env.TARO_APP_NOTICE_TEMPLATES ?? ''),
    },
    defineConstants: {},
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: [sharedSource] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      compile: { include: [sharedSource] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
