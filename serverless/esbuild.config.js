/**
 * How every function is bundled: read by serverless-esbuild (serverless.yml › custom.esbuild.config)
 * and by the cold-start bench (bench/cold-start.ts), so the bench times what Lambda loads.
 *
 * The Lambda runtime ships the AWS SDK v3 clients: they are left out of every zip, and the clients
 * only some requests need (SSM, S3, Lambda, API Gateway) are loaded on first use (`import()` in
 * lib/secrets, lib/storage, lib/invoke, feed/connections). The S3 presigners are not clients: they are
 * bundled, behind the `import()` of lib/storage. Bundling the DynamoDB client too (from the SDK's ES
 * modules) would take about 40 % off every cold start but add about 80 KB to every zip, past the
 * 150 KB of the request path (docs/cold-starts.md).
 */

/** Left out of every zip: the Lambda runtime provides them. */
const RUNTIME_PROVIDED = ['@aws-sdk/client-*', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'];

/** The esbuild options of every function's bundle (entry point and output aside). */
const bundleOptions = {
  bundle: true,
  minify: true,
  sourcemap: false,
  // The runtime is nodejs22.x; the local stack runs the same bundles on Node 20 or later (package.json › engines).
  target: 'node20',
  platform: 'node',
  format: 'cjs',
  external: RUNTIME_PROVIDED,
};

/** serverless-esbuild's options: its `exclude` is esbuild's `external` that is also kept out of the zip. */
const serverlessEsbuild = () => {
  const { external, ...options } = bundleOptions;
  return { ...options, exclude: external, outputWorkFolder: process.env.ESBUILD_WORK_FOLDER || '.esbuild' };
};

module.exports = serverlessEsbuild;
module.exports.bundleOptions = bundleOptions;
module.exports.RUNTIME_PROVIDED = RUNTIME_PROVIDED;
