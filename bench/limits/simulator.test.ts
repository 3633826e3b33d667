/**
 * The limits simulator throttles what AWS would and nothing else, answering in AWS's shapes: checked
 * through the real SDK client (no retries, so each refusal is seen) against the real DynamoDB Local.
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { attributesUpdated, startLimitsSimulator, type LimitsSimulator } from './simulator';

const upstream = () => process.env.AWS_ENDPOINT_URL_DYNAMODB!;
const run = Date.now().toString(36);
const hotTable = `limits-hot-${run}`;
const otherTable = `limits-other-${run}`;
/** Tables with a global index `byList` on `listKey`: projecting every attribute, or keys only. */
const indexedTables = { ALL: `limits-index-all-${run}`, KEYS_ONLY: `limits-index-keys-${run}` } as const;

const clientOf = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    // 1,200 at once queue for sockets by design: no warning about it.
    requestHandler: { httpAgent: { keepAlive: true, maxSockets: 128 }, socketAcquisitionWarningTimeout: 120_000 },
  });

/** An item of about 1,000 bytes: 1 write unit. */
const kilobyteItem = (pk: string, sk: string) => ({ pk: { S: pk }, sk: { S: sk }, payload: { S: 'x'.repeat(990) } });

const outcomes = async (promises: Array<Promise<unknown>>) => {
  const settled = await Promise.allSettled(promises);
  const errors = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
  return { ok: settled.length - errors.length, errors };
};

let simulator: LimitsSimulator;
let client: DynamoDBClient;

const start = async (options: Partial<Parameters<typeof startLimitsSimulator>[0]> = {}) => {
  simulator = await startLimitsSimulator({ upstream: upstream(), ...options });
  client = clientOf(simulator.endpoint);
};

/** String attributes as key attributes: the first the partition key, a second the sort key. */
const keyed = (...names: string[]) => ({
  AttributeDefinitions: names.map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
  KeySchema: names.map((AttributeName, index) => ({ AttributeName, KeyType: index === 0 ? ('HASH' as const) : ('RANGE' as const) })),
});

beforeAll(async () => {
  const direct = clientOf(upstream());
  for (const TableName of [hotTable, otherTable])
    await direct.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', ...keyed('pk', 'sk') }));
  for (const [projection, TableName] of Object.entries(indexedTables)) {
    const { KeySchema } = keyed('pk');
    await direct.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...keyed('pk').AttributeDefinitions, ...keyed('listKey').AttributeDefinitions],
        KeySchema,
        GlobalSecondaryIndexes: [
          { IndexName: 'byList', KeySchema: keyed('listKey').KeySchema, Projection: { ProjectionType: projection as 'ALL' | 'KEYS_ONLY' } },
        ],
      }),
    );
  }
  direct.destroy();
});

afterEach(async () => {
  client.destroy();
  await simulator.stop();
});

describe('the per-partition write limit (1,000 WCU/s)', () => {
  // One simulated second lasts ten minutes here, so however slow the machine, the burst stays within one.
  const secondMs = 600_000;

  it('throttles 1,200 1-KB writes to one partition key within a second, as ProvisionedThroughputExceededException', async () => {
    await start({ secondMs });
    const started = performance.now();
    const { ok, errors } = await outcomes(
      Array.from({ length: 1200 }, (_, i) => client.send(new PutItemCommand({ TableName: hotTable, Item: kilobyteItem('hot', `i${i}`) }))),
    );
    const refill = Math.ceil(((performance.now() - started) / secondMs) * 1000);
    expect(errors.length).toBeGreaterThan(0);
    expect(ok).toBeGreaterThanOrEqual(1000);
    expect(ok).toBeLessThanOrEqual(1000 + refill);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ProvisionedThroughputExceededException);
      expect((error as ProvisionedThroughputExceededException).$metadata.httpStatusCode).toBe(400);
    }
    expect((errors[0] as ProvisionedThroughputExceededException).ThrottlingReasons).toEqual([
      { reason: 'TableWriteKeyRangeThroughputExceeded', resource: `arn:aws:dynamodb:ap-east-1:000000000000:table/${hotTable}` },
    ]);
    expect(simulator.partitionUnits(hotTable, { S: 'hot' }).write).toBe(ok);

    // Nothing else is affected: reads of that key, another key, the same key value in another table.
    await expect(
      client.send(new GetItemCommand({ TableName: hotTable, Key: { pk: { S: 'hot' }, sk: { S: 'i0' } } })),
    ).resolves.toBeDefined();
    await expect(client.send(new PutItemCommand({ TableName: hotTable, Item: kilobyteItem('cold', 'a') }))).resolves.toBeDefined();
    await expect(client.send(new PutItemCommand({ TableName: otherTable, Item: kilobyteItem('hot', 'a') }))).resolves.toBeDefined();
  });

  it('lets the same 1,200 writes through when spread over 10 partition keys', async () => {
    await start({ secondMs });
    const { ok, errors } = await outcomes(
      Array.from({ length: 1200 }, (_, i) =>
        client.send(new PutItemCommand({ TableName: hotTable, Item: kilobyteItem(`spread-${i % 10}`, `i${i}`) })),
      ),
    );
    expect(errors).toEqual([]);
    expect(ok).toBe(1200);
    expect(simulator.stats()).toMatchObject({ throttled: 0, conflicts: 0, writeUnits: 1200 });
  });
});

