/**
 * The DynamoDB client layer of `sls package --stage prod` (serverless/dynamodb-client-layer.js): every
 * function is given it, every function's zip loads with it, it holds every name the functions import from the
 * packages it stands in for, and its client works on its own, as in /opt on Lambda: credentials from the
 * environment, requests signed and sent, answers parsed.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { handlerModules, importedNames, LAYER_PACKAGES } from '../../serverless/dynamodb-client-layer';
import { readTemplate, ROOT } from './cloudformation';

const template = readTemplate('.serverless');
const functions = Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::Lambda::Function');

/** A zip of the package unpacked into a folder outside the repository (nothing found by walking up to node_modules). */
const unpack = async (zipName: string, prefix: string): Promise<string> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(ROOT, '.serverless', zipName)));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const file = path.join(dir, entry.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await entry.async('nodebuffer'));
  }
  return dir;
};
const unpackLayer = () => unpack('dynamodbClient.zip', 'hele-layer-');

/** A fresh Node process's options that resolve modules from the layer only (Lambda's /opt/nodejs/node_modules). */
const onLayer = (layer: string, env: NodeJS.ProcessEnv = {}) => ({
  cwd: layer,
  env: {
    PATH: process.env.PATH,
    NODE_PATH: path.join(layer, 'nodejs/node_modules'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...env,
  },
});

describe('DynamoDB client layer', () => {
  let layer: string;
  beforeAll(async () => {
    layer = await unpackLayer();
  });
  afterAll(() => fs.rmSync(layer, { recursive: true, force: true }));

  it('is given to every function', () => {
    expect(template.Resources.DynamodbClientLambdaLayer?.Type).toBe('AWS::Lambda::LayerVersion');
    const without = functions.filter(([, fn]) => !JSON.stringify(fn.Properties.Layers ?? []).includes('DynamodbClientLambdaLayer'));
    expect(without.map(([name]) => name)).toEqual([]);
  });

  it('holds every name the functions import from the packages it stands in for, and those packages only', async () => {
    const modules = handlerModules(Object.fromEntries(functions.map(([name, fn]) => [name, { handler: fn.Properties.Handler as string }])));
    const wanted = await importedNames(modules.map((module) => path.join(ROOT, `${module}.ts`)));
    expect(wanted['@aws-sdk/lib-dynamodb']).toEqual(
      expect.arrayContaining(['DynamoDBDocumentClient', 'GetCommand', 'TransactWriteCommand']),
    );
    const held = JSON.parse(
      execFileSync(
        process.execPath,
        [
          '-e',
          `const names = {};
         for (const name of ${JSON.stringify(LAYER_PACKAGES)}) {
           const exported = require(name);
           if (!require.resolve(name).startsWith(${JSON.stringify(layer)})) throw new Error(name + ' not from the layer');
           names[name] = Object.keys(exported).filter((key) => exported[key] !== undefined).sort();
         }
         console.log(JSON.stringify(names));`,
        ],
        onLayer(layer),
      ).toString(),
    );
    expect(held).toEqual(wanted);
    expect(fs.readdirSync(path.join(layer, 'nodejs/node_modules/@aws-sdk')).sort()).toEqual(
      LAYER_PACKAGES.map((name) => name.split('/')[1]).sort(),
    );
  });

  it('loads every function’s zip with it, as Lambda does, before any configuration is read', async () => {
    // Lambda's module path: the layer, then the runtime's SDK clients (this repository's node_modules stands in for them,
    // as in bench/cold-start.ts). The environment is bare: a handler that reads its configuration at load fails here.
    const modules = [path.join(layer, 'nodejs/node_modules'), path.join(ROOT, 'node_modules')].join(path.delimiter);
    const failures: string[] = [];
    for (const [name, fn] of functions) {
      const dir = await unpack(path.basename(fn.Properties.Code.S3Key as string), 'hele-function-');
      // `cloudfunctions/src/feed/handler.handler`: the file, then its export.
      const handler = fn.Properties.Handler as string;
      const file = path.join(dir, `${handler.slice(0, handler.lastIndexOf('.'))}.js`);
      const exported = handler.slice(handler.lastIndexOf('.') + 1);
      try {
        execFileSync(
          process.execPath,
          ['-e', `if (typeof require(${JSON.stringify(file)})[${JSON.stringify(exported)}] !== 'function') throw new Error('no handler')`],
          { ...onLayer(dir), env: { ...onLayer(dir).env, NODE_PATH: modules }, stdio: 'pipe' },
        );
      } catch (error) {
        // Node prints the minified line first: the error's own line names it.
        const thrown = String((error as { stderr?: Buffer }).stderr ?? error)
          .split('\n')
          .find((line) => /^\w*Error\b/.test(line));
        failures.push(`${name}: ${thrown?.slice(0, 200)}`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    expect(failures).toEqual([]);
  });

  it('signs with the credentials in the environment, sends and parses a request, as on Lambda', async () => {
    const seen: Array<{ target?: string; authorization?: string; body: string }> = [];
    const dynamodb = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        seen.push({ target: request.headers['x-amz-target'] as string, authorization: request.headers.authorization, body });
        response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify({ Item: { id: { S: 'u1' }, roles: { L: [{ S: 'member' }] } } }));
      });
    });
    await new Promise<void>((resolve) => dynamodb.listen(0, '127.0.0.1', resolve));
    const { port } = dynamodb.address() as AddressInfo;
    try {
      const script = `
        const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
        const { DynamoDBDocumentClient, GetCommand } = require('@aws-sdk/lib-dynamodb');
        const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: 'http://127.0.0.1:${port}' }));
        client.send(new GetCommand({ TableName: 'users', Key: { id: 'u1' } })).then(({ Item }) => console.log(JSON.stringify(Item)));`;
      // Spawned asynchronously: the stand-in DynamoDB answers in this process. Lambda's environment gives the credentials.
      const lambdaEnvironment = {
        AWS_REGION: 'ap-east-1',
        AWS_ACCESS_KEY_ID: 'AKIDLAYERTEST',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_SESSION_TOKEN: 'session',
      };
      const output = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, ['-e', script], onLayer(layer, lambdaEnvironment), (error, stdout) =>
          error ? reject(error) : resolve(stdout),
        );
      });
      expect(JSON.parse(output)).toEqual({ id: 'u1', roles: ['member'] });
      expect(seen).toHaveLength(1);
      expect(seen[0]!.target).toBe('DynamoDB_20120810.GetItem');
      expect(seen[0]!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLAYERTEST\/\d{8}\/ap-east-1\/dynamodb\/aws4_request/);
      expect(JSON.parse(seen[0]!.body)).toEqual({ TableName: 'users', Key: { id: { S: 'u1' } } });
    } finally {
      dynamodb.close();
    }
  });
});
