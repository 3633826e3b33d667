/**
 * The DynamoDB client as one Lambda layer shared by every function (docs/cold-starts.md).
 *
 * Every request reads the caller's roles, so every function loads the DynamoDB client at start. The
 * runtime's copy is ~30 files and every command of the API; bundled from the SDK's ES modules with only
 * what the functions import, it loads in about half the time. Bundled into each zip it would add ~75 KB to
 * every function; in a layer it is one file for all of them, and the zips stay as they are.
 *
 * The layer holds `nodejs/dynamodb-client.js` and, in `nodejs/node_modules`, the three packages the bundles
 * leave to the runtime (`@aws-sdk/client-dynamodb`, `lib-dynamodb`, `util-dynamodb`) as one-line modules
 * over it. Lambda resolves a layer's `nodejs/node_modules` before the runtime's own, so the functions'
 * `require()`s find these, and the other clients (S3, SSM, Lambda, API Gateway, loaded on first use) still
 * come from the runtime. What the layer exports is read from the functions' bundles themselves, so it
 * always holds what they use: built by the plugin below at every `sls package` and `sls deploy`, and by
 * the cold-start bench.
 */
const fs = require('node:fs');
const path = require('node:path');
const { build } = require('esbuild');
const { bundleOptions } = require('./esbuild.config');

/** The packages the layer provides, in place of the runtime's copies. */
const LAYER_PACKAGES = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'];

/** Where `sls package` finds the layer (serverless.yml › layers). */
const LAYER_DIR = '.layers/dynamodb-client';

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The names each bundle imports from the layer's packages: the entries are bundled as the deploy bundles
 * them, but as ES modules, where esbuild keeps each external import as a named `import {…} from`. A bundle
 * that reaches one of the packages any other way (a namespace import, `require()`) cannot be served by a
 * layer that holds only the names used, so it fails the build.
 */
const importedNames = async (entryPoints) => {
  const { outputFiles } = await build({
    ...bundleOptions,
    entryPoints,
    outdir: 'out',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const names = Object.fromEntries(LAYER_PACKAGES.map((name) => [name, new Set()]));
  for (const file of outputFiles) {
    for (const name of LAYER_PACKAGES) {
      const quoted = `"${name}"`;
      const imports = [...file.text.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*${escapeRegExp(quoted)}`, 'g'))];
      if (imports.length !== file.text.split(quoted).length - 1) {
        throw new Error(`${path.basename(file.path)} reaches ${name} other than by named imports: the DynamoDB layer cannot serve it`);
      }
      for (const [, list] of imports) {
        for (const specifier of list.split(',')) {
          const imported = specifier.trim().split(/\s+as\s+/)[0];
          if (imported) names[name].add(imported);
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(names).map(([name, set]) => [name, [...set].sort()]));
};

/** The bundle's entry: each package's used names, kept apart (two packages may use one name). */
const entrySource = (names) => {
  const lines = [];
  const exported = [];
  Object.entries(names).forEach(([name, list], index) => {
    if (list.length === 0) return;
    lines.push(`import { ${list.map((item) => `${item} as p${index}_${item}`).join(', ')} } from '${name}';`);
    exported.push(`  '${name}': { ${list.map((item) => `${item}: p${index}_${item}`).join(', ')} },`);
  });
  return `${lines.join('\n')}\nexport const packages = {\n${exported.join('\n')}\n};\n`;
};

/**
 * Builds the layer into `outDir` for the functions whose handler modules are `entryPoints` (paths without
 * `.ts`, as serverless.yml names them); answers what it holds.
 */
const buildDynamodbClientLayer = async (entryPoints, outDir = LAYER_DIR) => {
  const root = path.resolve(__dirname, '..');
  const names = await importedNames(entryPoints.map((entry) => path.resolve(root, `${entry}.ts`)));
  const nodejs = path.resolve(root, outDir, 'nodejs');
  fs.rmSync(path.resolve(root, outDir), { recursive: true, force: true });
  await build({
    stdin: { contents: entrySource(names), resolveDir: root, sourcefile: 'dynamodb-client-entry.js' },
    outfile: path.join(nodejs, 'dynamodb-client.js'),
    bundle: true,
    minify: true,
    platform: 'node',
    target: bundleOptions.target,
    format: 'cjs',
    // The SDK's ES modules: esbuild keeps only what the entry names (its CommonJS build is kept whole).
    mainFields: ['module', 'main'],
    // Lambda gives a function its role's credentials in the environment; the default chain's other
    // providers (SSO, ini files, STS, a process) are never reached there and cost ~20 ms of every start.
    alias: { '@aws-sdk/credential-provider-node': path.join(__dirname, 'lambda-credentials.js') },
    logLevel: 'warning',
  });
  for (const name of LAYER_PACKAGES) {
    const dir = path.join(nodejs, 'node_modules', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name, main: 'index.js' })}\n`);
    fs.writeFileSync(path.join(dir, 'index.js'), `module.exports = require('../../../dynamodb-client.js').packages['${name}'] || {};\n`);
  }
  return { dir: path.resolve(root, outDir), names, bytes: fs.statSync(path.join(nodejs, 'dynamodb-client.js')).size };
};

/** The handler modules of serverless.yml's functions (`cloudfunctions/src/feed/handler`). */
const handlerModules = (functions) => [
  ...new Set(Object.values(functions).map(({ handler }) => handler.slice(0, handler.lastIndexOf('.')))),
];

/**
 * `sls package` asks CloudFormation whether the deployed stack holds this layer already, to reuse it; without
 * AWS credentials (CI packages the stage to check it) it cannot ask, and then the layer is packaged as new,
 * as for a first deploy. A deploy has credentials, so nothing changes there.
 */
const packageWithoutCredentials = (serverless) => {
  const layers = serverless.pluginManager.plugins.find((plugin) => typeof plugin.compareWithLastLayer === 'function');
  if (!layers) return;
  const compare = layers.compareWithLastLayer.bind(layers);
  layers.compareWithLastLayer = async (name) => {
    try {
      return await compare(name);
    } catch (error) {
      if (error.code !== 'AWS_CREDENTIALS_NOT_FOUND') throw error;
      serverless.cli.log(`No AWS credentials: layer ${name} is packaged as new`);
    }
  };
};

/** Builds the layer before `sls package` or `sls deploy` zips it. */
class DynamodbClientLayerPlugin {
  constructor(serverless) {
    const buildLayer = async () => {
      const { names, bytes } = await buildDynamodbClientLayer(handlerModules(serverless.service.functions));
      const count = Object.values(names).reduce((sum, list) => sum + list.length, 0);
      serverless.cli.log(`DynamoDB client layer: ${count} exports, ${(bytes / 1024).toFixed(0)} KB`);
    };
    this.hooks = {
      'before:package:createDeploymentArtifacts': buildLayer,
      'before:package:compileLayers': () => packageWithoutCredentials(serverless),
    };
  }
}

module.exports = DynamodbClientLayerPlugin;
module.exports.buildDynamodbClientLayer = buildDynamodbClientLayer;
module.exports.importedNames = importedNames;
module.exports.handlerModules = handlerModules;
module.exports.LAYER_PACKAGES = LAYER_PACKAGES;
module.exports.LAYER_DIR = LAYER_DIR;
