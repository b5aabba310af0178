/** Loads data for a screen: loading, error and data, with reload and local updates. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** load again; the current data stays visible meanwhile */
  reload: () => Promise<void>;
  /** replace the data locally (after a save returned the new version) */
  setData: (update: T | ((old: T | undefined) => T | undefined)) => void;
}

/** Runs `load` when `deps` change; stale answers of an earlier run are ignored. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const run = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const id = ++run.current;
    setLoading(true);
    try {
      const result = await loadRef.current();
      if (id !== run.current) return;
      setDataState(result);
      setError(undefined);
    } catch (e) {
      if (id !== run.current) return;
      setError(e);
    } finally {
      if (id === run.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setDataState(undefined);
    void reload();
  }, deps);

  const setData = useCallback((update: T | ((old: T | undefined) => T | undefined)) => {
    setDataState((old) =>
      typeof update === 'function' ? (update as (o: T | undefined) => T | undefined)(old) : update,
    );
  }, []);

  return { data, error, loading, reload, setData };
}
