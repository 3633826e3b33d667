/**
 * What the live feed's socket costs: the handler runs on the real local database through a client
 * that counts its calls, with a clock the test moves.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createActivity } from '../../test/fixtures';
import { signIn } from '../../test/gateway';
import { doc, type DocClient } from '../lib/db';
import { tableName } from '../lib/tables';
import { CONNECTION_TTL_SECONDS, createConnectionRepository, REFRESH_SECONDS } from './connections';
import { COUNTED_PER_MINUTE, createSocketHandler, FLOOD_MINUTES, FREE_PINGS_PER_MINUTE, MAX_FRAME_BYTES } from './socket-handler';

const MINUTE = 60_000;

/** A socket handler of its own (a fresh container), the database calls it made, the connections it closed. */
const container = (start = Date.now()) => {
  const calls: string[] = [];
  const counting: DocClient = {
    send: ((command: object) => {
      calls.push(command.constructor.name.replace('Command', ''));
      return doc.send(command as never);
    }) as DocClient['send'],
  };
  const closed: string[] = [];
  const clock = { at: start };
  const handler = createSocketHandler({
    connections: createConnectionRepository(counting),
    close: async (connectionId) => void closed.push(connectionId),
    now: () => new Date(clock.at),
  });
  const writes = () => calls.filter((name) => name !== 'Get' && name !== 'Query').length;
  return { handler, calls, writes, closed, clock };
};

const connect = async (socket: ReturnType<typeof container>) => {
  const [{ token }, activity] = await Promise.all([signIn('member'), createActivity({ publish: true })]);
  const connectionId = `test-${randomUUID()}`;
  const reply = await socket.handler({
    requestContext: { routeKey: '$connect', connectionId },
    queryStringParameters: { token, activityId: activity.id },
  } as never);
  expect(reply).toEqual({ statusCode: 200 });
  socket.calls.length = 0;
  return connectionId;
};

const send = (socket: ReturnType<typeof container>, connectionId: string, body: string) =>
  socket.handler({ requestContext: { routeKey: '$default', connectionId }, body } as never) as Promise<{ statusCode: number }>;

const item = async (connectionId: string) =>
  (await doc.send(new GetCommand({ TableName: tableName('CONNECTIONS_TABLE'), Key: { connectionId }, ConsistentRead: true }))).Item;

describe('live feed socket: what a message costs', () => {
  it('writes nothing for the app’s pings, extending the connection’s life at most every few minutes', async () => {
    const socket = container();
    const connectionId = await connect(socket);
    const connected = (await item(connectionId))!.expiresAt as number;
    // An hour of the app's pings, one every 4 minutes.
    for (let minute = 4; minute <= 60; minute += 4) {
      socket.clock.at += 4 * MINUTE;
      expect((await send(socket, connectionId, 'ping')).statusCode).toBe(200);
    }
    expect(socket.writes()).toBeLessThanOrEqual(Math.ceil((60 * 60) / REFRESH_SECONDS));
    expect(socket.writes()).toBeGreaterThan(0);
    expect((await item(connectionId))!.expiresAt).toBeGreaterThanOrEqual(connected + 60 * 60 - REFRESH_SECONDS - 4 * 60);
    expect((await item(connectionId))!.expiresAt).toBeLessThanOrEqual(Math.floor(socket.clock.at / 1000) + CONNECTION_TTL_SECONDS);
  });

  it('bounds the writes of a flood of 500 messages, drops the rest and closes a connection that keeps flooding', async () => {
    const socket = container();
    const connectionId = await connect(socket);
    const flood = async () => {
      const replies = [];
      for (let i = 0; i < 500; i += 1) replies.push((await send(socket, connectionId, i % 2 ? 'ping' : '{"x":1}')).statusCode);
      return replies;
    };
    const first = await flood();
    expect(first.filter((status) => status === 200)).toHaveLength(1 + COUNTED_PER_MINUTE);
    // The counted messages, the update that starts the minute's count afresh, the two that find the
    // limit reached and the one that marks the minute: no more, however long the flood.
    expect(socket.writes()).toBeLessThanOrEqual(COUNTED_PER_MINUTE + 4);
    expect((await item(connectionId))!.messages).toBe(COUNTED_PER_MINUTE);
    expect(socket.closed).toEqual([]);

    for (let minute = 2; minute <= FLOOD_MINUTES; minute += 1) {
      socket.clock.at += MINUTE;
      await flood();
    }
    expect(socket.writes()).toBeLessThanOrEqual(FLOOD_MINUTES * (COUNTED_PER_MINUTE + 4) + 1);
    expect(socket.closed).toEqual([connectionId]);
    expect(await item(connectionId)).toBeUndefined();
  });

  it('counts a fresh container’s messages on the connection’s item, so a flood spread over containers is bounded too', async () => {
    const first = container();
    const connectionId = await connect(first);
    for (let i = 0; i < COUNTED_PER_MINUTE; i += 1) await send(first, connectionId, 'hello');
    const second = container(first.clock.at);
    const replies = [];
    for (let i = 0; i < 50; i += 1) replies.push((await send(second, connectionId, 'hello')).statusCode);
    expect(replies.every((status) => status === 429)).toBe(true);
    expect(second.writes()).toBeLessThanOrEqual(3);
  });

  it('refuses a frame over 1 KB without touching the database', async () => {
    const socket = container();
    const connectionId = await connect(socket);
    expect((await send(socket, connectionId, 'x'.repeat(MAX_FRAME_BYTES + 1))).statusCode).toBe(413);
    expect((await send(socket, connectionId, '汉'.repeat(400))).statusCode).toBe(413);
    expect(socket.calls).toEqual([]);
    expect(FREE_PINGS_PER_MINUTE).toBeGreaterThan(0);
  });
});
