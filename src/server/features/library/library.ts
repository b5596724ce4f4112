import type { ExerciseQuery } from '../../../shared/api/exercises.js';
import type { ExerciseContent } from '../../../shared/exercise.js';
import { checkLibrary, readLibraryFiles } from './content-check.js';

let builtIn: ReadonlyMap<string, ExerciseContent> | undefined;

/** The built-in library, read and checked once; a broken item stops the server at boot, not a client at home. */
export function builtInLibrary(): ReadonlyMap<string, ExerciseContent> {
  if (builtIn) return builtIn;
  const { items, problems } = readLibraryFiles();
  const all = [...problems, ...checkLibrary(items)];
  if (all.length) throw new Error(`The self-care library has problems:\n${all.slice(0, 20).join('\n')}`);
  builtIn = new Map(items.map((i) => [i.slug, i]));
  return builtIn;
}

/** True when an item matches every filter given (search words match name, purpose, muscles or slug). */
export function matchesQuery(item: ExerciseContent, q: ExerciseQuery): boolean {
  if (q.region && !item.regions.includes(q.region)) return false;
  if (q.complaint && !item.complaints.includes(q.complaint)) return false;
  if (q.category && item.category !== q.category) return false;
  if (q.tool === 'none' && item.tools.length > 0) return false;
  if (q.tool && q.tool !== 'none' && !item.tools.some((need) => need.includes(q.tool as never))) return false;
  if (q.q) {
    const haystack = `${item.name} ${item.purpose} ${item.muscles.join(' ')} ${item.slug}`.toLowerCase();
    return q.q
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => haystack.includes(word));
  }
  return true;
}
