/**
 * A list that loads page by page with the API's cursor: first page on show, next page at the
 * bottom, pull down to start again. Tracks loading, error and the end of the list.
 */
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { useLoadWhenShown } from '@/hooks/use-resource';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const usePagedList = <T>(load: (cursor?: string) => Promise<Page<T>>, deps: unknown[] = []) => {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const cursor = useRef<string | null>(null);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (reset: boolean) => {
      const mine = reset ? ++generation.current : generation.current;
      setLoading(true);
      setError(undefined);
      try {
        const page = await load(reset ? undefined : (cursor.current ?? undefined));
        if (mine !== generation.current) return; // a newer refresh started meanwhile
        cursor.current = page.nextCursor;
        setItems((previous) => (reset ? page.items : [...previous, ...page.items]));
        setDone(page.nextCursor === null);
      } catch (caught) {
        if (mine === generation.current) setError(caught);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  );

  const refresh = useCallback(() => fetchPage(true), [fetchPage]);

  useLoadWhenShown(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  // Only once a page has named the next one: before the first page arrives there is nothing to add to.
  useReachBottom(() => {
    if (!loading && !done && !error && cursor.current) void fetchPage(false);
  });

  return { items, loading, error, done, refresh, loadMore: () => fetchPage(false) };
};

/** What a page holds of a paged list (components/status-view's PagedItems shows it). */
export type PagedList<T> = ReturnType<typeof usePagedList<T>>;
