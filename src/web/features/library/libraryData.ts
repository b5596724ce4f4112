import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import type { z } from 'zod';
import type { Exercise, packSchema } from '../../../shared/api/exercises.js';
import { api, messageOf } from '../../api.js';
import { paths } from '../../paths.js';
import { keyOf, useApiQuery } from '../../query.js';

export type Pack = z.infer<typeof packSchema>;
export type ExerciseList = { exercises: Exercise[]; total: number };

/**
 * The list for the current filters, through the cache. While the next filters' list loads, the
 * last one stays on screen marked as updating; a failed load keeps it too, with the error.
 */
export function useExerciseList(path: string) {
  const query = useQuery({
    queryKey: keyOf(path),
    queryFn: ({ signal }) => api.get<ExerciseList>(path, { signal }),
    placeholderData: keepPreviousData,
  });
  const last = useRef<ExerciseList | null>(null);
  if (query.data) last.current = query.data;
  const { refetch } = query;
  return {
    list: query.data ?? last.current,
    updating: query.isPlaceholderData,
    error: query.isError ? messageOf(query.error) : null,
    retry: () => void refetch(),
  };
}

/** Every item this practice can see: for names of linked items and for choosing items (not fetched while `needed` is false). */
export function useCatalogue(needed = true) {
  return useApiQuery<ExerciseList>(needed ? paths.exercises() : null);
}

export function usePacks() {
  return useApiQuery<{ packs: Pack[] }>(paths.packs());
}

/** Finds an item by id or slug (links between items may name either). */
export function findItem(items: readonly Exercise[], idOrSlug: string): Exercise | undefined {
  return items.find((e) => e.id === idOrSlug) ?? items.find((e) => e.slug === idOrSlug);
}
