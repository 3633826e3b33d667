/**
 * The local stack's tables (scripts/local/tables.ts), kept across restarts in DATA_DIR: an index that
 * serverless.yml adds is created, and one whose projection it changes is made again, holding the items.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTables } from '../../scripts/local/tables';
import type { CfnTable } from '../../scripts/local/serverless-config';
import { doc, dynamo } from '../src/lib/db';

const declared = (TableName: string, indexes: Array<{ name: string; projection: 'ALL' | 'KEYS_ONLY' }>): CfnTable =>
  ({
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'listKey', AttributeType: 'S' },
        { AttributeName: 'startsAt', AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: indexes.map(({ name, projection }) => ({
        IndexName: name,
        KeySchema: [
          { AttributeName: 'listKey', KeyType: 'HASH' },
          { AttributeName: 'startsAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: projection },
      })),
    },
  }) as unknown as CfnTable;

const indexes = async (TableName: string) =>
  ((await dynamo.send(new DescribeTableCommand({ TableName }))).Table?.GlobalSecondaryIndexes ?? []).map((index) => [
    index.IndexName,
    index.Projection?.ProjectionType,
  ]);

const onIndex = async (TableName: string, IndexName: string) =>
  (
    await doc.send(
      new QueryCommand({
        TableName,
        IndexName,
        KeyConditionExpression: 'listKey = :key',
        ExpressionAttributeValues: { ':key': 'published' },
      }),
    )
  ).Items;

describe('the local tables', () => {
  it('make again an index whose projection changed, and create one added, keeping the items', async () => {
    const TableName = `local-tables-${Date.now()}`;
    expect(await ensureTables(dynamo, [declared(TableName, [{ name: 'byStart', projection: 'ALL' }])])).toEqual([TableName]);
    await doc.send(new PutCommand({ TableName, Item: { id: 'a1', listKey: 'published', startsAt: '2026-12-07', confirmedCount: 3 } }));
    expect(await onIndex(TableName, 'byStart')).toEqual([{ id: 'a1', listKey: 'published', startsAt: '2026-12-07', confirmedCount: 3 }]);

    const changed = declared(TableName, [
      { name: 'byStart', projection: 'KEYS_ONLY' },
      { name: 'byStartAgain', projection: 'KEYS_ONLY' },
    ]);
    expect(await ensureTables(dynamo, [changed])).toEqual([]);
    expect(await indexes(TableName)).toEqual(
      expect.arrayContaining([
        ['byStart', 'KEYS_ONLY'],
        ['byStartAgain', 'KEYS_ONLY'],
      ]),
    );
    expect(await onIndex(TableName, 'byStart')).toEqual([{ id: 'a1', listKey: 'published', startsAt: '2026-12-07' }]);
    expect(await onIndex(TableName, 'byStartAgain')).toEqual([{ id: 'a1', listKey: 'published', startsAt: '2026-12-07' }]);
    // Declared as it is now: nothing to do.
    await ensureTables(dynamo, [changed]);
    expect(await indexes(TableName)).toHaveLength(2);
  });
});
