import type { Db } from '../../db/index.js';
import { AppError } from '../../http/errors.js';

/** A `therapistId` someone asked for must be a member of their practice: 400 naming the field otherwise. */
export async function checkTherapistOfPractice(db: Db, practiceId: string, therapistId: string | undefined): Promise<void> {
  if (!therapistId) return;
  const member = await db
    .selectFrom('members')
    .select('id')
    .where('id', '=', therapistId)
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  if (!member) throw new AppError(400, 'invalid', 'No such therapist in your practice.', { therapistId: 'Not in your practice' });
}
