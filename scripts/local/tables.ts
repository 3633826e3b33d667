/**
 * Creates the tables of serverless.yml on the local DynamoDB: CreateTable takes the CloudFormation
 * properties minus the ones it does not know; TTL is a separate call. Existing tables are kept
 * (their data is the point of DATA_DIR); global indexes added to serverless.yml since are created, and
 * those whose projection it changed are made again.
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
  type GlobalSecondaryIndexDescription,
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

const projectionOf = (index: { Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] } }) =>
  JSON.stringify([index.Projection?.ProjectionType, [...(index.Projection?.NonKeyAttributes ?? [])].sort()]);

/** Sends a change of a table again while the table refuses it as in use (an index still being deleted), for up to 30 s. */
const whenNotInUse = async (send: () => Promise<unknown>) => {
  for (let waited = 0; ; waited += 200) {
    try {
      return await send();
    } catch (error) {
      if ((error as Error).name !== 'ResourceInUseException' || waited >= 30_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
};

/** Waits (up to 30 s) until a new index answers queries. */
const indexActive = async (client: DynamoDBClient, TableName: string, IndexName: string) => {
  for (let waited = 0; waited < 30_000; waited += 200) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    if (Table?.GlobalSecondaryIndexes?.find((gsi) => gsi.IndexName === IndexName)?.IndexStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The index ${IndexName} of ${TableName} is not active after 30 s`);
};

/**
 * Creates the global indexes serverless.yml declares that the table lacks, and makes again those whose
 * projection it changed (a projection cannot be updated in place).
 */
const syncIndexes = async (client: DynamoDBClient, table: CfnTable, existing: GlobalSecondaryIndexDescription[]) => {
  const wanted = (table.Properties.GlobalSecondaryIndexes ?? []) as GlobalSecondaryIndex[];
  const TableName = table.Properties.TableName;
  for (const index of wanted) {
    const current = existing.find((gsi) => gsi.IndexName === index.IndexName);
    if (current && projectionOf(current) === projectionOf(index)) continue;
    if (current)
      await client.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: index.IndexName } }] }));
    await whenNotInUse(() =>
      client.send(
        new UpdateTableCommand({
          TableName,
          AttributeDefinitions: createInput(table).AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      ),
    );
    await indexActive(client, TableName, index.IndexName!);
  }
};

export const ensureTables = async (client: DynamoDBClient, tables: CfnTable[]): Promise<string[]> => {
  const created: string[] = [];
  for (const table of tables) {
    const TableName = table.Properties.TableName;
    const current = await exists(client, TableName);
    if (current) {
      await syncIndexes(client, table, current.GlobalSecondaryIndexes ?? []);
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
