import type { Exercise } from '../../../shared/api/exercises.js';
import type { ExerciseContent } from '../../../shared/exercise.js';
import type { Db } from '../../db/index.js';
import { readCustomItem, readOr } from '../../db/stored.js';
import { drawingFields } from './drawing-files.js';
import { builtInLibrary } from './library.js';

let views: Map<string, { plain: Exercise; favourite: Exercise }> | undefined;

/**
 * The built-in items as any practice sees them, made once and frozen: the library does not change
 * while the server runs, and copying 85 items for every suggestion request was most of its garbage.
 */
function builtInViews() {
  views ??= new Map(
    [...builtInLibrary().values()].map((item) => {
      const base = { ...item, id: item.slug, source: 'builtin' as const };
      const plain: Exercise = { ...base, basedOn: null, favourite: false, media: [], ...drawingFields(base) };
      return [item.slug, { plain: deepFreeze(plain), favourite: deepFreeze({ ...plain, favourite: true }) }];
    }),
  );
  return views;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** One practice's view of the library: the built-in items plus its own, with its favourites and media. */
export async function practiceCatalogue(db: Db, practiceId: string): Promise<Exercise[]> {
  const [custom, favourites, media] = await Promise.all([
    db.selectFrom('custom_exercises').selectAll().where('practice_id', '=', practiceId).orderBy('created_at').execute(),
    db.selectFrom('favourites').select('exercise_id').where('practice_id', '=', practiceId).execute(),
    db.selectFrom('exercise_media').selectAll().where('practice_id', '=', practiceId).orderBy('created_at').execute(),
  ]);
  const favourite = new Set(favourites.map((f) => f.exercise_id));
  const mediaOf = (id: string) =>
    media
      .filter((m) => m.exercise_id === id)
      .map((m) => ({ id: m.id, kind: m.kind, mime: m.mime, bytes: m.bytes, url: `/api/v1/media/${m.id}` }));
  const items: Exercise[] = [...builtInViews().values()].map((v) => (favourite.has(v.plain.id) ? v.favourite : v.plain));
  for (const row of custom) {
    // One item that no longer reads is left out of the library (and logged), not the whole library.
    const content = readOr<ExerciseContent | null>(readCustomItem, row.content, () => null, { what: 'custom item', id: row.id });
    if (!content) continue;
    items.push({
      ...content,
      id: row.id,
      source: 'custom',
      basedOn: row.based_on,
      favourite: favourite.has(row.id),
      media: mediaOf(row.id),
      ...drawingFields({ ...content, id: row.id, source: 'custom' }),
    });
  }
  return items;
}

/** One item by id (a built-in's id is its slug) as this practice sees it, or undefined. */
export async function findExercise(db: Db, practiceId: string, id: string): Promise<Exercise | undefined> {
  const view = builtInViews().get(id);
  if (view) {
    const fav = await db
      .selectFrom('favourites')
      .select('exercise_id')
      .where('practice_id', '=', practiceId)
      .where('exercise_id', '=', id)
      .executeTakeFirst();
    return fav ? view.favourite : view.plain;
  }
  // A custom item is found by its id or by its slug (variation links and packs may hold either).
  const row = await db
    .selectFrom('custom_exercises')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where((eb) => eb.or([eb('id', '=', id), eb('slug', '=', id)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const [fav, media] = await Promise.all([
    db
      .selectFrom('favourites')
      .select('exercise_id')
      .where('practice_id', '=', practiceId)
      .where('exercise_id', '=', row.id)
      .executeTakeFirst(),
    db
      .selectFrom('exercise_media')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .where('exercise_id', '=', row.id)
      .orderBy('created_at')
      .execute(),
  ]);
  const content = readOr<ExerciseContent | null>(readCustomItem, row.content, () => null, { what: 'custom item', id: row.id });
  if (!content) return undefined;
  return {
    ...content,
    id: row.id,
    source: 'custom',
    basedOn: row.based_on,
    favourite: Boolean(fav),
    media: media.map((m) => ({ id: m.id, kind: m.kind, mime: m.mime, bytes: m.bytes, url: `/api/v1/media/${m.id}` })),
    ...drawingFields({ ...content, id: row.id, source: 'custom' }),
  };
}
