/**
 * Checks of `sls package --stage prod` (made by `npm test` just before, with no AWS credentials):
 * the CloudFormation template has the tables, indexes, routes and per-function roles the code
 * relies on, and each function's zip is reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readTemplate, ROOT } from './cloudformation';

const OUT = path.join(ROOT, '.serverless');
const template = readTemplate('.serverless');
const resources = Object.entries(template.Resources);
const ofType = (type: string) => resources.filter(([, resource]) => resource.Type === type);
/** The layers' zips (the DynamoDB client every function loads: dynamodb-client-layer.test.ts). */
const LAYER_ZIPS = ['dynamodbClient.zip'];

/** The routes of docs/API.md (the fixed contract) served so far. */
const API_ROUTES = [
  'GET /health',
  'POST /auth/login',
  'POST /activities',
  'GET /activities',
  'GET /activities/{id}',
  'POST /activities/{id}/registrations',
  'DELETE /activities/{id}/registrations/me',
  'GET /activities/{id}/registrations',
  'GET /me/registrations',
  'GET /me/points',
  'POST /points/adjustments',
  'POST /rewards',
  'GET /rewards',
  'POST /redemptions',
  'POST /redemptions/{id}/cancel',
];

describe('deploy package (CloudFormation)', () => {
  it('declares every table on demand, with point-in-time recovery, kept on delete', () => {
    const tables = ofType('AWS::DynamoDB::Table');
    expect(tables.map(([name]) => name)).toEqual(
      expect.arrayContaining(['UsersTable', 'ActivitiesTable', 'RegistrationsTable', 'PointsTable', 'IdempotencyTable']),
    );
    for (const [, table] of tables) {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    }
    expect(template.Resources.IdempotencyTable!.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiration', Enabled: true });
  });

  it('names the indexes the repositories query', () => {
    const indexes = (name: string, kind: 'GlobalSecondaryIndexes' | 'LocalSecondaryIndexes') =>
      (template.Resources[name]!.Properties[kind] ?? []).map((index: { IndexName: string }) => index.IndexName);
    expect(indexes('ActivitiesTable', 'GlobalSecondaryIndexes')).toEqual(['byKindStart', 'byStart']);
    expect(indexes('RegistrationsTable', 'LocalSecondaryIndexes')).toEqual(['byWaitSeq']);
    expect(indexes('RegistrationsTable', 'GlobalSecondaryIndexes')).toEqual(['byUser']);
  });

  it('routes every API path to a function', () => {
    const routeKeys = ofType('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey);
    expect(routeKeys).toEqual(expect.arrayContaining(API_ROUTES));
  });

  it('throttles the HTTP API stage, tighter for sign-in and the hot writes, and the live feed’s socket', () => {
    const stage = template.Resources.HttpApiStage!;
    const limits = (settings: { ThrottlingRateLimit?: unknown; ThrottlingBurstLimit?: unknown } | undefined) => [
      Number(settings?.ThrottlingRateLimit),
      Number(settings?.ThrottlingBurstLimit),
    ];
    const [rate, burst] = limits(stage.Properties.DefaultRouteSettings);
    expect(rate).toBeGreaterThan(0);
    expect(burst).toBeGreaterThanOrEqual(rate!);
    const routes = stage.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    const tight = ['POST /auth/login', 'POST /activities/{id}/registrations', 'POST /redemptions', 'POST /activities/{id}/posts'];
    expect(Object.keys(routes).sort()).toEqual([...tight].sort());
    for (const key of tight) {
      const [routeRate, routeBurst] = limits(routes[key]);
      expect({ key, below: routeRate! > 0 && routeRate! < rate! && routeBurst! > 0 && routeBurst! <= burst! }).toEqual({
        key,
        below: true,
      });
    }
    // A route's settings need the route: the stage waits for each one it names.
    const routeIds = Object.fromEntries(ofType('AWS::ApiGatewayV2::Route').map(([id, route]) => [route.Properties.RouteKey, id]));
    expect((stage as { DependsOn?: string[] }).DependsOn).toEqual(expect.arrayContaining(tight.map((key) => routeIds[key])));
    const [socketRate, socketBurst] = limits(template.Resources.WebsocketsDeploymentStage!.Properties.DefaultRouteSettings);
    expect(socketRate! > 0 && socketBurst! >= socketRate!).toBe(true);
  });

  it('keeps the media bucket private: public access blocked, no bucket policy, encrypted at rest', () => {
    const bucket = template.Resources.MediaBucket!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.AccessControl).toBeUndefined();
    // Files are reached through links the functions sign, never through a policy that opens the bucket.
    const policies = ofType('AWS::S3::BucketPolicy').map(([, policy]) => JSON.stringify(policy.Properties.Bucket));
    expect(policies.filter((target) => target.includes('MediaBucket') || target.includes('-media'))).toEqual([]);
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe(
      'AES256',
    );
  });

  it('gives every function a role of its own, declares no other, and only the public health check no user-table access', () => {
    const functions = ofType('AWS::Lambda::Function');
    const roles = functions.map(([, fn]) => fn.Properties.Role['Fn::GetAtt'][0] as string);
    for (const roleName of roles) expect(template.Resources[roleName]!.Type).toBe('AWS::IAM::Role');
    expect(new Set(roles).size).toBe(functions.length);
    // Not the framework's shared default role either (serverless/unused-default-role.js): no role no function runs with.
    expect(
      ofType('AWS::IAM::Role')
        .map(([name]) => name)
        .sort(),
    ).toEqual([...roles].sort());
    const healthPolicy = JSON.stringify(template.Resources.HealthIamRoleLambdaExecution!.Properties.Policies);
    expect(healthPolicy).toContain('dynamodb:DescribeTable');
    expect(healthPolicy).not.toContain('dynamodb:GetItem');
  });

  it('lets functions push to and close only the sockets of their own stage, and the photo check write only thumbnails', () => {
    // The roles the functions run with (the only roles there are: see above).
    const used = new Set(ofType('AWS::Lambda::Function').map(([, fn]) => fn.Properties.Role['Fn::GetAtt'][0] as string));
    const statements = ofType('AWS::IAM::Role')
      .filter(([name]) => used.has(name))
      .flatMap(([, role]) =>
        (role.Properties.Policies ?? []).flatMap(
          (policy: { PolicyDocument: { Statement: Array<{ Action: string[]; Resource: unknown }> } }) => policy.PolicyDocument.Statement,
        ),
      );
    const resourcesOf = (action: string) =>
      statements.filter((statement) => statement.Action.includes(action)).flatMap((statement) => [statement.Resource].flat());
    const sockets = resourcesOf('execute-api:ManageConnections').map((resource) => JSON.stringify(resource));
    expect(sockets.length).toBeGreaterThan(0);
    for (const resource of sockets) expect(resource).toMatch(/\$\{WebsocketsApi\}\/prod\/(POST|DELETE)\/@connections\/\*"/);
    const review = JSON.stringify(template.Resources.FeedReviewIamRoleLambdaExecution!.Properties.Policies);
    const puts = JSON.parse(review)[0].PolicyDocument.Statement.filter((statement: { Action: string[] }) =>
      statement.Action.includes('s3:PutObject'),
    );
    expect(JSON.stringify(puts)).toContain('/feed/*.thumb.jpg');
    expect(JSON.stringify(puts)).not.toMatch(/\/feed\/\*"/);
  });

  it('keeps no secret in any function environment', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const variables = fn.Properties.Environment.Variables as Record<string, string>;
      expect(variables.JWT_SECRET).toBe('');
      expect(variables.JWT_SECRET_PARAMETER).toMatch(/^(\/hele-center\/prod\/.+)?$/);
    }
  });

  it('lets only the functions people call read the session key: whoever reads it can sign a token for anyone', () => {
    // Called by people: through API Gateway (an HTTP route or the live feed's socket); the others run on a schedule or are invoked.
    const called = new Set(
      ofType('AWS::Lambda::Permission')
        .filter(([, permission]) => permission.Properties.Principal === 'apigateway.amazonaws.com')
        .map(([, permission]) => permission.Properties.FunctionName['Fn::GetAtt'][0] as string),
    );
    const readers: string[] = [];
    const uncalled: string[] = [];
    for (const [logicalId, fn] of ofType('AWS::Lambda::Function')) {
      const role = template.Resources[fn.Properties.Role['Fn::GetAtt'][0] as string]!;
      const policies = JSON.stringify(role.Properties.Policies ?? []);
      if (policies.includes('/hele-center/prod/jwt')) readers.push(logicalId);
      if (!called.has(logicalId)) {
        uncalled.push(logicalId);
        expect([logicalId, fn.Properties.Environment.Variables.JWT_SECRET_PARAMETER]).toEqual([logicalId, '']);
      }
    }
    expect(uncalled.sort()).toEqual([
      'ComplianceRemindersLambdaFunction',
      'FeedReviewLambdaFunction',
      'PointsExpiryLambdaFunction',
      'RemindersLambdaFunction',
    ]);
    expect(readers.filter((name) => !called.has(name))).toEqual([]);
    expect(readers).toEqual(expect.arrayContaining(['AuthLambdaFunction', 'FeedSocketLambdaFunction', 'PointsLambdaFunction']));
  });

  it('names in each function environment exactly the tables its role may reach', () => {
    const tableOfVariable = (variable: string) =>
      variable
        .replace(/_TABLE$/, '')
        .toLowerCase()
        .replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    const mismatches: unknown[] = [];
    for (const [logicalId, fn] of ofType('AWS::Lambda::Function')) {
      const variables = Object.keys(fn.Properties.Environment.Variables as Record<string, string>).filter((name) =>
        name.endsWith('_TABLE'),
      );
      const roleName = fn.Properties.Role['Fn::GetAtt'][0] as string;
      const policy = JSON.stringify(template.Resources[roleName]!.Properties.Policies);
      const granted = new Set(
        [...policy.matchAll(/"([A-Za-z]+)Table"/g)].map(([, name]) => name!.charAt(0).toLowerCase() + name!.slice(1)),
      );
      // The users table is every function's: the auth guard reads the caller's roles. What each
      // function's code reads is checked by the integration tests (cloudfunctions/test/function-environment.ts).
      const given = new Set(variables.map(tableOfVariable).filter((table) => table !== 'users'));
      granted.delete('users');
      const ungranted = [...given].filter((table) => !granted.has(table));
      const unnamed = [...granted].filter((table) => !given.has(table));
      if (ungranted.length || unnamed.length) mismatches.push({ function: logicalId, ungranted, unnamed });
    }
    expect(mismatches).toEqual([]);
  });

  it('reports the size of each function zip, and of the layer they share', () => {
    const zips = fs.readdirSync(OUT).filter((file) => file.endsWith('.zip') && !LAYER_ZIPS.includes(file));
    const lines = [...zips, ...LAYER_ZIPS].map((zip) => `${zip}: ${fs.statSync(path.join(OUT, zip)).size} bytes`);
    console.log(`function zips, then the layer:\n${lines.join('\n')}`);
    expect(zips.length).toBe(ofType('AWS::Lambda::Function').length);
  });

  it('keeps every function a person waits on within 150 KB zipped', () => {
    // Off the request path: the photo review runs after the post (Jimp) and the documents are
    // downloads a coordinator asks for (docx, exceljs), as are a secretary's roster workbook and the
    // volunteers' hours workbooks (exceljs), and a feed's report (docx).
    const offRequestPath = ['feedDocuments.zip', 'feedReview.zip', 'meetingDocuments.zip', 'rosterWorkbooks.zip', 'volunteerDocuments.zip'];
    const oversized = fs
      .readdirSync(OUT)
      .filter((file) => file.endsWith('.zip') && !offRequestPath.includes(file) && !LAYER_ZIPS.includes(file))
      .map((zip) => ({ zip, bytes: fs.statSync(path.join(OUT, zip)).size }))
      .filter(({ bytes }) => bytes > 150 * 1024);
    expect(oversized).toEqual([]);
  });
});
