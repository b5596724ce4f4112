import type { Db } from '../../db/index.js';
import type { AppDeps } from '../../deps.js';
import type { Auth } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { audit, findVisibleClient } from '../clients/clients.repository.js';
import { findVisibleSession } from '../clients/sessions.repository.js';
import {
  checkOverlap,
  newAppointment,
  practiceFor,
  presentAppointment,
  queueCalendarMail,
  scheduleAppointmentReminder,
  therapistOf,
} from './appointments.service.js';
import { deferCheckoutInvite } from './checkout-invite.js';

export type Booking = { startsAt: string; durationMinutes?: number; sessionId?: string; confirmOverlap?: boolean };

/**
 * Books an appointment with its invite and reminder, all in one transaction: the caller's, when it
 * passes one (a booking request's confirm adds the client and the request's state to it), else its own.
 * Booked at a checkout whose homework has not been mailed yet, the invite waits to ride with that mail.
 */
export async function bookAppointment(deps: AppDeps, auth: Auth, clientId: string, body: Booking, trx?: Db) {
  if (trx) return bookWithin(deps, trx, auth, clientId, body);
  return deps.db.transaction().execute((t) => bookWithin(deps, t, auth, clientId, body));
}

async function bookWithin({ clock, storage }: AppDeps, trx: Db, auth: Auth, clientId: string, body: Booking) {
  const client = await findVisibleClient(trx, auth, clientId);
  const session = body.sessionId ? await findVisibleSession(trx, auth, body.sessionId) : undefined;
  if (session && session.client_id !== client.id)
    throw new AppError(400, 'invalid', 'That session is not this client’s.', { sessionId: 'Another client’s session' });
  const practice = await practiceFor(trx, auth.practiceId);
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
  await checkOverlap(trx, {
    practiceId: auth.practiceId,
    therapistId,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    confirmed: body.confirmOverlap,
    timezone: practice.timezone,
  });
  const therapist = await therapistOf(trx, therapistId);
  await trx.insertInto('appointments').values(a).execute();
  // A booking ends a lapse: a later lapse may earn another come-back mail.
  await trx.updateTable('clients').set({ lapse_mailed_at: null, updated_at: a.created_at }).where('id', '=', client.id).execute();
  if (session)
    await trx
      .updateTable('session_records')
      .set({ rebooked: 1, not_rebooked_reason: null, not_rebooked_note: null })
      .where('id', '=', session.id)
      .execute();
  if (session && !session.homework_sent_at) await deferCheckoutInvite(trx, clock, a);
  else await queueCalendarMail({ trx, clock, storage, appointment: a, client, practice, therapist, kind: 'invite' });
  await scheduleAppointmentReminder(trx, clock, a);
  await audit(trx, auth, { practiceId: auth.practiceId, clientId: client.id, action: 'booked an appointment' }, a.created_at);
  return presentAppointment(a, `${client.first_name} ${client.last_name}`.trim());
}
