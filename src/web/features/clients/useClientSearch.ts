import { useCallback, useEffect, useState } from 'react';
import type { Client } from '../../../shared/api/clients.js';
import { ApiError, api, messageOf } from '../../api.js';
import { paths } from '../../paths.js';

export type ClientSort = 'recent' | 'name' | 'adherence' | 'next-visit';

export interface ClientQuery {
  q: string;
  archived?: boolean;
  sort?: ClientSort;
  pageSize?: number;
}

type ListState =
  | { status: 'loading'; clients: Client[]; total: number }
  | { status: 'ready'; clients: Client[]; total: number }
  | { status: 'error'; clients: Client[]; total: number; message: string; error: ApiError | null };

export function clientListPath({ q, archived, sort = 'recent', pageSize = 50 }: ClientQuery, offset = 0) {
  return paths.clients({ sort, limit: pageSize, offset, q: q.trim(), archived });
}

/**
 * Clients matching a search, a page at a time. While a new search is out the last results stay
 * on screen (no flicker as the therapist types); a newer search cancels an older one.
 */
export function useClientSearch(query: ClientQuery) {
  const [state, setState] = useState<ListState>({ status: 'loading', clients: [], total: 0 });
  const [offset, setOffset] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const path = clientListPath(query);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search starts from the first page
  useEffect(() => setOffset(0), [path]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', clients: s.clients, total: s.total }));
    api
      .get<{ clients: Client[]; total: number }>(clientListPath(query, offset), { signal: controller.signal })
      .then((page) =>
        setState((s) => ({ status: 'ready', clients: offset === 0 ? page.clients : [...s.clients, ...page.clients], total: page.total })),
      )
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, status: 'error', message: messageOf(err), error: err instanceof ApiError ? err : null }));
      });
    return () => controller.abort();
  }, [path, offset, attempt]);

  const showMore = useCallback(() => setOffset(state.clients.length), [state.clients.length]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, showMore, retry, hasMore: state.clients.length < state.total };
}
