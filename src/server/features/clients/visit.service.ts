import type { Db } from '../../db/index.js';
import type { AppointmentTable } from '../../db/schema.js';
import type { Auth } from '../../http/auth.js';
import { AppError, conflict, notFound } from '../../http/errors.js';

/**
 * The visit a new session is recorded at, when named (started from Today): it must be this
 * client's, in this practice, not cancelled and not already recorded.
 */
export async function visitForNewSession(
  db: Db,
  auth: Auth,
  o: { clientId: string; appointmentId?: string },
): Promise<AppointmentTable | undefined> {
  if (!o.appointmentId) return undefined;
  const a = await db
    .selectFrom('appointments')
    .selectAll()
    .where('id', '=', o.appointmentId)
    .where('practice_id', '=', auth.practiceId)
    .executeTakeFirst();
  if (!a) throw notFound('That appointment');
  if (a.client_id !== o.clientId)
    throw new AppError(400, 'invalid', 'That appointment is another client’s.', { appointmentId: 'Another client’s appointment' });
  if (a.status === 'cancelled')
    throw new AppError(400, 'invalid', 'That appointment was cancelled.', { appointmentId: 'A cancelled appointment' });
  if (a.recorded_session_id) throw conflict('A session was already recorded for this appointment: open it instead.', 'already_recorded');
  return a;
}

/** Marks the visit attended and links it to its session; refuses if another save linked it first. */
export async function attendVisit(trx: Db, o: { appointmentId: string; sessionId: string; now: string }) {
  const done = await trx
    .updateTable('appointments')
    .set({ recorded_session_id: o.sessionId, status: 'done', updated_at: o.now })
    .where('id', '=', o.appointmentId)
    .where('recorded_session_id', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1)
    throw conflict('A session was already recorded for this appointment: open it instead.', 'already_recorded');
}

/** The visit a session was recorded at, if any. */
export async function visitOfSession(db: Db, sessionId: string) {
  const a = await db.selectFrom('appointments').select('id').where('recorded_session_id', '=', sessionId).executeTakeFirst();
  return a?.id ?? null;
}
