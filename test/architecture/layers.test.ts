/**
 * The directions the code's dependencies may take (README, Architecture): a feature uses `lib/`
 * (plumbing) and `domain/` (business writes several features share) and never another feature;
 * `domain/` uses no feature; `lib/` uses neither; `shared/` imports nothing of ours; the app never
 * imports cloud code. Tests may reach anywhere.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const FUNCTIONS = 'cloudfunctions/src';

const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file && fs.existsSync(path.join(ROOT, file)) && !/(\.test|-fixtures)\.tsx?$/.test(file) && !file.includes('/test/'));

/** Every relative import of a file, resolved to a path from the root. */
const importsOf = (file: string): string[] =>
  [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map(([, spec]) =>
    path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec!)),
  );

/** `lib`, `domain`, or the feature a cloud file belongs to. */
const layerOf = (file: string) => file.slice(FUNCTIONS.length + 1).split('/')[0]!;

const violations = (files: string[], allowed: (file: string, target: string) => boolean) =>
  files.flatMap((file) =>
    importsOf(file)
      .filter((target) => !allowed(file, target))
      .map((target) => `${file} → ${target}`),
  );

describe('dependency directions', () => {
  const cloud = sources.filter((file) => file.startsWith(`${FUNCTIONS}/`));

  it('lib/ uses only lib/', () => {
    const lib = cloud.filter((file) => layerOf(file) === 'lib');
    expect(lib.length).toBeGreaterThan(5);
    expect(violations(lib, (_, target) => target.startsWith(`${FUNCTIONS}/lib/`))).toEqual([]);
  });

  it('domain/ uses lib/ and domain/, never a feature', () => {
    const domain = cloud.filter((file) => layerOf(file) === 'domain');
    expect(domain.length).toBeGreaterThan(5);
    expect(violations(domain, (_, target) => ['lib', 'domain'].includes(layerOf(target)))).toEqual([]);
  });

  it('a feature uses itself, lib/ and domain/, never another feature', () => {
    const features = cloud.filter((file) => !['lib', 'domain'].includes(layerOf(file)));
    expect(
      violations(
        features,
        (file, target) => target.startsWith(`${FUNCTIONS}/`) && [layerOf(file), 'lib', 'domain'].includes(layerOf(target)),
      ),
    ).toEqual([]);
  });

  it('shared/ imports nothing of ours outside itself', () => {
    const shared = sources.filter((file) => file.startsWith('shared/src/'));
    expect(violations(shared, (_, target) => target.startsWith('shared/src'))).toEqual([]);
  });

  it('the app imports no cloud or script code', () => {
    const app = sources.filter((file) => file.startsWith('miniprogram/src/'));
    expect(violations(app, (_, target) => target.startsWith('miniprogram/'))).toEqual([]);
  });
});
