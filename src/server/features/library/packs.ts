import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { packSchema } from '../../../shared/api/exercises.js';
import type { Db } from '../../db/index.js';

export type Pack = z.infer<typeof packSchema>;

let builtInPacks: Pack[] | undefined;
/** Starter packs every practice sees, from content/packs.json. */
export function starterPacks(): Pack[] {
  builtInPacks ??= (
    JSON.parse(readFileSync(new URL('../../../../content/packs.json', import.meta.url), 'utf8')) as Omit<Pack, 'source'>[]
  ).map((p) => ({
    ...p,
    source: 'builtin' as const,
  }));
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
  return row ? JSON.parse(row.exercise_ids) : [];
}
