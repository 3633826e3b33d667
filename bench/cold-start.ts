/**
 * Cold start of every function of serverless.yml: the bundle built as serverless.yml builds it (esbuild,
 * minified, the AWS SDK clients left to the runtime), `require()`d in a fresh Node process; median of 10
 * per function, beside the bundle's size and its deflated size (what its zip weighs, give or take the headers).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { median, type Row } from './lib';

const ROOT = path.resolve(__dirname, '..');

/** `functions`: name → handler module (`cloudfunctions/src/feed/handler`). */
export const coldStartBench = async (functions: Record<string, string>): Promise<Row[]> => {
  // Inside the repository, so the bundles resolve the AWS SDK from node_modules as Lambda's runtime provides it.
  const out = path.join(ROOT, 'node_modules/.cache/hele-bench');
  fs.mkdirSync(out, { recursive: true });
  const rows: Row[] = [];
  for (const [name, entry] of Object.entries(functions)) {
    const file = path.join(out, `${name}.js`);
    await build({
      entryPoints: [path.join(ROOT, `${entry}.ts`)],
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node20',
      // What serverless.yml's esbuild.exclude leaves to the runtime (the presigners are bundled).
      external: ['@aws-sdk/client-*', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'],
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
      what: `cold start: ${name} (bundle ${kb(bytes.length)}, zipped ≈ ${kb(zlib.deflateRawSync(bytes, { level: 9 }).length)}), require() median of 10`,
      baseline: '—',
      subject: `${median(times).toFixed(1)} ms`,
      ratio: '—',
      invariants: '—',
    });
  }
  return rows;
};
