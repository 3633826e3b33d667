import type { BuildOptions } from 'esbuild';

/** serverless-esbuild's options. */
declare function serverlessEsbuild(): BuildOptions & { exclude: string[]; outputWorkFolder: string };
declare namespace serverlessEsbuild {
  /** The esbuild options of every function's bundle (entry point and output aside). */
  const bundleOptions: BuildOptions & { external: string[] };
  /** Left out of every zip: the Lambda runtime provides them. */
  const RUNTIME_PROVIDED: string[];
}
export = serverlessEsbuild;
