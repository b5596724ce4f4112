import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import { queueEmail } from '../../email/outbox.js';
import { fromPractice, stopEmails } from '../../email/sender.js';
import { enqueueJob, jobKind } from '../../jobs/queue.js';
import { localHour } from '../../local-time.js';
import { issueClientLink } from '../clients/client-link.js';
import { comeBackEmail } from './appointments.emails.js';

export const LAPSE_SWEEP = 'lapse-sweep';
const lapseSweepKind = jobKind(LAPSE_SWEEP, z.object({}).strip());
/** Come-back mail is friendly, so it goes out in office hours in the client's zone. */
const OFFICE = { from: 10, until: 17 };

/**
 * Clients of a practice who are lapsed: their last visit (a session or an appointment that
 * happened) is older than the practice's lapse weeks, and nothing is booked ahead.
 */
export async function lapsedClients(db: Db, practiceId: string, now: Date, therapistId?: string) {
  const practice = await db.selectFrom('practices').select(['lapse_weeks']).where('id', '=', practiceId).executeTakeFirstOrThrow();
  const cutoff = new Date(now.getTime() - practice.lapse_weeks * 7 * 86_400_000).toISOString();
  let q = db
    .selectFrom('clients as c')
    .select([
      'c.id',
      'c.first_name',
      'c.last_name',
      'c.email',
      'c.timezone',
      'c.consent_to_email',
      'c.unsubscribed_at',
      'c.lapse_mailed_at',
      'c.practice_id',
    ])
    .select((eb) => [
      eb
        .selectFrom('session_records as s')
        .select((e) => e.fn.max('s.date').as('d'))
        .whereRef('s.client_id', '=', 'c.id')
        .as('lastSession'),
      eb
        .selectFrom('appointments as a')
        .select((e) => e.fn.max('a.starts_at').as('d'))
        .whereRef('a.client_id', '=', 'c.id')
        .where('a.status', 'in', ['done', 'booked'])
        .where('a.starts_at', '<=', now.toISOString())
        .as('lastAppointment'),
    ])
    .where('c.practice_id', '=', practiceId)
    .where('c.archived_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('appointments as f')
            .select('f.id')
            .whereRef('f.client_id', '=', 'c.id')
            .where('f.status', '=', 'booked')
            .where('f.starts_at', '>', now.toISOString()),
        ),
      ),
    );
  if (therapistId) q = q.where('c.therapist_id', '=', therapistId);
  const rows = await q.execute();
  return rows
    .map((r) => ({ ...r, lastVisit: [r.lastSession, r.lastAppointment].filter(Boolean).map(String).sort().at(-1) ?? null }))
    .filter((r) => r.lastVisit !== null && r.lastVisit < cutoff);
}

/** Job handler: one come-back mail per lapse, only with consent and never after an opt-out; then books the next sweep in an hour. */
export function lapseSweepJob(o: { db: Db; clock: Clock; config: Config }) {
  return async () => {
    const now = o.clock.now();
    const practices = await o.db.selectFrom('practices').select(['id', 'name', 'sender_name', 'reply_to', 'timezone']).execute();
    for (const p of practices) {
      for (const c of await lapsedClients(o.db, p.id, now)) {
        if (c.lapse_mailed_at || !c.email || !c.consent_to_email || c.unsubscribed_at) continue;
        const hour = localHour(now, c.timezone ?? p.timezone);
        if (hour < OFFICE.from || hour >= OFFICE.until) continue;
        const url = await issueClientLink(o.db, o.clock, { practiceId: p.id, clientId: c.id, publicUrl: o.config.publicUrl });
        const stop = stopEmails(url);
        await o.db.transaction().execute(async (trx) => {
          const claimed = await trx
            .updateTable('clients')
            .set({ lapse_mailed_at: now.toISOString() })
            .where('id', '=', c.id)
            .where('lapse_mailed_at', 'is', null)
            .executeTakeFirst();
          if (Number(claimed.numUpdatedRows) !== 1) return;
          await queueEmail(trx, o.clock, {
            practiceId: p.id,
            clientId: c.id,
            to: c.email!,
            ...fromPractice(p),
            headers: stop.headers,
            ...comeBackEmail({ firstName: c.first_name, practiceName: p.name, url, stopUrl: stop.url }),
          });
        });
      }
    }
    await scheduleLapseSweep(o.db, o.clock, new Date(now.getTime() + 3_600_000));
  };
}

/** One sweep an hour, whichever instance books it first. */
export async function scheduleLapseSweep(db: Db, clock: Clock, at: Date = clock.now()) {
  const hour = at.toISOString().slice(0, 13);
  await enqueueJob(db, clock, lapseSweepKind, { payload: {}, runAt: new Date(`${hour}:00:00.000Z`), uniqueKey: `lapse-sweep:${hour}` });
}
