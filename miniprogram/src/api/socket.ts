/**
 * The live feed's WebSocket: the one place the app opens a socket to the cloud. Each message is
 * parsed with the shared `FeedEvent` schema; anything else (a pong, a future event) is ignored.
 */
import Taro from '@tarojs/taro';
import { FeedEvent } from '@hele/shared';
import { socketBase } from './config';

export interface FeedSocketHandlers {
  onOpen: () => void;
  onEvent: (event: FeedEvent) => void;
  onClose: () => void;
}

/** Resolves undefined when there is no socket to open (no WebSocket API configured, or signed out). */
export const openFeedSocket = async (
  activityId: string,
  token: string | undefined,
  handlers: FeedSocketHandlers,
): Promise<Taro.SocketTask | undefined> => {
  const base = socketBase();
  if (!base || !token) return undefined;
  const task = await Taro.connectSocket({ url: `${base}?token=${encodeURIComponent(token)}&activityId=${encodeURIComponent(activityId)}` });
  task.onOpen(handlers.onOpen);
  task.onMessage(({ data }) => {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      return;
    }
    const event = FeedEvent.safeParse(json);
    if (event.success) handlers.onEvent(event.data);
  });
  task.onClose(handlers.onClose);
  return task;
};

/** Keeps the socket from idling out (API Gateway closes a silent one after 10 minutes). */
export const pingFeedSocket = (task: Taro.SocketTask) => task.send({ data: 'ping' });
