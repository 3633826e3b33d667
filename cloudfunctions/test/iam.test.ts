import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { grantsByFunction, type ResolvedService } from '../../scripts/local/serverless-config';
import { doc } from '../src/lib/db';
import { asFunction, deniedCalls } from './function-environment';
import { deniedBy, requiredGrants } from './iam';

const service = {
  provider: {
    environment: {},
    region: 'ap-east-1',
    iam: { role: { statements: [{ Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: { 'Fn::GetAtt': ['UsersTable', 'Arn'] } }] } },
  },
  functions: {
    dashboard: {
      handler: 'x.handler',
      iamRoleStatements: [
        {
          Effect: 'Allow',
          Action: 'dynamodb:Query',
          Resource: { 'Fn::Join': ['/', [{ 'Fn::GetAtt': ['ActivitiesTable', 'Arn'] }, 'index/byKindStart']] },
        },
        { Effect: 'Allow', Action: ['dynamodb:Update*'], Resource: [{ 'Fn::GetAtt': ['StatsTable', 'Arn'] }] },
      ],
    },
  },
  resources: {
    Resources: {
      UsersTable: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'users' } },
      ActivitiesTable: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'activities' } },
      StatsTable: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'stats' } },
    },
  },
} as unknown as ResolvedService;

describe('the roles of serverless/functions/, as the tests enforce them', () => {
  const grants = grantsByFunction(service).dashboard!;
  const denied = (operation: string, input: Record<string, unknown>) =>
    requiredGrants(operation, input).filter((need) => deniedBy(grants, need));

  it("reads a function's statements with the provider's, tables' ARNs resolved", () => {
    expect(grants).toEqual([
      { actions: ['dynamodb:GetItem'], resources: ['arn:aws:dynamodb:*:*:table/users'] },
      { actions: ['dynamodb:Query'], resources: ['arn:aws:dynamodb:*:*:table/activities/index/byKindStart'] },
      { actions: ['dynamodb:Update*'], resources: ['arn:aws:dynamodb:*:*:table/stats'] },
    ]);
  });

  it('allows only the index a statement names, and each action of a transaction on its own table', () => {
    expect(denied('Query', { TableName: 'activities', IndexName: 'byKindStart' })).toEqual([]);
    expect(denied('Query', { TableName: 'activities', IndexName: 'byStart' })).toEqual([
      { action: 'dynamodb:Query', resource: 'arn:aws:dynamodb:*:*:table/activities/index/byStart' },
    ]);
    expect(denied('Query', { TableName: 'activities' })).toHaveLength(1);
    expect(denied('GetItem', { TableName: 'users' })).toEqual([]);
    expect(denied('getitem', { TableName: 'users' })).toEqual([]);
    expect(denied('PutItem', { TableName: 'users' })).toHaveLength(1);
    expect(
      denied('TransactWriteItems', {
        TransactItems: [{ Update: { TableName: 'stats' } }, { ConditionCheck: { TableName: 'users' } }, { Put: { TableName: 'stats' } }],
      }),
    ).toEqual([
      { action: 'dynamodb:ConditionCheckItem', resource: 'arn:aws:dynamodb:*:*:table/users' },
      { action: 'dynamodb:PutItem', resource: 'arn:aws:dynamodb:*:*:table/stats' },
    ]);
    expect(denied('BatchGetItem', { RequestItems: { users: {}, stats: {} } })).toHaveLength(2);
  });

  it('refuses a call its function may not make, as AWS does, and writes nothing', async () => {
    const environment = { STATS_TABLE: process.env.STATS_TABLE! };
    const key = { scope: `iam-test#${Date.now()}`, shard: 0 };
    const refused = asFunction({ name: 'dashboard', environment, grants }, () =>
      doc.send(new PutCommand({ TableName: process.env.STATS_TABLE, Item: key })),
    );
    await expect(refused).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(deniedCalls.splice(0)).toEqual([
      `dashboard is not authorized to perform dynamodb:PutItem on arn:aws:dynamodb:*:*:table/${process.env.STATS_TABLE} (serverless/functions/)`,
    ]);
    const transaction = asFunction({ name: 'dashboard', environment, grants }, () =>
      doc.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: process.env.STATS_TABLE, Item: key } }] })),
    );
    await expect(transaction).rejects.toMatchObject({ name: 'AccessDeniedException' });
    deniedCalls.splice(0);
    expect((await doc.send(new GetCommand({ TableName: process.env.STATS_TABLE, Key: key }))).Item).toBeUndefined();
  });
});
