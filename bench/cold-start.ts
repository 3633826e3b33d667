/**
 * Cold start of every function of serverless.yml: the bundle built as serverless.yml builds it (the same
 * esbuild options, serverless/esbuild.config.js: minified, the AWS SDK clients left to the runtime), `require()`d in a fresh Node process; median of 10 per function, beside the
 * bundle's size and its deflated size (what its zip weighs, give or take the headers).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { bundleOptions } from '../serverless/esbuild.config';
import { median, type Row } from './lib';

const ROOT = path.resolve(__dirname, '..');

/** Deflated as serverless-esbuild zips a function (archiver's default: best speed), give or take the headers. */
const zipped = (bytes: Buffer) => zlib.deflateRawSync(bytes, { level: zlib.constants.Z_BEST_SPEED }).length;

/** `functions`: name → handler module (`cloudfunctions/src/feed/handler`). */
export const coldStartBench = async (functions: Record<string, string>): Promise<Row[]> => {
  // Inside the repository, so the bundles resolve what they leave out from node_modules as Lambda's runtime provides it.
  const out = path.join(ROOT, 'node_modules/.cache/hele-bench');
  fs.mkdirSync(out, { recursive: true });
  const rows: Row[] = [];
  for (const [name, entry] of Object.entries(functions)) {
    const file = path.join(out, `${name}.js`);
    await build({
      ...bundleOptions,
      entryPoints: [path.join(ROOT, `${entry}.ts`)],
      outfile: file,
      logLevel: 'silent',
    });
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const output = execFileSync(
        process.execPath,
        ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(file)});console.log(Number(process.hrtime.bigint()-t)/1e6)`],
        { cwd: ROOT, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
      );
      times.push(Number(output.toString().trim()));
    }
    const bytes = fs.readFileSync(file);
    const kb = (size: number) => `${(size / 1024).toFixed(0)} KB`;
    rows.push({
      what: `cold start: ${name} (bundle ${kb(bytes.length)}, zipped ≈ ${kb(zipped(bytes))}), require() median of 10`,
      baseline: '—',
      subject: `${median(times).toFixed(1)} ms`,
      ratio: '—',
      invariants: '—',
    });
  }
  return rows;
};
