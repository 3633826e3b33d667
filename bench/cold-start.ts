/**
 * Cold start of every function of serverless.yml: the bundle built as serverless.yml builds it (the same
 * esbuild options, serverless/esbuild.config.js: minified, the AWS SDK clients left out), `require()`d in a
 * fresh Node process as Lambda resolves modules: the DynamoDB client from its layer
 * (serverless/dynamodb-client-layer.js), the other clients from the runtime's copy (here `node_modules`).
 * Median of 10 per function, beside the same with the runtime's DynamoDB client (no layer, as before #20's
 * layer), the bundle's size and its deflated size (what its zip weighs, give or take the headers); and the layer's own.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { bundleOptions } from '../serverless/esbuild.config';
import { buildDynamodbClientLayer } from '../serverless/dynamodb-client-layer';
import { median, type Row } from './lib';

const ROOT = path.resolve(__dirname, '..');

/** Deflated as serverless-esbuild zips a function (archiver's default: best speed), give or take the headers. */
const zipped = (bytes: Buffer) => zlib.deflateRawSync(bytes, { level: zlib.constants.Z_BEST_SPEED }).length;
const kb = (size: number) => `${(size / 1024).toFixed(0)} KB`;

/** `functions`: name → handler module (`cloudfunctions/src/feed/handler`). */
export const coldStartBench = async (functions: Record<string, string>): Promise<Row[]> => {
  // Outside the repository, so nothing is found by walking up to its node_modules: as in /var/task.
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hele-cold-start-'));
  try {
    const layer = await buildDynamodbClientLayer(Object.values(functions), path.join(out, 'layer'));
    // Lambda's NODE_PATH: the layers' nodejs/node_modules first, then the runtime's modules. The baseline: no layer.
    const modulePath = (withLayer: boolean) =>
      [...(withLayer ? [path.join(layer.dir, 'nodejs/node_modules')] : []), path.join(ROOT, 'node_modules')].join(path.delimiter);
    const requireTime = (file: string, withLayer: boolean) => {
      const env = { ...process.env, NODE_PATH: modulePath(withLayer), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const output = execFileSync(
          process.execPath,
          ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(file)});console.log(Number(process.hrtime.bigint()-t)/1e6)`],
          { cwd: out, env },
        );
        times.push(Number(output.toString().trim()));
      }
      return median(times);
    };
    /** A row: the runtime's DynamoDB client as the baseline, the layer's as the subject, timed in turn. */
    const timed = (what: string, file: string): Row => {
      const runtime = requireTime(file, false);
      const layered = requireTime(file, true);
      return {
        what,
        baseline: `${runtime.toFixed(1)} ms (runtime's SDK)`,
        subject: `${layered.toFixed(1)} ms`,
        ratio: `${((100 * layered) / runtime).toFixed(0)} %`,
        invariants: '—',
      };
    };
    const layerFile = path.join(layer.dir, 'nodejs/dynamodb-client.js');
    const rows: Row[] = [
      {
        what: `DynamoDB client layer (bundle ${kb(layer.bytes)}, zipped ≈ ${kb(zipped(fs.readFileSync(layerFile)))}), require() median of 10`,
        baseline: '—',
        subject: `${requireTime(layerFile, true).toFixed(1)} ms`,
        ratio: '—',
        invariants: '—',
      },
    ];
    for (const [name, entry] of Object.entries(functions)) {
      const file = path.join(out, `${name}.js`);
      await build({
        ...bundleOptions,
        entryPoints: [path.join(ROOT, `${entry}.ts`)],
        outfile: file,
        logLevel: 'silent',
      });
      const bytes = fs.readFileSync(file);
      rows.push(timed(`cold start: ${name} (bundle ${kb(bytes.length)}, zipped ≈ ${kb(zipped(bytes))}), require() median of 10`, file));
    }
    return rows;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
};
