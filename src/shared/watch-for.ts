import type { ExerciseContent } from './exercise.js';
import { CAUTION_WATCH, type Caution } from './vocabulary.js';

/**
 * What this client should watch for while doing this item: one plain line for each of the
 * client's cautions that warns (not excludes) for it, the item's own words first.
 */
export function watchLinesFor(
  item: Pick<ExerciseContent, 'cautionWith'> & { watchFor?: ExerciseContent['watchFor'] },
  clientCautions: readonly Caution[],
): string[] {
  const has = new Set(clientCautions);
  return item.cautionWith.filter((c) => has.has(c)).map((c) => item.watchFor?.[c] ?? CAUTION_WATCH[c]);
}
