import { useCallback, useEffect, useState } from 'react';
import type { Summary } from '../../../shared/api/reports.js';
import { ApiError, api, messageOf } from '../../api.js';
import type { Loaded } from '../../query.js';

/**
 * The figures for one address. While a new period loads, the last figures stay on screen
 * (marked as updating) instead of the page jumping back to a spinner.
 */
export function useSummary(path: string | null) {
  const [result, setResult] = useState<{ path: string; loaded: Loaded<Summary> } | null>(null);
  const [lastReady, setLastReady] = useState<Summary | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api
      .get<Summary>(path, { signal: controller.signal })
      .then((data) => {
        setResult({ path, loaded: { status: 'ready', data } });
        setLastReady(data);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setResult({ path, loaded: { status: 'error', error: err instanceof ApiError ? err : null, message: messageOf(err) } });
      });
    return () => controller.abort();
  }, [path, attempt]);

  const retry = useCallback(() => {
    setResult(null);
    setAttempt((n) => n + 1);
  }, []);
  const current: Loaded<Summary> = result && result.path === path ? result.loaded : { status: 'loading' };
  return { current, lastReady, retry };
}
