/**
 * One thing a page shows, loaded the one way pages load data: on mount and whenever `deps` change,
 * again when the page is shown after another (fresh after a change made elsewhere), and on demand.
 * Tracks loading and the error; a slower, older load never overwrites a newer one.
 */
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Runs `load` on mount and whenever it changes (what it depends on changed: a filter, the user), and again
 * each time the page is shown after another: coming back (after registering on a detail page) shows fresh data.
 */
export const useLoadWhenShown = (load: () => Promise<unknown>) => {
  useEffect(() => {
    void load();
  }, [load]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void load();
    shown.current = true;
  });
};

export const useResource = <T>(load: () => Promise<T>, deps: unknown[] = []) => {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(undefined);
    try {
      const value = await load();
      if (mine === generation.current) setData(value);
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, deps);

  useLoadWhenShown(reload);

  return { data, error, loading, reload, setData };
};
