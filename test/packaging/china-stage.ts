/**
 * The second deploy package `npm test` makes (scripts/test.ts), beside `.serverless/` (the prod stage
 * in Hong Kong, no parameters): the prod stage as a center in mainland China deploys it, in Ningxia
 * on its own filed domains, packaged offline into a folder of its own.
 */
export const CHINA_REGION = 'cn-northwest-1';
export const CHINA_PACKAGE = '.serverless-cn';

/** Stage parameters of a center's China deployment (README › Deploy); the values are examples. */
export const CHINA_PARAMS = {
  apiDomain: 'api.hele.example.cn',
  socketDomain: 'ws.hele.example.cn',
  certificateArn: 'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/00000000-0000-4000-8000-000000000000',
  mediaDomain: 'files.hele.example.cn',
  mediaCertificate: 'ASCAEXAMPLEIAMCERTID01',
};

/** `--param=name=value` for each, as `sls package` and `sls print` take them. */
export const paramArgs = (params: Record<string, string>): string[] =>
  Object.entries(params).map(([name, value]) => `--param=${name}=${value}`);

export const chinaPackageArgs = (): string[] => [
  'package',
  '--stage',
  'prod',
  '--region',
  CHINA_REGION,
  '--package',
  CHINA_PACKAGE,
  ...paramArgs(CHINA_PARAMS),
];
