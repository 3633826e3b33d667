/** A WebSocket client of the live feed, for tests and the bench: collects events, waits for one. */
import type { FeedEvent } from '@hele/shared';
import WebSocket from 'ws';

export interface FeedWatcher {
  events: Array<{ event: FeedEvent; at: number }>;
  next(predicate: (event: FeedEvent) => boolean, timeoutMs?: number): Promise<{ event: FeedEvent; at: number }>;
  close(): Promise<void>;
}

export const watchFeed = (websocketUrl: string, token: string, activityId: string): Promise<FeedWatcher> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(`${websocketUrl}?${new URLSearchParams({ token, activityId })}`);
    const events: FeedWatcher['events'] = [];
    const waiting = new Set<() => void>();
    socket.on('message', (data) => {
      events.push({ event: JSON.parse(data.toString()) as FeedEvent, at: performance.now() });
      for (const wake of waiting) wake();
    });
    socket.once('error', reject);
    socket.once('unexpected-response', (_, response) => reject(new Error(`socket refused: ${response.statusCode}`)));
    socket.once('open', () =>
      resolve({
        events,
        next: (predicate, timeoutMs = 5_000) =>
          new Promise((found, failed) => {
            const check = () => {
              const hit = events.find(({ event }) => predicate(event));
              if (!hit) return;
              waiting.delete(check);
              clearTimeout(timer);
              found(hit);
            };
            const timer = setTimeout(() => {
              waiting.delete(check);
              failed(new Error(`no matching feed event within ${timeoutMs} ms`));
            }, timeoutMs);
            waiting.add(check);
            check();
          }),
        close: () =>
          new Promise<void>((closed) => {
            if (socket.readyState === WebSocket.CLOSED) return closed();
            socket.once('close', () => closed());
            socket.close();
          }),
      }),
    );
  });
