import type { Today } from '../../../shared/api/today.js';
import { isoInZoneWithMillis } from '../../../shared/time/zone.js';
import type { Db } from '../../db/index.js';
import { readIntake } from '../../db/stored.js';
import type { Auth } from '../../http/auth.js';
import { addDays, instantAt, localDay } from '../../local-time.js';
import { importedEventsBetween } from '../calendar-import/imported-events.repository.js';
import { homeworkSoFar, openQuestionsOf } from '../clients/client-report.repository.js';
import { visibleClients } from '../clients/clients.repository.js';

/**
 * A therapist's day in the practice's time zone: its appointments in order, each with what the
 * therapist needs before the client is on the table. A therapist sees their own day; the owner
 * (or an API key) everyone's, or one therapist's with `therapistId`.
 */
export async function dayOf(db: Db, auth: Auth, o: { date?: string; therapistId?: string; now: Date }): Promise<Today> {
  const practice = await db.selectFrom('practices').select('timezone').where('id', '=', auth.practiceId).executeTakeFirstOrThrow();
  const zone = practice.timezone;
  const today = localDay(o.now, zone);
  const date = o.date ?? today;
  const from = instantAt(date, 0, 0, zone).toISOString();
  const to = instantAt(addDays(date, 1), 0, 0, zone).toISOString();

  let q = visibleClients(db.selectFrom('clients'), auth)
    .innerJoin('appointments as a', 'a.client_id', 'clients.id')
    .select([
      'a.id',
      'a.starts_at',
      'a.duration_minutes',
      'a.status',
      'a.therapist_id',
      'a.recorded_session_id',
      'a.homework_report',
      'clients.id as client_id',
      'clients.first_name',
      'clients.last_name',
      'clients.intake',
      'clients.timezone',
    ])
    .where('a.practice_id', '=', auth.practiceId)
    .where('a.status', '!=', 'cancelled')
    .where('a.starts_at', '>=', from)
    .where('a.starts_at', '<', to);
  if (auth.member?.role === 'therapist') {
    const me = auth.member.id;
    q = q.where((eb) => eb.or([eb('a.therapist_id', '=', me), eb('a.therapist_id', 'is', null)]));
  }
  if (o.therapistId) q = q.where('a.therapist_id', '=', o.therapistId);
  const rows = await q.orderBy('a.starts_at').orderBy('clients.last_name').limit(200).execute();

  const clientIds = [...new Set(rows.map((r) => r.client_id))];
  const zones = new Map(rows.map((r) => [r.client_id, r.timezone ?? zone]));
  // Homework is counted up to the day shown, never past today: a future day shows how it goes so far.
  const lastDay = [date, today].sort()[0];
  const [soFar, questions, imported] = await Promise.all([
    homeworkSoFar(db, { practiceId: auth.practiceId, clientIds, lastDay, zoneOf: (id) => zones.get(id) ?? zone }),
    openQuestionsOf(db, { practiceId: auth.practiceId, clientIds }),
    importedEventsBetween(db, auth, { from, to, therapistId: o.therapistId }),
  ]);
  const none = { active: 0, doneDays: 0, ofDays: 0, lastCheckIn: null, feelings: { better: 0, same: 0, worse: 0 } };

  return {
    date,
    timezone: zone,
    imported,
    appointments: rows.map((r) => {
      const intake = readIntake(r.intake);
      return {
        id: r.id,
        startsAt: isoInZoneWithMillis(new Date(r.starts_at), zone),
        durationMinutes: r.duration_minutes,
        status: r.status,
        therapistId: r.therapist_id,
        client: {
          id: r.client_id,
          firstName: r.first_name,
          lastName: r.last_name,
          cautions: intake.cautions,
          cautionNotes: intake.cautionNotes ?? null,
          complaints: intake.complaints,
        },
        homework: { ...(soFar.get(r.client_id) ?? none), report: r.homework_report },
        openQuestions: questions
          .filter((qn) => qn.client_id === r.client_id)
          .map((qn) => ({ id: qn.id, text: qn.text, askedAt: qn.asked_at })),
        ...(r.recorded_session_id ? { sessionId: r.recorded_session_id } : {}),
      };
    }),
  };
}
