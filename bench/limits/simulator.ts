/**
 * DynamoDB limits simulator (issue #20): an HTTP proxy in front of DynamoDB Local that enforces the
 * published per-partition limits and answers as AWS does when they are exceeded. DynamoDB Local has no
 * limits and never reports a transaction conflict; this proxy adds both, so a design can be measured
 * against the ceiling it will meet on AWS. How it counts and what it leaves out: bench/limits/README.md.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import { type Item, itemSize, readUnits, writeUnits } from './item-size';

export interface LimitsOptions {
  /** The DynamoDB Local endpoint requests are forwarded to. */
  upstream: string;
  /** Port to listen on (0: any free port). */
  port?: number;
  /** Per partition key value, per simulated second (AWS: 1,000 and 3,000). */
  writeUnitsPerSecond?: number;
  readUnitsPerSecond?: number;
  /** How many seconds of unused capacity a partition's bucket keeps (1: it starts full with one second's worth). */
  burstSeconds?: number;
  /** Wall-clock milliseconds per simulated second: above 1,000 runs the limits in slow motion (a local machine is slower than AWS). */
  secondMs?: number;
  /** Simulate transaction conflicts (default true); false leaves only the throughput limits. */
  transactionConflicts?: boolean;
  /**
   * Simulated milliseconds a write transaction holds its items at least (default 0: as long as DynamoDB Local takes, which
   * depends on this machine's load). AWS publishes no figure; a fixed value makes conflict rows comparable between runs.
   */
  transactionHoldMs?: number;
}

export interface LimitsStats {
  /** Requests forwarded to DynamoDB Local. */
  forwarded: number;
  /** Requests refused for throughput (ProvisionedThroughputExceededException or a transaction's ThrottlingError). */
  throttled: number;
  /** Requests refused for a transaction in progress on one of their items. */
  conflicts: number;
  /** Units charged to partitions (estimates corrected by what DynamoDB Local reported). */
  writeUnits: number;
  readUnits: number;
  /** Write transactions forwarded, and how long they held their items in all (simulated milliseconds). */
  transactions: number;
  transactionHoldMs: number;
}

export interface LimitsSimulator {
  endpoint: string;
  stats(): LimitsStats;
  /** Units charged so far to one partition key value (its AttributeValue, e.g. `{ S: 'a1' }`). */
  partitionUnits(table: string, key: Record<string, unknown>): { read: number; write: number };
  /** Units charged so far to one partition of a global index (the value of its partition key, e.g. `{ S: 'published' }`). */
  indexUnits(table: string, index: string, key: Record<string, unknown>): { read: number; write: number };
  stop(): Promise<void>;
}

const PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const THROTTLE_MESSAGE =
  'Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html.';
const CONFLICT_MESSAGE = 'Transaction is ongoing for the item';
const BATCHES = ['BatchWriteItem', 'BatchGetItem'];

// biome-ignore lint/suspicious/noExplicitAny: DynamoDB's wire JSON, read field by field as the API reference describes it.
type Body = Record<string, any>;
type Kind = 'read' | 'write';

/** One item's share of a request: which partition pays, how much (estimated before, corrected after). */
interface Charge {
  table: string;
  partition: string;
  item: string;
  kind: Kind;
  units: number;
  /** 2 for transactions: what a unit of item size costs. */
  factor: number;
  consistent?: boolean;
}

/** A global index: its own partitions, by its partition key's value; written when an item's change reaches what it holds. */
interface GlobalIndex {
  name: string;
  hash: string;
  /** Its own key attributes: an item lacking one is not in the index (sparse). */
  own: string[];
  /** The attributes an entry holds besides every key (the table's and the index's); `undefined`: all of them (`ALL`). */
  projected?: Set<string>;
  keys: Set<string>;
}

interface KeySchema {
  hash: string;
  range?: string;
  /** Indexes that share the table's partition key (local ones). */
  localIndexes: Set<string>;
  globalIndexes: GlobalIndex[];
}

