/**
 * Both deploy packages `npm test` makes just before, offline: the prod stage in Hong Kong as it has
 * always deployed (no domain parameters), and in Ningxia (partition aws-cn) on a center's own filed
 * domains (test/packaging/china-stage.ts). Neither template may name a partition or an endpoint domain
 * literally: ARNs go through AWS::Partition, AWS addresses through AWS::URLSuffix (amazonaws.com.cn in China).
 */
import { CHINA_PACKAGE, CHINA_PARAMS, CHINA_REGION } from './china-stage';
import { conditionHolds, createdResources, partitionOf, readTemplate, stringsOf, type Template } from './cloudformation';

const hongKong = readTemplate('.serverless');
const china = readTemplate(CHINA_PACKAGE);
const PACKAGES: Array<[string, Template]> = [
  ['ap-east-1, no domain parameters', hongKong],
  [`${CHINA_REGION}, the center's own domains`, china],
];

// A service principal keeps its global name in the China regions (`lambda.amazonaws.com`, see
// aws/aws-cdk#2198): it names a service, not an address.
const SERVICE_PRINCIPAL = /^[a-z0-9-]+\.amazonaws\.com$/;

/**
 * The resource types whose offer in the China regions README › Deploy records, with its source: a
 * type added to the stack must be looked up there first.
 */
const CHECKED_FOR_CHINA = [
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::ApiMapping',
  'AWS::ApiGatewayV2::Deployment',
  'AWS::ApiGatewayV2::DomainName',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::Stage',
  'AWS::CloudFront::Distribution',
  'AWS::DynamoDB::Table',
  'AWS::Events::Rule',
  'AWS::IAM::Role',
  'AWS::Lambda::Function',
  'AWS::Lambda::LayerVersion',
  'AWS::Lambda::Permission',
  'AWS::Lambda::Version',
  'AWS::Logs::LogGroup',
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
];

const DOMAIN_RESOURCES = ['ApiDomainName', 'ApiDomainMapping', 'SocketDomainName', 'SocketDomainMapping', 'MediaDistribution'];

const functionEnvironments = (template: Template) =>
  Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::Lambda::Function')
    .map((fn) => fn.Properties.Environment.Variables as Record<string, unknown>);

describe.each(PACKAGES)('deploy package (%s)', (_, template) => {
  it('names no partition and no AWS endpoint domain literally', () => {
    const literals = stringsOf(template).filter(
      ({ at, value }) =>
        value.includes('arn:aws:') || (value.includes('.amazonaws.com') && !(at.includes('Principal') && SERVICE_PRINCIPAL.test(value))),
    );
    expect(literals.map(({ at, value }) => `${at.join('.')}: ${value}`)).toEqual([]);
  });

  it('uses only resource types whose offer in the China regions the README records', () => {
    const types = new Set(Object.values(template.Resources).map((resource) => resource.Type));
    expect([...types].filter((type) => !CHECKED_FOR_CHINA.includes(type))).toEqual([]);
  });

  it("reaches the WebSocket API's management endpoint through AWS::URLSuffix", () => {
    for (const variables of functionEnvironments(template)) {
      const endpoint = variables.WEBSOCKET_API_ENDPOINT as { 'Fn::Sub': string };
      expect(endpoint['Fn::Sub']).toMatch(/^https:\/\/\$\{WebsocketsApi\}\.execute-api\.\$\{AWS::Region\}\.\$\{AWS::URLSuffix\}\/prod$/);
    }
  });
});

describe('without domain parameters', () => {
  it('makes no custom domain, mapping or CDN: the stage deploys as before', () => {
    expect(createdResources(hongKong, 'aws').filter((id) => DOMAIN_RESOURCES.includes(id))).toEqual([]);
    for (const variables of functionEnvironments(hongKong)) expect(variables.MEDIA_DOMAIN).toBe('');
  });
});

describe('a center in mainland China on its own domains', () => {
  const created = createdResources(china, partitionOf(CHINA_REGION));
  const properties = (logicalId: string) => china.Resources[logicalId]!.Properties;

  it('serves the API and the live feed on its domains (regional API Gateway names, its ACM certificate)', () => {
    expect(created).toEqual(expect.arrayContaining(DOMAIN_RESOURCES));
    for (const [name, domain, api] of [
      ['Api', CHINA_PARAMS.apiDomain, 'HttpApi'],
      ['Socket', CHINA_PARAMS.socketDomain, 'WebsocketsApi'],
    ] as const) {
      expect(properties(`${name}DomainName`)).toEqual({
        DomainName: domain,
        DomainNameConfigurations: [{ CertificateArn: CHINA_PARAMS.certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
      });
      expect(properties(`${name}DomainMapping`)).toMatchObject({ DomainName: { Ref: `${name}DomainName` }, ApiId: { Ref: api } });
    }
  });

  it('hands uploads and file links out on its CDN domain, with the IAM server certificate CloudFront takes in China', () => {
    const distribution = properties('MediaDistribution').DistributionConfig;
    expect(distribution.Aliases).toEqual([CHINA_PARAMS.mediaDomain]);
    // The origin is the host the functions sign for: the bucket's regional address.
    expect(distribution.Origins[0].DomainName).toEqual({
      'Fn::Join': ['', [{ Ref: 'MediaBucket' }, '.s3.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
    });
    expect(distribution.DefaultCacheBehavior.AllowedMethods).toContain('POST');
    expect(distribution.DefaultCacheBehavior.ForwardedValues.QueryString).toBe(true);
    const { IamCertificateId, AcmCertificateArn } = distribution.ViewerCertificate;
    expect(IamCertificateId).toEqual({ 'Fn::If': ['InChinaPartition', CHINA_PARAMS.mediaCertificate, { Ref: 'AWS::NoValue' }] });
    expect(AcmCertificateArn).toEqual({ 'Fn::If': ['InChinaPartition', { Ref: 'AWS::NoValue' }, CHINA_PARAMS.mediaCertificate] });
    expect(conditionHolds(china, 'InChinaPartition', 'aws-cn')).toBe(true);
    expect(conditionHolds(china, 'InChinaPartition', 'aws')).toBe(false);
    for (const variables of functionEnvironments(china)) expect(variables.MEDIA_DOMAIN).toBe(CHINA_PARAMS.mediaDomain);
  });

  it('outputs the base URLs of its domains', () => {
    const whenSet = (output: string) => (china.Outputs[output]!.Value as { 'Fn::If': unknown[] })['Fn::If'].slice(0, 2);
    expect(whenSet('ApiBaseUrl')).toEqual(['HasApiDomain', `https://${CHINA_PARAMS.apiDomain}`]);
    expect(whenSet('SocketBaseUrl')).toEqual(['HasSocketDomain', `wss://${CHINA_PARAMS.socketDomain}`]);
    expect(whenSet('MediaBaseUrl')).toEqual(['HasMediaDomain', `https://${CHINA_PARAMS.mediaDomain}`]);
  });
});
