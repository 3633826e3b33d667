/**
 * Checks of the production weapp build (miniprogram/dist/weapp, made by `npm test` just before):
 * WeChat's package limits and recommended settings, every page present, no `process.env` left,
 * tab-bar icons in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

const DIST = path.resolve(__dirname, '../../miniprogram/dist/weapp');
const MB = 1024 * 1024;
const MAIN_PACKAGE_LIMIT = 2 * MB;
const TOTAL_LIMIT = 20 * MB;
const ICON_LIMIT = 40 * 1024;

const AppJson = z.object({
  pages: z.array(z.string()),
  lazyCodeLoading: z.string().optional(),
  subPackages: z.array(z.object({ root: z.string(), pages: z.array(z.string()) })).default([]),
  tabBar: z.object({
    list: z.array(z.object({ pagePath: z.string(), iconPath: z.string(), selectedIconPath: z.string() })),
  }),
});

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });

const app = AppJson.parse(JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')));
const files = filesUnder(DIST).filter((file) => !file.endsWith('.LICENSE.txt') && !file.endsWith('.map'));
const rootOf = (file: string) => path.relative(DIST, file).split(path.sep)[0];
const subRoots = new Set(app.subPackages.map((sub) => sub.root.replace(/\/$/, '')));
const sizeOf = (list: string[]) => list.reduce((sum, file) => sum + fs.statSync(file).size, 0);

describe('weapp production build', () => {
  it('keeps the main package under 2 MB and each subpackage under 2 MB', () => {
    const main = files.filter((file) => !subRoots.has(rootOf(file)!));
    const mainBytes = sizeOf(main);
    const report = [`weapp main package: ${mainBytes} bytes (${(mainBytes / 1024).toFixed(1)} KB)`];
    expect(mainBytes).toBeLessThan(MAIN_PACKAGE_LIMIT);
    for (const root of subRoots) {
      const bytes = sizeOf(files.filter((file) => rootOf(file) === root));
      report.push(`subpackage ${root}: ${bytes} bytes`);
      expect(bytes).toBeLessThan(MAIN_PACKAGE_LIMIT);
    }
    const total = sizeOf(files);
    report.push(`all packages: ${total} bytes`);
    expect(total).toBeLessThan(TOTAL_LIMIT);
    console.log(report.join('\n'));
  });

  it('loads only the components a page uses, as WeChat recommends (lazyCodeLoading)', () => {
    expect(app.lazyCodeLoading).toBe('requiredComponents');
  });

  it('has every page listed in app.json, tab pages in the main package', () => {
    const pages = [...app.pages, ...app.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/$/, '')}/${page}`))];
    for (const page of pages) {
      for (const ext of ['.js', '.json', '.wxml']) expect(fs.existsSync(path.join(DIST, page + ext))).toBe(true);
    }
    for (const tab of app.tabBar.list) expect(app.pages).toContain(tab.pagePath);
  });

  it('leaves no process.env in the bundle (WeChat has no process)', () => {
    const offenders = files.filter((file) => file.endsWith('.js') && fs.readFileSync(file, 'utf8').includes('process.env'));
    expect(offenders.map((file) => path.relative(DIST, file))).toEqual([]);
  });

  it('has real tab-bar icons, each under 40 KB', () => {
    for (const tab of app.tabBar.list) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        const file = path.join(DIST, icon);
        const bytes = fs.readFileSync(file);
        expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        expect(bytes.length).toBeLessThan(ICON_LIMIT);
      }
    }
  });
});

describe('H5 production build', () => {
  it('reports the entry chunk size', () => {
    const h5 = path.resolve(__dirname, '../../miniprogram/dist/h5');
    const html = fs.readFileSync(path.join(h5, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/src="\/(js\/[^"]+)"/g)].map((match) => match[1]!);
    const bytes = sizeOf(scripts.map((script) => path.join(h5, script)));
    console.log(`H5 entry scripts: ${scripts.join(', ')} = ${bytes} bytes`);
    expect(scripts.length).toBeGreaterThan(0);
  });
});