class Bucket {
  tokens: number;
  last: number;
  constructor(
    private readonly max: number,
    now: number,
  ) {
    this.tokens = max;
    this.last = now;
  }
  refill(now: number, perMs: number) {
    this.tokens = Math.min(this.max, this.tokens + (now - this.last) * perMs);
    this.last = now;
  }
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** The headers of the proxy's own calls to DynamoDB Local (its table descriptions, an item's image). */
const DESCRIBE_HEADERS = {
  'content-type': 'application/x-amz-json-1.0',
  authorization: 'AWS4-HMAC-SHA256 Credential=local/20200101/local/dynamodb/aws4_request',
};

/** Top-level pieces of an expression, split at `separator` outside parentheses. */
const splitOutside = (text: string, separator: string) => {
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === separator && depth === 0) {
      pieces.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return [...pieces, text.slice(from)].map((piece) => piece.trim()).filter(Boolean);
};

/** The top-level attributes an `UpdateExpression` changes (`SET a = …, #b = …  REMOVE c  ADD d :v`), names resolved. */
export const attributesUpdated = (expression: string | undefined, names: Record<string, string> = {}): Set<string> => {
  const changed = new Set<string>();
  const clauses = String(expression ?? '').split(/\b(SET|REMOVE|ADD|DELETE)\b/i);
  for (let i = 1; i < clauses.length; i += 2) {
    for (const action of splitOutside(clauses[i + 1] ?? '', ',')) {
      const path = (clauses[i]!.toUpperCase() === 'SET' ? action.split('=')[0]! : action.split(/\s+/)[0]!).trim();
      const first = path.split(/[.[]/)[0]!;
      changed.add(names[first] ?? first);
    }
  }
  return changed;
};

export const startLimitsSimulator = async (options: LimitsOptions): Promise<LimitsSimulator> => {
  const upstream = new URL(options.upstream);
  const secondMs = options.secondMs ?? 1000;
  const rate: Record<Kind, number> = { write: options.writeUnitsPerSecond ?? 1000, read: options.readUnitsPerSecond ?? 3000 };
  const burst = options.burstSeconds ?? 1;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const buckets = new Map<string, Bucket>();
  const charged = new Map<string, { read: number; write: number }>();
  const knownSize = new Map<string, number>();
  const locks = new Set<string>();
  const inWrite = new Map<string, number>();
  const schemas = new Map<string, Promise<KeySchema | undefined>>();
  /** What the proxy last saw of an item of a table with global indexes: which index partitions its writes reach. */
  const images = new Map<string, Item | undefined>();
  const stats: LimitsStats = {
    forwarded: 0,
    throttled: 0,
    conflicts: 0,
    writeUnits: 0,
    readUnits: 0,
    transactions: 0,
    transactionHoldMs: 0,
  };
  const conflicts = options.transactionConflicts ?? true;
  const minimumHold = ((options.transactionHoldMs ?? 0) * secondMs) / 1000;

  const send = (target: string, headers: http.IncomingHttpHeaders, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const forwarded = { ...headers, host: upstream.host, 'content-length': String(body.length), 'x-amz-target': target };
      const request = http.request(
        { host: upstream.hostname, port: upstream.port, path: '/', method: 'POST', headers: forwarded, agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  const schemaOf = (table: string): Promise<KeySchema | undefined> => {
    let schema = schemas.get(table);
    if (!schema) {
      schema = send('DynamoDB_20120810.DescribeTable', DESCRIBE_HEADERS, json({ TableName: table })).then(({ status, body }) => {
        if (status !== 200) return undefined;
        const description = JSON.parse(body.toString()).Table;
        const keys = description.KeySchema as Array<{ AttributeName: string; KeyType: string }>;
        const tableKeys = keys.map((key) => key.AttributeName);
        return {
          hash: keys.find((key) => key.KeyType === 'HASH')!.AttributeName,
          range: keys.find((key) => key.KeyType === 'RANGE')?.AttributeName,
          localIndexes: new Set((description.LocalSecondaryIndexes ?? []).map((index: { IndexName: string }) => index.IndexName)),
          globalIndexes: (description.GlobalSecondaryIndexes ?? []).map((index: Body): GlobalIndex => {
            const own = (index.KeySchema as Array<{ AttributeName: string; KeyType: string }>).map((key) => key.AttributeName);
            const type = index.Projection?.ProjectionType;
            return {
              name: index.IndexName,
              hash: (index.KeySchema as Array<{ AttributeName: string; KeyType: string }>).find((key) => key.KeyType === 'HASH')!
                .AttributeName,
              own,
              projected: type === 'ALL' ? undefined : new Set(type === 'INCLUDE' ? index.Projection.NonKeyAttributes : []),
              keys: new Set([...tableKeys, ...own]),
            };
          }),
        };
      });
      schemas.set(table, schema);
      // A table that did not exist yet may be created later.
      schema.then((found) => found ?? schemas.delete(table));
    }
    return schema;
  };

  const bucket = (partition: string, kind: Kind, now: number) => {
    const id = `${kind}\u0000${partition}`;
    let found = buckets.get(id);
    if (!found) {
      found = new Bucket(rate[kind] * burst, now);
      buckets.set(id, found);
    }
    found.refill(now, rate[kind] / secondMs);
    return found;
  };

  const account = (charge: Charge, units: number) => {
    bucket(charge.partition, charge.kind, performance.now()).tokens -= units;
    stats[charge.kind === 'write' ? 'writeUnits' : 'readUnits'] += units;
    const total = charged.get(charge.partition) ?? { read: 0, write: 0 };
    total[charge.kind] += units;
    charged.set(charge.partition, total);
  };

  /** Takes every charge of a request or none: a request is admitted only if each partition it touches can pay now. */
  const admit = (charges: Charge[]): boolean[] => {
    const now = performance.now();
    const need = new Map<string, { charge: Charge; units: number }>();
    for (const charge of charges) {
      const id = `${charge.kind}\u0000${charge.partition}`;
      need.set(id, { charge, units: (need.get(id)?.units ?? 0) + charge.units });
    }
    const short = new Set<string>();
    for (const [id, { charge, units }] of need) if (bucket(charge.partition, charge.kind, now).tokens < units) short.add(id);
    if (short.size === 0) for (const charge of charges) account(charge, charge.units);
    return charges.map((charge) => short.has(`${charge.kind}\u0000${charge.partition}`));
  };

  const keyOf = async (table: string, key: Item) => {
    const schema = await schemaOf(table);
    if (!schema) return undefined;
    const partition = `${table}\u0000${JSON.stringify(key[schema.hash])}`;
    const item = `${partition}\u0000${schema.range ? JSON.stringify(key[schema.range]) : ''}`;
    return { partition, item, schema };
  };

  const writeCharge = async (table: string, key: Item, newItem: Item | undefined, factor: number): Promise<Charge | undefined> => {
    const at = await keyOf(table, key);
    if (!at) return undefined;
    const bytes = Math.max(itemSize(newItem), knownSize.get(at.item) ?? 0);
    return { table, partition: at.partition, item: at.item, kind: 'write', units: writeUnits(bytes) * factor, factor };
  };

  const readCharge = async (table: string, key: Item, consistent: boolean, factor: number): Promise<Charge | undefined> => {
    const at = await keyOf(table, key);
    if (!at) return undefined;
    const units = readUnits(knownSize.get(at.item) ?? 0, consistent) * factor;
    return { table, partition: at.partition, item: at.item, kind: 'read', units, factor, consistent };
  };

  /** An item as DynamoDB Local holds it now (read past the limits: the proxy looking, not the caller), or as last seen. */
  const imageOf = async (table: string, key: Item, item: string): Promise<Item | undefined> => {
    if (images.has(item)) return images.get(item);
    const { status, body } = await send(
      'DynamoDB_20120810.GetItem',
      DESCRIBE_HEADERS,
      json({ TableName: table, Key: key, ConsistentRead: true }),
    );
    const image = status === 200 ? (JSON.parse(body.toString()).Item as Item | undefined) : undefined;
    images.set(item, image);
    return image;
  };

  /**
   * What a write costs the global indexes it reaches: each index partition (the value of the index's partition key on
   * the item) pays for the entry written there. A `Put` or `Delete` reaches every index the item is in; an `Update`
   * only those that hold an attribute it changes (every attribute for `ALL`, the keys for `KEYS_ONLY`, the keys and the
   * named ones for `INCLUDE`). A `ConditionCheck` writes nothing.
   */
  const indexCharges = async (table: string, type: string, detail: Body, factor: number): Promise<Charge[]> => {
    const schema = await schemaOf(table);
    if (!schema?.globalIndexes.length || type === 'ConditionCheck') return [];
    const key = type === 'Put' ? detail.Item : detail.Key;
    const at = await keyOf(table, key);
    if (!at) return [];
    const image = type === 'Put' ? detail.Item : await imageOf(table, key, at.item);
    const changed = type === 'Update' ? attributesUpdated(detail.UpdateExpression, detail.ExpressionAttributeNames) : undefined;
    const charges: Charge[] = [];
    for (const index of schema.globalIndexes) {
      const value = image?.[index.hash];
      if (value === undefined || index.own.some((name) => image?.[name] === undefined)) continue;
      const holds = (name: string) => index.keys.has(name) || !index.projected || index.projected.has(name);
      if (changed && ![...changed].some(holds)) continue;
      const entry = index.projected
        ? Object.fromEntries(Object.entries(image as Item).filter(([name]) => index.keys.has(name) || index.projected!.has(name)))
        : undefined;
      const bytes = entry ? itemSize(entry) : Math.max(itemSize(type === 'Put' ? detail.Item : undefined), knownSize.get(at.item) ?? 0);
      charges.push({
        table: `${table}/index/${index.name}`,
        partition: `${table}\u0000${index.name}\u0000${JSON.stringify(value)}`,
        item: '',
        kind: 'write',
        units: writeUnits(bytes) * factor,
        factor,
      });
    }
    return charges;
  };

  /** Each write action's charges to global indexes, in the request's order (reads: none). */
  const indexChargesOf = async (operation: string, body: Body): Promise<Charge[][]> => {
    switch (operation) {
      case 'PutItem':
        return [await indexCharges(body.TableName, 'Put', body, 1)];
      case 'UpdateItem':
        return [await indexCharges(body.TableName, 'Update', body, 1)];
      case 'DeleteItem':
        return [await indexCharges(body.TableName, 'Delete', body, 1)];
      case 'TransactWriteItems':
        return Promise.all(
          (body.TransactItems as Body[]).map((action) => {
            const [type, detail] = Object.entries(action)[0] as [string, Body];
            return indexCharges(detail.TableName, type, detail, 2);
          }),
        );
      default:
        return [];
    }
  };

  /** After a write went through: the items it put are as sent; one it deleted, or whose index keys it may have moved, is read again when needed. */
  const learnImages = async (operation: string, body: Body) => {
    const actions: Array<[string, Body]> =
      operation === 'TransactWriteItems'
        ? (body.TransactItems as Body[]).map((action) => Object.entries(action)[0] as [string, Body])
        : operation === 'BatchWriteItem'
          ? Object.entries(body.RequestItems as Record<string, Body[]>).flatMap(([TableName, entries]) =>
              entries.map((entry): [string, Body] =>
                entry.PutRequest
                  ? ['Put', { TableName, Item: entry.PutRequest.Item }]
                  : ['Delete', { TableName, Key: entry.DeleteRequest.Key }],
              ),
            )
          : [[operation.replace('Item', ''), body]];
    for (const [type, detail] of actions) {
      const schema = await schemaOf(detail.TableName);
      if (!schema?.globalIndexes.length || type === 'ConditionCheck') continue;
      const at = await keyOf(detail.TableName, type === 'Put' ? detail.Item : detail.Key);
      if (!at) continue;
      if (type === 'Put') images.set(at.item, detail.Item);
      else if (type === 'Delete') images.set(at.item, undefined);
      else if (
        [...attributesUpdated(detail.UpdateExpression, detail.ExpressionAttributeNames)].some((name) =>
          schema.globalIndexes.some((index) => index.keys.has(name)),
        )
      )
        images.delete(at.item);
    }
  };

  /** The partition a Query reads: the `hashKey = :value` term of its key condition (base table or a local index). */
  const queryCharge = async (body: Body): Promise<Charge | undefined> => {
    const schema = await schemaOf(body.TableName);
    if (!schema || (body.IndexName && !schema.localIndexes.has(body.IndexName))) return undefined;
    let value: unknown = body.KeyConditions?.[schema.hash]?.AttributeValueList?.[0];
    for (const term of String(body.KeyConditionExpression ?? '').split(/\s+AND\s+/i)) {
      const match = /^\(?\s*([#\w.]+)\s*=\s*(:\w+)\s*\)?$/.exec(term.trim());
      if (match && (body.ExpressionAttributeNames?.[match[1]!] ?? match[1]) === schema.hash)
        value = body.ExpressionAttributeValues?.[match[2]!];
    }
    if (!value) return undefined;
    const partition = `${body.TableName}\u0000${JSON.stringify(value)}`;
    return { table: body.TableName, partition, item: '', kind: 'read', units: readUnits(0, !!body.ConsistentRead), factor: 1 };
  };

  /** Each item's charge, in the request's order (undefined: not limited). */
  const chargesOf = async (operation: string, body: Body): Promise<Array<Charge | undefined>> => {
    switch (operation) {
      case 'PutItem':
        return [await writeCharge(body.TableName, body.Item, body.Item, 1)];
      case 'UpdateItem':
      case 'DeleteItem':
        return [await writeCharge(body.TableName, body.Key, undefined, 1)];
      case 'GetItem':
        return [await readCharge(body.TableName, body.Key, !!body.ConsistentRead, 1)];
      case 'Query':
        return [await queryCharge(body)];
      case 'TransactWriteItems':
        return Promise.all(
          (body.TransactItems as Body[]).map((action) => {
            const [type, detail] = Object.entries(action)[0] as [string, Body];
            return writeCharge(detail.TableName, type === 'Put' ? detail.Item : detail.Key, type === 'Put' ? detail.Item : undefined, 2);
          }),
        );
      case 'TransactGetItems':
        return Promise.all((body.TransactItems as Body[]).map(({ Get }) => readCharge(Get.TableName, Get.Key, true, 2)));
      default:
        return [];
    }
  };

  /** What DynamoDB Local reports a request consumed on each table's base partitions (table and local indexes). */
  const consumedByTable = (consumed: Body | Body[] | undefined) => {
    const byTable = new Map<string, number>();
    for (const entry of [consumed ?? []].flat()) {
      const local = Object.values((entry.LocalSecondaryIndexes ?? {}) as Record<string, { CapacityUnits?: number }>);
      const units = entry.Table
        ? (entry.Table.CapacityUnits ?? 0) + local.reduce((sum, index) => sum + (index.CapacityUnits ?? 0), 0)
        : (entry.CapacityUnits ?? 0);
      byTable.set(entry.TableName, (byTable.get(entry.TableName) ?? 0) + units);
    }
    return byTable;
  };

  /** Corrects the estimates by the units reported, shared among a table's items in proportion to their estimates. */
  const settle = (charges: Charge[], consumed: Map<string, number>) => {
    for (const [table, units] of consumed) {
      const mine = charges.filter((charge) => charge.table === table);
      const estimated = mine.reduce((sum, charge) => sum + charge.units, 0);
      if (!estimated) continue;
      for (const charge of mine) {
        const actual = (units * charge.units) / estimated;
        account(charge, actual - charge.units);
        if (charge.item && charge.kind === 'write') knownSize.set(charge.item, Math.max(0, (actual / charge.factor - 1) * 1024) + 1);
      }
    }
  };

  const learnSizes = async (operation: string, request: Body, reply: Body) => {
    if (operation === 'PutItem') {
      const at = await keyOf(request.TableName, request.Item);
      if (at) knownSize.set(at.item, itemSize(request.Item));
    } else if (operation === 'GetItem' && reply.Item) {
      const at = await keyOf(request.TableName, request.Key);
      if (at) knownSize.set(at.item, itemSize(reply.Item));
    } else if (operation === 'DeleteItem') {
      const at = await keyOf(request.TableName, request.Key);
      if (at) knownSize.delete(at.item);
    } else if (operation === 'TransactWriteItems') {
      for (const { Put, Delete } of request.TransactItems as Body[]) {
        const at = Put ? await keyOf(Put.TableName, Put.Item) : Delete ? await keyOf(Delete.TableName, Delete.Key) : undefined;
        if (at && Put) knownSize.set(at.item, itemSize(Put.Item));
        else if (at) knownSize.delete(at.item);
      }
    }
  };

  /** The reply with `ConsumedCapacity` as the caller asked for it (the proxy always asks for INDEXES). */
  const withConsumed = (parsed: Body, asked: string | undefined) => {
    if (asked === 'INDEXES') return parsed;
    if (asked !== 'TOTAL') {
      delete parsed.ConsumedCapacity;
      return parsed;
    }
    for (const entry of [parsed.ConsumedCapacity ?? []].flat() as Body[]) {
      delete entry.Table;
      delete entry.LocalSecondaryIndexes;
      delete entry.GlobalSecondaryIndexes;
    }
    return parsed;
  };

  const answer = (response: http.ServerResponse, status: number, headers: http.OutgoingHttpHeaders, body: Buffer) => {
    const { 'transfer-encoding': _chunked, connection: _connection, 'keep-alive': _keepAlive, ...kept } = headers;
    response.writeHead(status, { ...kept, 'content-length': body.length, 'x-amz-crc32': String(zlib.crc32(body)) });
    response.end(body);
  };

  const refuse = (response: http.ServerResponse, type: string, body: Body) =>
    answer(
      response,
      400,
      { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() },
      json({ __type: `${PREFIX}${type}`, ...body }),
    );

  const regionOf = (authorization: string | undefined) => /Credential=[^/]+\/\d+\/([^/]+)\//.exec(authorization ?? '')?.[1] ?? 'ap-east-1';

  const throughputExceeded = (response: http.ServerResponse, charge: Charge, region: string) =>
    refuse(response, 'ProvisionedThroughputExceededException', {
      message: THROTTLE_MESSAGE,
      ThrottlingReasons: [
        {
          reason: `${charge.table.includes('/index/') ? 'Index' : 'Table'}${charge.kind === 'write' ? 'Write' : 'Read'}KeyRangeThroughputExceeded`,
          resource: `arn:aws:dynamodb:${region}:000000000000:table/${charge.table}`,
        },
      ],
    });

  const cancelled = (response: http.ServerResponse, reasons: Array<{ Code: string; Message?: string }>) =>
    refuse(response, 'TransactionCanceledException', {
      Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((reason) => reason.Code).join(', ')}]`,
      CancellationReasons: reasons,
    });

  /**
   * BatchWriteItem / BatchGetItem: each entry is admitted on its own; the ones short of capacity come back as
   * `UnprocessedItems` / `UnprocessedKeys`, and only if none can be processed is the whole call refused (as AWS does).
   */
  const batch = async (request: http.IncomingMessage, response: http.ServerResponse, target: string, operation: string, body: Body) => {
    const writing = operation === 'BatchWriteItem';
    const admitted: Record<string, unknown> = {};
    const unprocessed: Record<string, unknown> = {};
    const charges: Charge[] = [];
    let first: Charge | undefined;
    for (const [table, entries] of Object.entries(body.RequestItems as Body)) {
      const keep: Body[] = [];
      const skip: Body[] = [];
      for (const entry of (writing ? entries : entries.Keys) as Body[]) {
        const charge = writing
          ? await writeCharge(table, entry.PutRequest?.Item ?? entry.DeleteRequest?.Key, entry.PutRequest?.Item, 1)
          : await readCharge(table, entry, !!entries.ConsistentRead, 1);
        const indexes = writing
          ? await indexCharges(table, entry.PutRequest ? 'Put' : 'Delete', entry.PutRequest ?? entry.DeleteRequest, 1)
          : [];
        if (charge && admit([charge, ...indexes]).some(Boolean)) {
          first ??= charge;
          skip.push(entry);
        } else {
          if (charge) charges.push(charge);
          keep.push(entry);
        }
      }
      if (keep.length) admitted[table] = writing ? keep : { ...entries, Keys: keep };
      if (skip.length) unprocessed[table] = writing ? skip : { ...entries, Keys: skip };
    }
    if (first && Object.keys(admitted).length === 0) {
      stats.throttled++;
      return throughputExceeded(response, first, regionOf(request.headers.authorization));
    }
    const asked = body.ReturnConsumedCapacity as string | undefined;
    const reply = await send(target, request.headers, json({ ...body, RequestItems: admitted, ReturnConsumedCapacity: 'INDEXES' }));
    stats.forwarded++;
    if (reply.status !== 200) return answer(response, reply.status, reply.headers, reply.body);
    const parsed = JSON.parse(reply.body.toString()) as Body;
    settle(charges, consumedByTable(parsed.ConsumedCapacity));
    if (writing) await learnImages(operation, { RequestItems: admitted });
    const field = writing ? 'UnprocessedItems' : 'UnprocessedKeys';
    const merged: Body = { ...(parsed[field] ?? {}) };
    for (const [table, rest] of Object.entries(unprocessed) as Array<[string, Body]>) {
      if (writing) merged[table] = [...(merged[table] ?? []), ...(rest as Body[])];
      else merged[table] = { ...rest, Keys: [...(merged[table]?.Keys ?? []), ...rest.Keys] };
    }
    parsed[field] = merged;
    return answer(response, 200, reply.headers, json(withConsumed(parsed, asked)));
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse, raw: Buffer) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.split('.')[1] ?? '';
    const limited = ['PutItem', 'UpdateItem', 'DeleteItem', 'GetItem', 'Query', 'TransactWriteItems', 'TransactGetItems', ...BATCHES];
    let body: Body | undefined;
    try {
      body = limited.includes(operation) ? JSON.parse(raw.toString()) : undefined;
    } catch {
      body = undefined;
    }
    if (!body) {
      const reply = await send(target, request.headers, raw);
      stats.forwarded++;
      return answer(response, reply.status, reply.headers, reply.body);
    }
    if (BATCHES.includes(operation)) return batch(request, response, target, operation, body);
    const slots = await chargesOf(operation, body);
    // With the global index partitions each write action reaches. Nothing is awaited from here until the locks are
    // taken: a request checked for conflicts holds its items before another is checked.
    const indexed = await indexChargesOf(operation, body);
    const charges = slots.filter((charge): charge is Charge => charge !== undefined);
    const transaction = operation.startsWith('Transact');
    const region = regionOf(request.headers.authorization);

    // A transaction in progress on an item: a transaction touching it is cancelled, a single write refused.
    const busy = slots.map((charge) =>
      charge?.item ? locks.has(charge.item) || (operation === 'TransactGetItems' && (inWrite.get(charge.item) ?? 0) > 0) : false,
    );
    const writes = operation !== 'GetItem' && operation !== 'Query';
    if (conflicts && writes && busy.some(Boolean)) {
      stats.conflicts++;
      if (!transaction) return refuse(response, 'TransactionConflictException', { message: CONFLICT_MESSAGE });
      return cancelled(
        response,
        busy.map((conflict) => (conflict ? { Code: 'TransactionConflict', Message: CONFLICT_MESSAGE } : { Code: 'None' })),
      );
    }

    const owed = slots.flatMap((charge, slot) => [...(charge ? [charge] : []), ...(indexed[slot] ?? [])].map((owes) => ({ slot, owes })));
    const short = admit(owed.map(({ owes }) => owes));
    if (short.some(Boolean)) {
      stats.throttled++;
      const unpaid = owed.filter((_, index) => short[index]);
      if (!transaction) return throughputExceeded(response, unpaid[0]!.owes, region);
      const slotsShort = new Set(unpaid.map(({ slot }) => slot));
      return cancelled(
        response,
        slots.map((_, slot) => (slotsShort.has(slot) ? { Code: 'ThrottlingError', Message: THROTTLE_MESSAGE } : { Code: 'None' })),
      );
    }

    const held = operation === 'TransactWriteItems' ? charges.map((charge) => charge.item) : [];
    for (const item of held) locks.add(item);
    // A single write in progress cancels a TransactGetItems of its item (but takes no lock against writers).
    const single = ['PutItem', 'UpdateItem', 'DeleteItem'].includes(operation) ? charges.map((charge) => charge.item) : [];
    for (const item of single) inWrite.set(item, (inWrite.get(item) ?? 0) + 1);
    const asked = body.ReturnConsumedCapacity as string | undefined;
    let reply: Awaited<ReturnType<typeof send>>;
    const sent = performance.now();
    try {
      reply = await send(target, request.headers, json({ ...body, ReturnConsumedCapacity: 'INDEXES' }));
      // Timers may fire a fraction of a millisecond early by the high-resolution clock: wait until the hold has passed.
      for (let rest = sent + minimumHold - performance.now(); held.length && rest > 0; rest = sent + minimumHold - performance.now())
        await new Promise((resolve) => setTimeout(resolve, Math.ceil(rest)));
    } finally {
      for (const item of held) locks.delete(item);
      for (const item of single) {
        const left = (inWrite.get(item) ?? 1) - 1;
        if (left) inWrite.set(item, left);
        else inWrite.delete(item);
      }
    }
    if (held.length) {
      stats.transactions++;
      stats.transactionHoldMs += ((performance.now() - sent) * 1000) / secondMs;
    }
    stats.forwarded++;
    if (reply.status !== 200) return answer(response, reply.status, reply.headers, reply.body);
    const parsed = JSON.parse(reply.body.toString()) as Body;
    // DynamoDB Local reports a transaction's units as plain writes of its items (not doubled): there the estimate stands.
    if (!transaction) settle(charges, consumedByTable(parsed.ConsumedCapacity));
    await learnSizes(operation, body, parsed);
    await learnImages(operation, body);
    return answer(response, 200, reply.headers, json(withConsumed(parsed, asked)));
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handle(request, response, Buffer.concat(chunks)).catch((error: Error) => {
        if (!response.headersSent) refuse(response, 'InternalServerError', { message: `limits simulator: ${error.message}` });
      });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats: () => ({ ...stats }),
    partitionUnits(table, key) {
      return charged.get(`${table}\u0000${JSON.stringify(key)}`) ?? { read: 0, write: 0 };
    },
    indexUnits(table, index, key) {
      return charged.get(`${table}\u0000${index}\u0000${JSON.stringify(key)}`) ?? { read: 0, write: 0 };
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
};
