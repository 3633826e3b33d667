/** Builds the layer before `sls package` or `sls deploy` zips it (a serverless plugin). */
declare class DynamodbClientLayerPlugin {
  constructor(serverless: unknown);
  hooks: Record<string, () => Promise<void>>;
}
declare namespace DynamodbClientLayerPlugin {
  /** The packages the layer provides, in place of the runtime's copies. */
  const LAYER_PACKAGES: string[];
  /** Where `sls package` finds the layer. */
  const LAYER_DIR: string;
  /** Per package, the names the bundles of `entryPoints` (files) import from it. */
  function importedNames(entryPoints: string[]): Promise<Record<string, string[]>>;
  /** Builds the layer into `outDir` for the handler modules `entryPoints`; answers what it holds. */
  function buildDynamodbClientLayer(
    entryPoints: string[],
    outDir?: string,
  ): Promise<{ dir: string; names: Record<string, string[]>; bytes: number }>;
  /** The handler modules of serverless.yml's functions. */
  function handlerModules(functions: Record<string, { handler: string }>): string[];
}
export = DynamodbClientLayerPlugin;
