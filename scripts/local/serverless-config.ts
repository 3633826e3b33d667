/**
 * The resolved serverless.yml (`sls print`), so that local tables and function environment come
 * from the one file that also deploys to AWS. No second list of tables exists anywhere.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(__dirname, '../..');
const SLS = path.join(ROOT, 'node_modules/.bin/sls');

export interface CfnTable {
  Type: 'AWS::DynamoDB::Table';
  Properties: Record<string, unknown> & { TableName: string };
}

type HttpApiEvent = { httpApi?: string | { method: string; path: string } };

export interface ResolvedService {
  service: string | { name: string };
  provider: { environment: Record<string, string>; stage?: string; region: string };
  custom: { domains: { api: string; socket: string; certificate: string; media: string; mediaCertificate: string } };
  functions: Record<string, { handler: string; events?: HttpApiEvent[]; environment?: Record<string, string> }>;
  resources: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
}

/** `options`: more of `sls print`'s options, e.g. `--region` or `--param=name=value`. */
export const resolveService = async (
  stage: string,
  env: NodeJS.ProcessEnv = process.env,
  options: string[] = [],
): Promise<ResolvedService> => {
  const { stdout } = await promisify(execFile)(SLS, ['print', '--format', 'json', '--stage', stage, ...options], {
    cwd: ROOT,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ResolvedService;
};

/**
 * The environment of every function at once (the provider's and each function's own tables), for
 * what runs them all in one process locally: the seed, serverless-offline, the integration tests.
 */
export const environmentOf = (service: ResolvedService): Record<string, string> =>
  Object.assign({}, service.provider.environment, ...Object.values(service.functions).map((fn) => fn.environment ?? {}));

export const tablesOf = (service: ResolvedService): CfnTable[] =>
  Object.values(service.resources.Resources).filter((resource): resource is CfnTable => resource.Type === 'AWS::DynamoDB::Table');

export interface HttpRoute {
  routeKey: string;
  /** The function's name in the serverless configuration (a group of the contract). */
  functionName: string;
  /** e.g. `cloudfunctions/src/auth/handler` */
  module: string;
  exportName: string;
  /** The function's own environment (its tables), beside the provider's. */
  environment: Record<string, string>;
}

/** The HTTP routes of every function, as API Gateway would match them. */
export const httpRoutesOf = (service: ResolvedService): HttpRoute[] =>
  Object.entries(service.functions).flatMap(([functionName, { handler, events = [], environment = {} }]) => {
    const dot = handler.lastIndexOf('.');
    return events
      .map((event) => event.httpApi)
      .filter((httpApi): httpApi is NonNullable<HttpApiEvent['httpApi']> => httpApi !== undefined)
      .map((httpApi) => ({
        routeKey: typeof httpApi === 'string' ? httpApi : `${httpApi.method.toUpperCase()} ${httpApi.path}`,
        functionName,
        module: handler.slice(0, dot),
        exportName: handler.slice(dot + 1),
        environment,
      }));
  });

/** The S3 buckets of the resources, with the origins their CORS rules allow. */
export const bucketsOf = (service: ResolvedService): Array<{ name: string; origins: string[] }> =>
  Object.values(service.resources.Resources)
    .filter((resource) => resource.Type === 'AWS::S3::Bucket')
    .map(({ Properties = {} }) => {
      const rules = (Properties.CorsConfiguration as { CorsRules?: Array<{ AllowedOrigins?: string[] }> } | undefined)?.CorsRules ?? [];
      return { name: String(Properties.BucketName), origins: rules.flatMap((rule) => rule.AllowedOrigins ?? []) };
    });

export interface LambdaFunction {
  /** The deployed name (`<service>-<stage>-<key>`), as Lambda's Invoke API takes it. */
  name: string;
  module: string;
  exportName: string;
  environment: Record<string, string>;
}

export const serviceNameOf = (service: ResolvedService): string =>
  typeof service.service === 'string' ? service.service : service.service.name;

/** Every function with its deployed name, for what invokes functions directly. */
export const functionsOf = (service: ResolvedService, stage: string): LambdaFunction[] => {
  const serviceName = serviceNameOf(service);
  return Object.entries(service.functions).map(([key, { handler, environment = {} }]) => {
    const dot = handler.lastIndexOf('.');
    return { name: `${serviceName}-${stage}-${key}`, module: handler.slice(0, dot), exportName: handler.slice(dot + 1), environment };
  });
};
