/**
 * Every jest test of the project, as projects: `npm test` (scripts/test.ts) runs the fast ones
 * first, then builds the apps and runs the packaging and browser projects.
 */
const swc = (jsx = false) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: jsx },
      target: 'es2022',
      transform: jsx ? { react: { runtime: 'automatic' } } : undefined,
    },
    module: { type: 'commonjs' },
  },
];

const node = (name, roots, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots,
  transform: { '^.+\\.tsx?$': swc() },
  testMatch: ['**/*.test.ts'],
  ...extra,
});

const miniprogram = (name, testMatch, extra = {}) => ({
  displayName: name,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/miniprogram'],
  testMatch,
  transform: { '^.+\\.(t|j)sx?$|^.+\\.mjs$': swc(true) },
  // NutUI and Taro's React components ship as ES modules: compile them too.
  transformIgnorePatterns: ['/node_modules/(?!(@nutui|@tarojs|.pnpm|tslib|@stencil|swiper|ssr-window|dom7|hls.js|classnames|lodash-es)/)'],
  // Flags Taro's build defines for its runtime.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/miniprogram/test/taro-double.ts',
    '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react/index.js',
    // Pictures the app imports are addresses in its own package: a name is enough here (before `@/`, which would load the file).
    '\\.(png|jpg|gif)$': '<rootDir>/miniprogram/test/file-stub.js',
    '^@/(.*)$': '<rootDir>/miniprogram/src/$1',
    '\\.(css|scss)$': '<rootDir>/miniprogram/test/style-stub.js',
  },
  ...extra,
});

module.exports = {
  projects: [
    node('shared', ['<rootDir>/shared/src']),
    node('architecture', ['<rootDir>/test/architecture']),
    node('cloudfunctions', ['<rootDir>/cloudfunctions', '<rootDir>/bench/limits'], {
      globalSetup: '<rootDir>/cloudfunctions/test/global-setup.ts',
      globalTeardown: '<rootDir>/cloudfunctions/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/cloudfunctions/test/setup.ts'],
    }),
    miniprogram('miniprogram', ['**/src/**/*.test.tsx'], { setupFilesAfterEnv: ['<rootDir>/miniprogram/test/setup-react.ts'] }),
    miniprogram('native', ['**/src/components/**/*.native.test.ts']),
    node('packaging', ['<rootDir>/test/packaging']),
    node('e2e', ['<rootDir>/test/e2e'], { setupFilesAfterEnv: ['<rootDir>/test/e2e/setup.ts'] }),
  ],
};