describe('capacity is counted as AWS counts it', () => {
  it('charges 1 WCU per KB rounded up, and a failed condition still pays', async () => {
    await start({ secondMs: 60_000 });
    await client.send(
      new PutItemCommand({ TableName: hotTable, Item: { pk: { S: 'size' }, sk: { S: 'a' }, payload: { S: 'y'.repeat(2500) } } }),
    );
    expect(simulator.partitionUnits(hotTable, { S: 'size' }).write).toBe(3);
    await expect(
      client.send(
        new PutItemCommand({ TableName: hotTable, Item: kilobyteItem('size', 'a'), ConditionExpression: 'attribute_not_exists(pk)' }),
      ),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(simulator.partitionUnits(hotTable, { S: 'size' }).write).toBeGreaterThan(3);
  });

  it('reads: half a unit per 4 KB eventually consistent, one strongly consistent; under the limit all pass', async () => {
    await start({ readUnitsPerSecond: 10, secondMs: 60_000 });
    await client.send(new PutItemCommand({ TableName: hotTable, Item: kilobyteItem('reads', 'a') }));
    const Key = { pk: { S: 'reads' }, sk: { S: 'a' } };
    const eventual = await outcomes(Array.from({ length: 20 }, () => client.send(new GetItemCommand({ TableName: hotTable, Key }))));
    expect(eventual.errors).toEqual([]);
    expect(simulator.partitionUnits(hotTable, { S: 'reads' }).read).toBe(10);
    await expect(client.send(new GetItemCommand({ TableName: hotTable, Key, ConsistentRead: true }))).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      ThrottlingReasons: [{ reason: 'TableReadKeyRangeThroughputExceeded' }],
    });
    // The item itself is still writable: reads and writes have separate limits.
    await expect(client.send(new PutItemCommand({ TableName: hotTable, Item: kilobyteItem('reads', 'b') }))).resolves.toBeDefined();
  });
});

describe('queries', () => {
  it('charges a Query to the partition of its key condition, and only that one', async () => {
    await start({ readUnitsPerSecond: 2, secondMs: 60_000 });
    await client.send(new PutItemCommand({ TableName: hotTable, Item: kilobyteItem('query', 'a') }));
    const query = (pk: string) =>
      client.send(
        new QueryCommand({
          TableName: hotTable,
          KeyConditionExpression: '#pk = :pk AND begins_with(sk, :a)',
          ExpressionAttributeNames: { '#pk': 'pk' },
          ExpressionAttributeValues: { ':pk': { S: pk }, ':a': { S: 'a' } },
          ConsistentRead: true,
        }),
      );
    await query('query');
    await query('query');
    expect(simulator.partitionUnits(hotTable, { S: 'query' }).read).toBe(2);
    await expect(query('query')).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    await expect(query('other')).resolves.toMatchObject({ Count: 0 });
  });
});

describe('batches', () => {
  it('returns what a partition cannot take now as UnprocessedItems, and refuses a batch of which nothing can be processed', async () => {
    await start({ writeUnitsPerSecond: 10, secondMs: 60_000 });
    const batch = (from: number, pk: (i: number) => string) =>
      client.send(
        new BatchWriteItemCommand({
          RequestItems: {
            [hotTable]: Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: kilobyteItem(pk(i), `b${from + i}`) } })),
          },
        }),
      );
    const first = await batch(0, () => 'batch-hot');
    expect(first.UnprocessedItems?.[hotTable]).toHaveLength(15);
    expect(simulator.partitionUnits(hotTable, { S: 'batch-hot' }).write).toBe(10);
    await expect(batch(25, () => 'batch-hot')).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      ThrottlingReasons: [{ reason: 'TableWriteKeyRangeThroughputExceeded' }],
    });
    // Spread over 25 keys the same batch is processed whole.
    const spread = await batch(50, (i) => `batch-${i}`);
    expect(spread.UnprocessedItems).toEqual({});
    const read = await client.send(
      new BatchGetItemCommand({ RequestItems: { [hotTable]: { Keys: [{ pk: { S: 'batch-hot' }, sk: { S: 'b0' } }] } } }),
    );
    expect(read.Responses?.[hotTable]).toHaveLength(1);
  });
});

