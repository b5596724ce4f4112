import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, messageOf } from './api.js';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: ApiError | null; message: string } | { status: 'ready'; data: T };

/** GETs a path when the page opens (and again on reload()); null skips the request. */
export function useApiData<T>(path: string | null) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the reload() trigger
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api
      .get<T>(path, { signal: controller.signal })
      .then((data) => {
        // A response that lands after the path changed is stale: the newer request decides.
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: err instanceof ApiError ? err : null, message: messageOf(err) });
      });
    return () => controller.abort();
  }, [path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload, setState };
}
