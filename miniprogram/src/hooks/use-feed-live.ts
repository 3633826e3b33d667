/**
 * Keeps a live feed current. While the WebSocket is up, pushes arrive as they happen; when it is
 * down (or never came up), the page polls the catch-up route from the last revision it knows and
 * reconnects with a growing pause. Either way changes reach `onChanges` (merged by id and revision,
 * so a change seen twice does no harm) and like counts reach `onLikes`.
 */
import type Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import type { FeedEvent, PostChange } from '@hele/shared';
import { api } from '@/api';
import { openFeedSocket, pingFeedSocket } from '@/api/socket';
import { currentToken } from '@/auth/session';

const POLL_EVERY_MS = 5_000;
const PING_EVERY_MS = 4 * 60_000;
const RECONNECT_MAX_MS = 60_000;

export interface FeedLiveHandlers {
  onChanges: (changes: PostChange[]) => void;
  onLikes: (postId: string, likeCount: number) => void;
}

export const useFeedLive = (activityId: string, latestRev: string | null | undefined, handlers: FeedLiveHandlers, enabled: boolean) => {
  const rev = useRef<string | null>(null);
  const latest = useRef(handlers);
  latest.current = handlers;
  if (latestRev && (!rev.current || latestRev > rev.current)) rev.current = latestRev;

  useEffect(() => {
    if (!enabled) return undefined;
    let stopped = false;
    let socket: Taro.SocketTask | undefined;
    let pollTimer: ReturnType<typeof setInterval> | undefined;
    let pingTimer: ReturnType<typeof setInterval> | undefined;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let pause = 2_000;

    const apply = (changes: PostChange[]) => {
      for (const change of changes) if (!rev.current || change.rev > rev.current) rev.current = change.rev;
      if (changes.length) latest.current.onChanges(changes);
    };
    /** Everything after the last revision known, following the pages of a long absence. */
    const catchUp = async () => {
      try {
        const since = rev.current ?? undefined;
        let cursor: string | undefined;
        do {
          const page = await api.feed.changes({ params: { id: activityId }, query: { since, cursor } });
          if (stopped) return;
          apply(page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      } catch {
        /* offline: the next tick tries again */
      }
    };
    const startPolling = () => {
      pollTimer ??= setInterval(() => void catchUp(), POLL_EVERY_MS);
    };
    const stopPolling = () => {
      if (pollTimer) clearInterval(pollTimer);
      pollTimer = undefined;
    };
    const onEvent = (event: FeedEvent) => {
      if (event.type === 'likes') latest.current.onLikes(event.id, event.likeCount);
      else if (event.type === 'post') apply([event.post]);
      // Under review or refused: what this reader may see of it, the server says.
      else if (event.type === 'review') void catchUp();
      else apply([{ id: event.id, rev: event.rev, deleted: true }]);
    };

    const connect = async () => {
      if (stopped) return;
      try {
        const task = await openFeedSocket(activityId, currentToken(), {
          onOpen: () => {
            pause = 2_000;
            stopPolling();
            // Whatever happened between loading the page and the socket coming up.
            void catchUp();
            pingTimer = setInterval(() => pingFeedSocket(task!), PING_EVERY_MS);
          },
          onEvent,
          onClose: () => {
            if (pingTimer) clearInterval(pingTimer);
            if (stopped) return;
            startPolling();
            reconnectTimer = setTimeout(() => void connect(), pause);
            pause = Math.min(RECONNECT_MAX_MS, pause * 2);
          },
        });
        if (!task) return startPolling();
        // The page was left while connecting: WeChat allows few sockets at once, so close it now.
        if (stopped) return void task.close({});
        socket = task;
      } catch {
        startPolling();
      }
    };

    void connect();
    return () => {
      stopped = true;
      stopPolling();
      if (pingTimer) clearInterval(pingTimer);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      socket?.close({});
    };
  }, [activityId, enabled]);
};
