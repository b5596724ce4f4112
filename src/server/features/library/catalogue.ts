import type { Exercise } from '../../../shared/api/exercises.js';
import { type ExerciseContent, exerciseContentSchema } from '../../../shared/exercise.js';
import type { Db } from '../../db/index.js';
import { builtInLibrary } from './library.js';

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
  const items: Exercise[] = [];
  for (const item of builtInLibrary().values()) {
    items.push({ ...item, id: item.slug, source: 'builtin', basedOn: null, favourite: favourite.has(item.slug), media: [] });
  }
  for (const row of custom) {
    const content: ExerciseContent = exerciseContentSchema.parse(JSON.parse(row.content));
    items.push({
      ...content,
      id: row.id,
      source: 'custom',
      basedOn: row.based_on,
      favourite: favourite.has(row.id),
      media: mediaOf(row.id),
    });
  }
  return items;
}

/** One item by id (a built-in's id is its slug) as this practice sees it, or undefined. */
export async function findExercise(db: Db, practiceId: string, id: string): Promise<Exercise | undefined> {
  const builtIn = builtInLibrary().get(id);
  if (builtIn) {
    const fav = await db
      .selectFrom('favourites')
      .select('exercise_id')
      .where('practice_id', '=', practiceId)
      .where('exercise_id', '=', id)
      .executeTakeFirst();
    return { ...builtIn, id, source: 'builtin', basedOn: null, favourite: Boolean(fav), media: [] };
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
  return {
    ...exerciseContentSchema.parse(JSON.parse(row.content)),
    id: row.id,
    source: 'custom',
    basedOn: row.based_on,
    favourite: Boolean(fav),
    media: media.map((m) => ({ id: m.id, kind: m.kind, mime: m.mime, bytes: m.bytes, url: `/api/v1/media/${m.id}` })),
  };
}
