import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Exercise, packSchema } from '../../../shared/api/exercises.js';
import { api, messageOf } from '../../api.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';

export type Pack = z.infer<typeof packSchema>;
export type ExerciseList = { exercises: Exercise[]; total: number };

/**
 * The list for the current filters. Unlike useApiData it says which filters the shown list is
 * for, so the page can keep the last list on screen (marked as updating) while the next one loads.
 */
export function useExerciseList(path: string) {
  const [shown, setShown] = useState<{ path: string; data: ExerciseList } | null>(null);
  const [error, setError] = useState<{ path: string; message: string } | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<ExerciseList>(path, { signal: controller.signal })
      .then((data) => {
        setShown({ path, data });
        setError(null);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError({ path, message: messageOf(err) });
      });
    return () => controller.abort();
  }, [path, attempt]);

  return {
    list: shown?.data ?? null,
    updating: shown?.path !== path && error?.path !== path,
    error: error?.path === path ? error.message : null,
    retry: () => setAttempt((n) => n + 1),
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
