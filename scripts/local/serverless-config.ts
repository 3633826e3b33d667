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

/** An IAM policy statement as serverless.yml writes it (resources may be CloudFormation functions). */
interface IamStatement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
}

export interface ResolvedService {
  service: string | { name: string };
  provider: { environment: Record<string, string>; stage?: string; region: string; iam?: { role?: { statements?: IamStatement[] } } };
  custom: { domains: { api: string; socket: string; certificate: string; media: string; mediaCertificate: string } };
  functions: Record<
    string,
    { handler: string; events?: HttpApiEvent[]; environment?: Record<string, string>; iamRoleStatements?: IamStatement[] }
  >;
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

/**
 * What a function's role allows: its own statements and the provider's (serverless-iam-roles-per-function's
 * `defaultInherit`), each resource an ARN pattern (`*` as IAM reads it), a table's `GetAtt` written as
 * `arn:aws:dynamodb:*:*:table/<its name>`. Only `Allow`: serverless/ writes no `Deny`.
 */
export interface Grant {
  actions: string[];
  resources: string[];
}

type Resources = ResolvedService['resources']['Resources'];

/** A statement's resource as an ARN pattern; what is not a table's ARN keeps a shape no DynamoDB call matches. */
const arnOf = (resource: unknown, resources: Resources): string => {
  if (typeof resource === 'string') return resource;
  const fn = resource as Record<string, unknown>;
  if (Array.isArray(fn['Fn::GetAtt'])) {
    const [logicalId, attribute] = fn['Fn::GetAtt'] as [string, string];
    const target = resources[logicalId];
    return target?.Type === 'AWS::DynamoDB::Table' && attribute === 'Arn'
      ? `arn:aws:dynamodb:*:*:table/${String(target.Properties?.TableName)}`
      : `${logicalId}.${attribute}`;
  }
  if (Array.isArray(fn['Fn::Join'])) {
    const [separator, parts] = fn['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => arnOf(part, resources)).join(separator);
  }
  if (typeof fn['Fn::Sub'] === 'string') return fn['Fn::Sub'];
  return JSON.stringify(resource);
};

const grantsOf = (service: ResolvedService, functionKey: string): Grant[] =>
  [...(service.provider.iam?.role?.statements ?? []), ...(service.functions[functionKey]?.iamRoleStatements ?? [])]
    .filter((statement) => statement.Effect === 'Allow')
    .map((statement) => ({
      actions: [statement.Action].flat(),
      resources: [statement.Resource].flat().map((resource) => arnOf(resource, service.resources.Resources)),
    }));

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
  /** Its name in the serverless configuration. */
  key: string;
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
    return {
      name: `${serviceName}-${stage}-${key}`,
      key,
      module: handler.slice(0, dot),
      exportName: handler.slice(dot + 1),
      environment,
    };
  });
};

/** What each function's role allows, by its name in the serverless configuration. */
export const grantsByFunction = (service: ResolvedService): Record<string, Grant[]> =>
  Object.fromEntries(Object.keys(service.functions).map((key) => [key, grantsOf(service, key)]));
