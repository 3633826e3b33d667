/**
 * How every function is bundled: read by serverless-esbuild (serverless.yml › custom.esbuild.config)
 * and by the cold-start bench (bench/cold-start.ts), so the bench times what Lambda loads.
 *
 * The AWS SDK v3 clients are left out of every zip. The DynamoDB client, which every function loads at
 * start, comes from a layer all functions share (dynamodb-client-layer.js: bundled from the SDK's ES
 * modules with only what the functions use, it loads in about half the time of the runtime's copy, and
 * bundled into each zip it would add ~75 KB to every one, past the 150 KB of the request path). The
 * clients only some requests need (SSM, S3, Lambda, API Gateway) come from the runtime and are loaded on
 * first use (`import()` in lib/secrets, lib/storage, lib/invoke, feed/connections), and so do the S3
 * presigners, behind the `import()` of lib/storage. docs/cold-starts.md.
 */

/**
 * Left out of every zip: the DynamoDB client layer or the Lambda runtime provides them. The S3 presigners come
 * from the runtime too, beside the S3 client they sign with (the runtime carries both, one version): bundled, their
 * @smithy/core was ~140 KB of every zip that signs an upload or a link.
 */
const RUNTIME_PROVIDED = [
  '@aws-sdk/client-*',
  '@aws-sdk/lib-dynamodb',
  '@aws-sdk/util-dynamodb',
  '@aws-sdk/s3-request-presigner',
  '@aws-sdk/s3-presigned-post',
];

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
