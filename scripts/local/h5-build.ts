/**
 * Builds the H5 app unless the build on disk already matches the sources: a fingerprint of the
 * files that go into it is kept beside the output, so a second `npm start` skips the 20 s build.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './serverless-config';

export const H5_DIST = path.join(ROOT, 'miniprogram/dist/h5');
const STAMP = path.join(H5_DIST, '.source-fingerprint');
const INPUTS = ['miniprogram/src', 'miniprogram/config', 'miniprogram/babel.config.js', 'miniprogram/package.json', 'shared/src'];

const walk = (entry: string, out: string[]) => {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(entry).sort()) walk(path.join(entry, name), out);
  } else {
    out.push(`${path.relative(ROOT, entry)}:${stat.size}:${stat.mtimeMs}`);
  }
};

const fingerprint = () => {
  const lines: string[] = [];
  for (const input of INPUTS) walk(path.join(ROOT, input), lines);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
};

export const buildH5 = (): void => {
  const result = spawnSync('npm', ['run', 'build:h5', '--silent'], {
    cwd: path.join(ROOT, 'miniprogram'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`H5 build failed:\n${result.stdout}\n${result.stderr}`);
};

/** Returns true when it had to build. */
export const buildH5IfStale = (): boolean => {
  const current = fingerprint();
  const previous = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8') : '';
  if (previous === current && fs.existsSync(path.join(H5_DIST, 'index.html'))) return false;
  buildH5();
  fs.writeFileSync(STAMP, current);
  return true;
};
