import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CATEGORIES, COMPLAINTS, REGIONS, TOOLS } from '../../../shared/vocabulary.js';
import { paths } from '../../paths.js';
import { SOURCES } from './libraryText.js';

/** The filters the library list understands; each lives in the URL so a view can be bookmarked. */
export const FILTER_KEYS = ['region', 'tool', 'complaint', 'category', 'source', 'pack'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey | 'q', string>>;

const allowed: Record<Exclude<FilterKey, 'pack'>, (v: string) => boolean> = {
  region: (v) => v in REGIONS,
  tool: (v) => v in TOOLS || v === 'none',
  complaint: (v) => v in COMPLAINTS,
  category: (v) => v in CATEGORIES,
  source: (v) => v in SOURCES,
};

const SEARCH_DELAY_MS = 250;

/** The filters read from the URL; values the server would refuse (an old bookmark, a typo) are left out. */
function filtersFrom(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    if (key === 'pack' ? value.length <= 80 : allowed[key](value)) filters[key] = value;
  }
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 100);
  return filters;
}

/** The API path for a set of filters. */
export function exercisesPath(filters: Filters): string {
  return paths.exercises(filters);
}

/**
 * Filter state kept in the URL query. Each filter change is a history entry, so Back undoes it;
 * the search box updates the URL after a short pause, and a run of typing is one entry.
 */
export function useLibraryFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const urlText = params.get('q') ?? '';
  const [searchText, setSearchText] = useState(urlText);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typed = useRef(urlText);

  // Back and Forward change the URL under the search box: show what the URL says.
  useEffect(() => {
    if (urlText === typed.current) return;
    clearTimeout(timer.current);
    typed.current = urlText;
    setSearchText(urlText);
  }, [urlText]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const setFilter = useCallback(
    (key: FilterKey, value: string | undefined) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      });
    },
    [setParams],
  );

  const search = useCallback(
    (text: string) => {
      setSearchText(text);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        typed.current = text.trim() ? text : '';
        setParams(
          (prev) => {
            const next = new URLSearchParams(prev);
            if (text.trim()) next.set('q', text);
            else next.delete('q');
            return next;
          },
          // The first letter starts a new entry; the rest of the word replaces it.
          { replace: Boolean(params.get('q')) && Boolean(text.trim()) },
        );
      }, SEARCH_DELAY_MS);
    },
    [params, setParams],
  );

  const clearAll = useCallback(() => {
    clearTimeout(timer.current);
    typed.current = '';
    setSearchText('');
    setParams(new URLSearchParams());
  }, [setParams]);

  const active = Object.keys(filters).length > 0;
  return { filters, searchText, search, setFilter, clearAll, active };
}
