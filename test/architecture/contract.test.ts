/**
 * The contract holds together: each route declared once, paths and parameters agree, the app
 * reaches the cloud only through its client, and docs/openapi.json is what the contract generates.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { contract, routeKey, type RouteDeclaration } from '@hele/shared/contract';
import * as z from 'zod';
import { OPENAPI_FILE, openApiText } from '../../scripts/contract/openapi';

const ROOT = path.resolve(__dirname, '../..');
const routes = Object.entries(contract).flatMap(([fn, group]) =>
  Object.entries(group).map(([name, route]) => ({ fn, name, route: route as RouteDeclaration })),
);

describe('the contract', () => {
  it('declares each route once', () => {
    const keys = routes.map(({ route }) => routeKey(route));
    expect(keys.length).toBeGreaterThan(100);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names in each path exactly the parameters its schema reads', () => {
    for (const { fn, name, route } of routes) {
      const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, param]) => param).sort();
      const inSchema = route.params instanceof z.ZodObject ? Object.keys(route.params.shape).sort() : [];
      expect({ route: `${fn}.${name}`, params: inSchema }).toEqual({ route: `${fn}.${name}`, params: inPath });
    }
  });

  it('lets only a list of roles, "user" or "public" in', () => {
    for (const { route } of routes) expect(route.access === 'public' || route.access === 'user' || Array.isArray(route.access)).toBe(true);
  });
});

describe('the app', () => {
  it('reaches the cloud only through src/api (requests, uploads, sockets)', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'miniprogram/src'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(
        (file) =>
          /\.tsx?$/.test(file) &&
          !file.startsWith('miniprogram/src/api/') &&
          !/\.test\.tsx?$/.test(file) &&
          fs.existsSync(path.join(ROOT, file)),
      );
    const offenders = files.filter((file) =>
      /Taro\.(request|uploadFile|connectSocket)\(/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('docs/openapi.json', () => {
  it('is what the contract generates (npm run openapi)', () => {
    expect(fs.readFileSync(OPENAPI_FILE, 'utf8')).toBe(openApiText());
  });

  it('has an operation for every route', () => {
    const document = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8')) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
    expect(operations.sort()).toEqual(routes.map(({ fn, name }) => `${fn}.${name}`).sort());
  });
});
