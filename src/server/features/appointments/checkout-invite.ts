import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import type { AppointmentTable } from '../../db/schema.js';
import { enqueueJob, jobKind } from '../../jobs/queue.js';
import type { FileStorage } from '../../storage/storage.js';
import { appointmentJobPayload, practiceFor, queueCalendarMail, therapistOf } from './appointments.service.js';

export const CHECKOUT_INVITE = 'checkout-invite';
const checkoutInviteKind = jobKind(CHECKOUT_INVITE, appointmentJobPayload);
/** How long a checkout booking waits for the homework mail to carry its invite before it goes alone. */
export const CHECKOUT_INVITE_WAIT_MINUTES = 30;

/**
 * Booked at checkout before the homework went: one mail after the session, so the homework mail
 * carries the invite (send.routes.ts). Should no homework mail follow, the invite goes alone later.
 */
export async function deferCheckoutInvite(trx: Db, clock: Clock, a: AppointmentTable) {
  await enqueueJob(trx, clock, checkoutInviteKind, {
    payload: { appointmentId: a.id, sequence: a.sequence },
    clientId: a.client_id,
    runAt: new Date(clock.now().getTime() + CHECKOUT_INVITE_WAIT_MINUTES * 60_000),
    uniqueKey: `checkout-invite:${a.client_id}:${a.id}`,
  });
}

/** Job handler: the invite alone, unless the homework mail carried it or the visit has changed since (a change mails its own update). */
export function checkoutInviteJob(o: { db: Db; clock: Clock; storage: FileStorage }) {
  return async (payload: string) => {
    const { appointmentId, sequence } = checkoutInviteKind.read(payload);
    const a = await o.db.selectFrom('appointments').selectAll().where('id', '=', appointmentId).executeTakeFirst();
    if (!a || a.status !== 'booked' || a.sequence !== sequence || !a.session_id) return;
    const session = await o.db.selectFrom('session_records').select('homework_sent_at').where('id', '=', a.session_id).executeTakeFirst();
    if (session?.homework_sent_at && session.homework_sent_at >= a.created_at) return;
    const client = await o.db
      .selectFrom('clients')
      .select(['id', 'first_name', 'email', 'unsubscribed_at', 'archived_at'])
      .where('id', '=', a.client_id)
      .executeTakeFirst();
    if (!client || client.archived_at) return;
    const practice = await practiceFor(o.db, a.practice_id);
    const therapist = await therapistOf(o.db, a.therapist_id);
    await o.db.transaction().execute(async (trx) => {
      await queueCalendarMail({ trx, clock: o.clock, storage: o.storage, appointment: a, client, practice, therapist, kind: 'invite' });
    });
  };
}