describe('transactions', () => {
  const counterUpdate = (pk: string) => ({
    Update: {
      TableName: hotTable,
      Key: { pk: { S: pk }, sk: { S: 'counter' } },
      UpdateExpression: 'ADD #n :one',
      ExpressionAttributeNames: { '#n': 'n' },
      ExpressionAttributeValues: { ':one': { N: '1' } },
    },
  });

  it('cancels a transaction over the limit with a ThrottlingError reason on the throttled item (2 WCU per KB)', async () => {
    await start({ writeUnitsPerSecond: 10, secondMs: 60_000 });
    const transact = (i: number) =>
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [{ Put: { TableName: hotTable, Item: kilobyteItem('tx-hot', `i${i}`) } }, counterUpdate(`tx-cold-${i}`)],
        }),
      );
    for (let i = 0; i < 5; i++) await transact(i);
    const error = await transact(5).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons).toEqual([
      { Code: 'ThrottlingError', Message: expect.stringContaining('Throughput exceeds the current capacity') },
      { Code: 'None' },
    ]);
    expect((error as Error).message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [ThrottlingError, None]',
    );
    expect(simulator.partitionUnits(hotTable, { S: 'tx-hot' }).write).toBe(10);
  });

  it('cancels the later of two overlapping transactions on one item with TransactionConflict; the winners are exact', async () => {
    await start();
    const { ok, errors } = await outcomes(
      Array.from({ length: 20 }, (_, i) =>
        client.send(
          new TransactWriteItemsCommand({
            TransactItems: [counterUpdate('conflict'), { Put: { TableName: otherTable, Item: kilobyteItem('winner', `i${i}`) } }],
          }),
        ),
      ),
    );
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toBeInstanceOf(TransactionCanceledException);
      expect((error as TransactionCanceledException).CancellationReasons).toEqual([
        { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' },
        { Code: 'None' },
      ]);
    }
    const counter = await client.send(
      new GetItemCommand({ TableName: hotTable, Key: { pk: { S: 'conflict' }, sk: { S: 'counter' } }, ConsistentRead: true }),
    );
    expect(Number(counter.Item!.n!.N)).toBe(ok);
    expect(simulator.stats().conflicts).toBe(errors.length);
    // Once no transaction holds the item, a plain write to it goes through.
    await expect(
      client.send(
        new UpdateItemCommand({
          TableName: hotTable,
          Key: { pk: { S: 'conflict' }, sk: { S: 'counter' } },
          UpdateExpression: 'ADD #n :one',
          ExpressionAttributeNames: { '#n': 'n' },
          ExpressionAttributeValues: { ':one': { N: '1' } },
        }),
      ),
    ).resolves.toBeDefined();
  });

  it('holds the items at least transactionHoldMs: a transaction arriving within it conflicts, one after it does not', async () => {
    await start({ transactionHoldMs: 300 });
    const transact = () => client.send(new TransactWriteItemsCommand({ TransactItems: [counterUpdate('held')] }));
    const first = transact();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(transact()).rejects.toMatchObject({
      name: 'TransactionCanceledException',
      CancellationReasons: [{ Code: 'TransactionConflict' }],
    });
    await first;
    await expect(transact()).resolves.toBeDefined();
    expect(simulator.stats().transactionHoldMs).toBeGreaterThanOrEqual(600);
  });

  it('leaves concurrent transactions alone when conflicts are switched off (throughput only)', async () => {
    await start({ transactionConflicts: false });
    const { ok, errors } = await outcomes(
      Array.from({ length: 20 }, () => client.send(new TransactWriteItemsCommand({ TransactItems: [counterUpdate('no-conflicts')] }))),
    );
    expect(errors).toEqual([]);
    expect(ok).toBe(20);
    expect(simulator.stats()).toMatchObject({ conflicts: 0, transactions: 20 });
  });
});

