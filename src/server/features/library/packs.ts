import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { packSchema } from '../../../shared/api/exercises.js';
import type { Db } from '../../db/index.js';
import { readOr, readStringList } from '../../db/stored.js';

export type Pack = z.infer<typeof packSchema>;

let builtInPacks: Pack[] | undefined;
/** Starter packs every practice sees, from content/packs.json. */
export function starterPacks(): Pack[] {
  // Shipped with the app and checked by its tests: a file that does not fit stops with a clear error.
  builtInPacks ??= packSchema
    .omit({ source: true })
    .array()
    .parse(JSON.parse(readFileSync(new URL('../../../../content/packs.json', import.meta.url), 'utf8')))
    .map((p) => ({ ...p, source: 'builtin' as const }));
  return builtInPacks;
}

/** The item ids of a starter pack or one of the practice's own packs ([] when there is none). */
export async function packExerciseIds(db: Db, practiceId: string, packId: string): Promise<string[]> {
  const starter = starterPacks().find((p) => p.id === packId);
  if (starter) return starter.exerciseIds;
  if (!/^[0-9a-f-]{36}$/.test(packId)) return [];
  const row = await db
    .selectFrom('packs')
    .select('exercise_ids')
    .where('practice_id', '=', practiceId)
    .where('id', '=', packId)
    .executeTakeFirst();
  return row ? packItemIds({ id: packId, exercise_ids: row.exercise_ids }) : [];
}

/** A pack's item ids as stored; a list that no longer reads is an empty pack (logged). */
export function packItemIds(row: { id: string; exercise_ids: string }): string[] {
  return readOr(readStringList, row.exercise_ids, () => [], { what: 'pack items', id: row.id });
}
