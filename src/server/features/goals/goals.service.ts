import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Goal, progressEntryBody } from '../../../shared/api/goals.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/errors.js';
import { goalsOf } from './goals.repository.js';

/** The client logs a number on one of their own goals (from their page); another client's goal is refused. */
export async function logClientProgress(
  { db, clock }: Pick<AppDeps, 'db' | 'clock'>,
  clientId: string,
  goalId: string,
  body: z.infer<typeof progressEntryBody>,
): Promise<Goal> {
  const g = await db.selectFrom('goals').selectAll().where('id', '=', goalId).where('client_id', '=', clientId).executeTakeFirst();
  if (!g) throw new AppError(400, 'invalid', 'That is not one of your goals.', { id: 'Not one of your goals' });
  return logProgress({ db, clock }, g, body, 'client');
}

type GoalRow = { id: string; practice_id: string; client_id: string };

/** One progress entry on a goal already checked to be the caller's; answers the goal as it now reads. */
export async function logProgress(
  { db, clock }: Pick<AppDeps, 'db' | 'clock'>,
  g: GoalRow,
  body: z.infer<typeof progressEntryBody>,
  by: 'client' | 'therapist',
): Promise<Goal> {
  await db
    .insertInto('goal_progress')
    .values({
      id: randomUUID(),
      practice_id: g.practice_id,
      goal_id: g.id,
      client_id: g.client_id,
      value: body.value,
      note: body.note ?? null,
      recorded_by: by,
      recorded_at: clock.now().toISOString(),
    })
    .execute();
  return (await goalsOf(db, g.client_id)).find((x) => x.id === g.id)!;
}
