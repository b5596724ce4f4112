import { keepPreviousData, QueryClient, type QueryKey, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api, messageOf } from './api.js';

/**
 * The app's one cache of what it read from the server (decision 029). A query's key is its API
 * path cut at the slashes (`/api/v1/clients/7/homework?status=all` → `['clients', '7', 'homework',
 * {status: 'all'}]`), so a path from paths.ts is also the prefix that refreshes everything under it.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A failed read says so at once with its own "Try again"; a tablet coming back into focus
      // does not reload a form the therapist is filling in.
      retry: false,
      refetchOnWindowFocus: false,
    },
  },
});

const API_ROOT = '/api/v1/';

/** The cache key of an API path. */
export function keyOf(path: string): QueryKey {
  const [pathname = '', search = ''] = path.split('?');
  const segments = (pathname.startsWith(API_ROOT) ? pathname.slice(API_ROOT.length) : pathname).split('/').filter(Boolean);
  if (!search) return segments;
  return [...segments, Object.fromEntries(new URLSearchParams(search))];
}

/** Marks everything under these paths out of date; what is on screen reads again. Call after a write. */
export function refresh(...paths: string[]): Promise<void> {
  return Promise.all(paths.map((path) => queryClient.invalidateQueries({ queryKey: keyOf(path) }))).then(() => undefined);
}

/** Puts what a write answered into the cache, so the pages that show it need not ask again. */
export function remember<T>(path: string, data: T) {
  queryClient.setQueryData<T>(keyOf(path), data);
}

/** Forgets every answer: on signing in or out, so one person never sees what another read. */
export function forgetAll() {
  queryClient.clear();
}

export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: ApiError | null; message: string } | { status: 'ready'; data: T };

/**
 * GETs a path through the cache; null waits (for a filter, or an id still coming).
 * A cached answer shows at once while a fresh one is asked for; `fresh` waits for the fresh one,
 * for a page that starts a form or its own list from the answer. While a new path loads, the
 * last answer stays on screen, so a page never blanks between filters.
 */
export function useApiQuery<T>(path: string | null, options: { fresh?: boolean } = {}) {
  const query = useQuery({
    queryKey: path === null ? ['waiting'] : keyOf(path),
    queryFn: ({ signal }) => api.get<T>(path as string, { signal }),
    enabled: path !== null,
    placeholderData: keepPreviousData,
  });

  let state: Loaded<T> = { status: 'loading' };
  if (path !== null && query.status === 'error')
    state = { status: 'error', error: query.error instanceof ApiError ? query.error : null, message: messageOf(query.error) };
  else if (path !== null && query.data !== undefined && (!options.fresh || query.isFetchedAfterMount))
    state = { status: 'ready', data: query.data };

  const { refetch } = query;
  const reload = useCallback((): void => {
    void refetch();
  }, [refetch]);
  /** Replaces what is shown (and cached) with what a write answered, or with a change to it. */
  const setData = useCallback(
    (next: T | ((current: T) => T)) => {
      if (path === null) return;
      queryClient.setQueryData<T>(keyOf(path), (current) =>
        typeof next === 'function' ? (current === undefined ? current : (next as (c: T) => T)(current)) : next,
      );
    },
    [path],
  );
  return { state, reload, setData };
}