describe('global indexes', () => {
  // Ten write units a simulated second, which lasts ten minutes here: nothing refills during a test.
  const limits = { writeUnitsPerSecond: 10, secondMs: 600_000 };
  const listed = (pk: string) => ({ pk: { S: pk }, listKey: { S: 'shared' }, count: { N: '0' }, payload: { S: 'z'.repeat(900) } });
  const countUp = (TableName: string, pk: string) =>
    client.send(
      new UpdateItemCommand({
        TableName,
        Key: { pk: { S: pk } },
        UpdateExpression: 'SET #count = #count + :one',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': { N: '1' } },
      }),
    );

  it('charge the index partition of every write that reaches it: items of their own keys meet there, and are throttled there', async () => {
    await start(limits);
    const table = indexedTables.ALL;
    for (let i = 0; i < 5; i++) await client.send(new PutItemCommand({ TableName: table, Item: listed(`all-${i}`) }));
    // Each item's own partition has room for nine more; the index partition `shared`, for five.
    const counted = await outcomes(Array.from({ length: 5 }, (_, i) => countUp(table, `all-${i}`)));
    expect(counted).toEqual({ ok: 5, errors: [] });
    const refused = await countUp(table, 'all-0').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProvisionedThroughputExceededException);
    expect((refused as ProvisionedThroughputExceededException).ThrottlingReasons).toEqual([
      { reason: 'IndexWriteKeyRangeThroughputExceeded', resource: `arn:aws:dynamodb:ap-east-1:000000000000:table/${table}/index/byList` },
    ]);
    expect(simulator.indexUnits(table, 'byList', { S: 'shared' }).write).toBe(10);
    expect(simulator.partitionUnits(table, { S: 'all-0' }).write).toBe(2);
  });

  it('leave an index out of a change of attributes it does not hold (keys only), and charge it when its key moves', async () => {
    await start(limits);
    const table = indexedTables.KEYS_ONLY;
    for (let i = 0; i < 5; i++) await client.send(new PutItemCommand({ TableName: table, Item: listed(`keys-${i}`) }));
    const counted = await outcomes(Array.from({ length: 20 }, (_, i) => countUp(table, `keys-${i % 5}`)));
    expect(counted).toEqual({ ok: 20, errors: [] });
    expect(simulator.indexUnits(table, 'byList', { S: 'shared' }).write).toBe(5);
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: { S: 'keys-0' } },
        UpdateExpression: 'SET listKey = :other',
        ExpressionAttributeValues: { ':other': { S: 'elsewhere' } },
      }),
    );
    expect(simulator.indexUnits(table, 'byList', { S: 'shared' }).write).toBe(6);
    // The item's image was read again: its next write that reaches the index is charged where it is now.
    await client.send(new PutItemCommand({ TableName: table, Item: { ...listed('keys-0'), listKey: { S: 'elsewhere' } } }));
    expect(simulator.indexUnits(table, 'byList', { S: 'elsewhere' }).write).toBe(1);
  });

  it('cancel a transaction whose action reaches an index partition short of capacity, naming that action (2 WCU per KB)', async () => {
    await start(limits);
    const table = indexedTables.ALL;
    for (let i = 0; i < 2; i++) await client.send(new PutItemCommand({ TableName: table, Item: listed(`tx-${i}`) }));
    const update = (pk: string) => ({
      Update: {
        TableName: table,
        Key: { pk: { S: pk } },
        UpdateExpression: 'SET #count = #count + :one',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': { N: '1' } },
      },
    });
    // 2 + 2 × (2 + 2) = 10 on `shared`, all it holds; each item's own partition has 5 of its 10.
    for (let i = 0; i < 2; i++) await client.send(new TransactWriteItemsCommand({ TransactItems: [update('tx-0'), update('tx-1')] }));
    const refused = await client
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [update('tx-0'), { Put: { TableName: otherTable, Item: kilobyteItem('tx', 'a') } }, update('tx-1')],
        }),
      )
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TransactionCanceledException);
    expect((refused as TransactionCanceledException).CancellationReasons?.map((reason) => reason.Code)).toEqual([
      'ThrottlingError',
      'None',
      'ThrottlingError',
    ]);
    expect(simulator.indexUnits(table, 'byList', { S: 'shared' }).write).toBe(10);
  });

  it('read which top-level attributes an update changes', () => {
    expect(
      [
        ...attributesUpdated('SET a = a + :one, #b = if_not_exists(#b, :zero), c.d[2] = :v REMOVE e, #f ADD g :n DELETE h :s', {
          '#b': 'bee',
          '#f': 'eff',
        }),
      ].sort(),
    ).toEqual(['a', 'bee', 'c', 'e', 'eff', 'g', 'h']);
  });
});
