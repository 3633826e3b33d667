/**
 * Creates the tables of serverless.yml on the local DynamoDB: CreateTable takes the CloudFormation
 * properties minus the ones it does not know; TTL is a separate call. Existing tables are kept
 * (their data is the point of DATA_DIR); global indexes added to serverless.yml since are created.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import type { CfnTable } from './serverless-config';

const CFN_ONLY = ['PointInTimeRecoverySpecification', 'TimeToLiveSpecification', 'Tags', 'SSESpecification', 'StreamSpecification'];

const createInput = (table: CfnTable): CreateTableCommandInput => {
  const input = { ...table.Properties } as Record<string, unknown>;
  for (const key of CFN_ONLY) delete input[key];
  const stream = table.Properties.StreamSpecification as { StreamViewType?: string } | undefined;
  if (stream?.StreamViewType) input.StreamSpecification = { StreamEnabled: true, StreamViewType: stream.StreamViewType };
  return input as unknown as CreateTableCommandInput;
};

const exists = async (client: DynamoDBClient, TableName: string) => {
  try {
    return (await client.send(new DescribeTableCommand({ TableName }))).Table;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
};

const addMissingIndexes = async (client: DynamoDBClient, table: CfnTable, existingNames: Set<string>) => {
  const wanted = (table.Properties.GlobalSecondaryIndexes ?? []) as GlobalSecondaryIndex[];
  for (const index of wanted.filter((gsi) => !existingNames.has(gsi.IndexName!))) {
    await client.send(
      new UpdateTableCommand({
        TableName: table.Properties.TableName,
        AttributeDefinitions: createInput(table).AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
};

export const ensureTables = async (client: DynamoDBClient, tables: CfnTable[]): Promise<string[]> => {
  const created: string[] = [];
  for (const table of tables) {
    const TableName = table.Properties.TableName;
    const current = await exists(client, TableName);
    if (current) {
      await addMissingIndexes(client, table, new Set((current.GlobalSecondaryIndexes ?? []).map((gsi) => gsi.IndexName!)));
      continue;
    }
    await client.send(new CreateTableCommand(createInput(table)));
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName });
    const ttl = table.Properties.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined;
    if (ttl?.Enabled) {
      await client.send(
        new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true } }),
      );
    }
    created.push(TableName);
  }
  return created;
};
