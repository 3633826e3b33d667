/**
 * `npm test`: every check, in an order that fails fast and never runs two heavy jobs at once
 * (2 cores): lint and format, type checks, unit and integration tests, both app builds, the deploy packages
 * (Hong Kong, and mainland China on its own domains), then the packaging checks and the browser tests on
 * the builds just made.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CHINA_REGION, chinaPackageArgs } from '../test/packaging/china-stage';

const ROOT = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// Jimp (feed thumbnails) loads its file-type sniffer with a dynamic import(), which jest runs only
// with Node's VM modules; the app's tests load Taro's .mjs files the other way, so they run apart.
const JEST_ENV = {
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--disable-warning=ExperimentalWarning'].filter(Boolean).join(' '),
};

/** shared/src/rules holds the domain's pure rules: what must hold of them is tested, all of it. */
const RULES_COVERAGE = { lines: 98, statements: 90, branches: 90, functions: 95 };

const steps: Array<{ name: string; command: string; args: string[]; cwd?: string; env?: NodeJS.ProcessEnv }> = [
  { name: 'lint and format (biome ci)', command: bin('biome'), args: ['ci', '.'] },
  { name: 'type check (tsc -b)', command: bin('tsc'), args: ['-b'] },
  {
    name: 'unit tests with the coverage of the domain rules',
    command: bin('jest'),
    args: [
      '--selectProjects',
      'shared',
      '--coverage',
      '--collectCoverageFrom=shared/src/rules/**/*.ts',
      '--collectCoverageFrom=!shared/src/rules/**/*.test.ts',
      `--coverageThreshold=${JSON.stringify({ global: RULES_COVERAGE })}`,
      '--coverageReporters=text-summary',
    ],
  },
  { name: 'architecture and component tests', command: bin('jest'), args: ['--selectProjects', 'architecture', 'miniprogram', 'native'] },
  { name: 'integration tests (local DynamoDB and S3)', command: bin('jest'), args: ['--selectProjects', 'cloudfunctions'], env: JEST_ENV },
  {
    name: 'weapp production build',
    command: 'npm',
    args: ['run', 'build:weapp', '--silent'],
    cwd: path.join(ROOT, 'miniprogram'),
    env: { NODE_ENV: 'production' },
  },
  {
    name: 'H5 production build',
    command: 'npm',
    args: ['run', 'build:h5', '--silent'],
    cwd: path.join(ROOT, 'miniprogram'),
    env: { NODE_ENV: 'production' },
  },
  // The prod stage for a center in mainland China (partition aws-cn, its own domains: test/packaging/china-stage.ts),
  // first: packaging into another folder still empties .serverless/.
  {
    name: `deploy package for the China regions (sls package --stage prod --region ${CHINA_REGION})`,
    command: bin('sls'),
    args: chinaPackageArgs(),
  },
  { name: 'deploy package (sls package --stage prod)', command: bin('sls'), args: ['package', '--stage', 'prod'] },
  { name: 'package checks and browser tests', command: bin('jest'), args: ['--selectProjects', 'packaging', 'e2e', '--runInBand'] },
];

const only = process.argv.slice(2);
const timings: string[] = [];
const started = Date.now();
for (const step of steps) {
  if (only.length && !only.some((word) => step.name.includes(word))) continue;
  console.log(`\n▶ ${step.name}`);
  const t0 = Date.now();
  const result = spawnSync(step.command, step.args, {
    cwd: step.cwd ?? ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  timings.push(`${step.name}: ${seconds} s`);
  if (result.status !== 0) {
    console.error(`\n✖ ${step.name} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    process.exit(1);
  }
}
console.log(`\n✔ all checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const line of timings) console.log(`  ${line}`);
