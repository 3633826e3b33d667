/**
 * What one request costs DynamoDB: its round trips and the capacity units they consumed. Every
 * DynamoDB call made while a request is measured asks for `ReturnConsumedCapacity: TOTAL` and is
 * counted here (AsyncLocalStorage follows the request's promises, so concurrent requests of the
 * local stack's one process keep apart). The HTTP adapter logs the figures with each request, and on
 * AWS publishes them as CloudWatch metrics in the embedded metric format.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export interface RequestCost {
  roundTrips: number;
  readUnits: number;
  writeUnits: number;
}

/** The operations whose input takes ReturnConsumedCapacity. */
const CAPACITY_REPORTED = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
]);

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const meter = new AsyncLocalStorage<RequestCost>();

/** Runs `work` with a fresh meter; answers what it cost beside its result. */
export const measured = async <T>(work: () => Promise<T>): Promise<{ result: T; cost: RequestCost }> => {
  const cost: RequestCost = { roundTrips: 0, readUnits: 0, writeUnits: 0 };
  const result = await meter.run(cost, work);
  return { result, cost };
};

const add = (cost: RequestCost, consumed: Consumed | Consumed[] | undefined, writes: boolean) => {
  for (const entry of [consumed ?? []].flat()) {
    const read = entry.ReadCapacityUnits ?? 0;
    const write = entry.WriteCapacityUnits ?? 0;
    // Some replies give only the total: a write operation's total is write units, a read's read units.
    const rest = (entry.CapacityUnits ?? 0) - read - write;
    cost.readUnits += read + (writes ? 0 : Math.max(rest, 0));
    cost.writeUnits += write + (writes ? Math.max(rest, 0) : 0);
  }
};

const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

/** Counts every call of the client made inside `measured` (installed once, by lib/db). */
export const meterClient = (client: DynamoDBClient): void => {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const cost = meter.getStore();
      const command = context.commandName ?? '';
      if (!cost) return next(args);
      const input = args.input as { ReturnConsumedCapacity?: string };
      if (CAPACITY_REPORTED.has(command) && !input.ReturnConsumedCapacity) input.ReturnConsumedCapacity = 'TOTAL';
      cost.roundTrips += 1;
      try {
        const output = await next(args);
        add(cost, (output.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity, WRITES.test(command));
        return output;
      } catch (error) {
        // A refused condition still consumed its write units (and says so when asked).
        add(cost, (error as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity, WRITES.test(command));
        throw error;
      }
    },
    { step: 'initialize', name: 'heleRequestCost', override: true },
  );
};

let metrics: Metrics | undefined;

/** On AWS: the request's cost as CloudWatch metrics (EMF, no API call), by route. */
export const publishCost = (route: string, cost: RequestCost): void => {
  metrics ??= new Metrics({ namespace: 'HeleCenter', serviceName: 'hele-center' });
  metrics.addDimension('route', route);
  metrics.addMetric('dynamoRoundTrips', MetricUnit.Count, cost.roundTrips);
  metrics.addMetric('dynamoReadUnits', MetricUnit.Count, cost.readUnits);
  metrics.addMetric('dynamoWriteUnits', MetricUnit.Count, cost.writeUnits);
  metrics.publishStoredMetrics();
};
