import type { AppDeps } from '../../deps.js';
import type { Auth } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { audit, findVisibleClient } from '../clients/clients.repository.js';
import { findVisibleSession } from '../clients/sessions.routes.js';
import {
  checkOverlap,
  newAppointment,
  practiceFor,
  presentAppointment,
  queueCalendarMail,
  scheduleAppointmentReminder,
  therapistOf,
} from './appointments.service.js';

export type Booking = { startsAt: string; durationMinutes?: number; sessionId?: string; confirmOverlap?: boolean };

/** Books an appointment and queues its invite and its reminder, all in one transaction. */
export async function bookAppointment({ db, clock, storage }: AppDeps, auth: Auth, clientId: string, body: Booking) {
  const client = await findVisibleClient(db, auth, clientId);
  if (body.sessionId) {
    const s = await findVisibleSession(db, auth, body.sessionId);
    if (s.client_id !== client.id)
      throw new AppError(400, 'invalid', 'That session is not this client’s.', { sessionId: 'Another client’s session' });
  }
  const practice = await practiceFor(db, auth.practiceId);
  const therapistId = client.therapist_id ?? auth.member?.id ?? null;
  const a = newAppointment({
    practiceId: auth.practiceId,
    clientId: client.id,
    therapistId,
    startsAt: body.startsAt,
    durationMinutes: body.durationMinutes ?? practice.default_duration_minutes,
    timezone: practice.timezone,
    sessionId: body.sessionId,
    now: clock.now().toISOString(),
  });
  await checkOverlap(db, {
    practiceId: auth.practiceId,
    therapistId,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    confirmed: body.confirmOverlap,
  });
  const therapist = await therapistOf(db, therapistId);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('appointments').values(a).execute();
    // A booking ends a lapse: a later lapse may earn another come-back mail.
    await trx.updateTable('clients').set({ lapse_mailed_at: null, updated_at: a.created_at }).where('id', '=', client.id).execute();
    if (body.sessionId)
      await trx
        .updateTable('session_records')
        .set({ rebooked: 1, not_rebooked_reason: null, not_rebooked_note: null })
        .where('id', '=', body.sessionId)
        .execute();
    await queueCalendarMail({ trx, clock, storage, appointment: a, client, practice, therapist, kind: 'invite' });
    await scheduleAppointmentReminder(trx, clock, a);
    await audit(trx, auth, { practiceId: auth.practiceId, clientId: client.id, action: 'booked an appointment' }, a.created_at);
  });
  return presentAppointment(a, `${client.first_name} ${client.last_name}`.trim());
}
