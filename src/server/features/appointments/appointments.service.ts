import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Appointment } from '../../../shared/api/appointments.js';
import { isoInZoneWithMillis } from '../../../shared/time/zone.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import type { AppointmentTable, ClientTable, PracticeTable } from '../../db/schema.js';
import { queueEmail } from '../../email/outbox.js';
import { fromPractice, stopEmails } from '../../email/sender.js';
import { AppError } from '../../http/errors.js';
import { enqueueJob, jobKind } from '../../jobs/queue.js';
import { addDays, defaultHourStyle, formatWhen, type HourStyle, instantAt, localDay, zoneNote } from '../../local-time.js';
import type { FileStorage } from '../../storage/storage.js';
import { issueClientLink } from '../clients/client-link.js';
import { calendarEmail, visitReminderEmail } from './appointments.emails.js';
import { busyTimes, overlapsAny } from './busy-times.js';
import { calendarFile } from './ics.js';

export const APPOINTMENT_REMINDER = 'appointment-reminder';
/** A job about one version of an appointment: the reminder and the checkout invite. */
export const appointmentJobPayload = z.object({ appointmentId: z.string(), sequence: z.number().int() });
const appointmentReminderKind = jobKind(APPOINTMENT_REMINDER, appointmentJobPayload);

export function presentAppointment(a: AppointmentTable, clientName: string): Appointment {
  return {
    id: a.id,
    clientId: a.client_id,
    clientName,
    therapistId: a.therapist_id,
    startsAt: isoInZoneWithMillis(new Date(a.starts_at), a.timezone),
    endsAt: isoInZoneWithMillis(new Date(a.ends_at), a.timezone),
    durationMinutes: a.duration_minutes,
    timezone: a.timezone,
    status: a.status,
    sessionId: a.session_id,
    recordedSessionId: a.recorded_session_id,
    sequence: a.sequence,
  };
}

/** "Thursday 12 March at 10:00 AM" in the appointment's own zone, in the practice's hour style (else its zone's usual one). */
export const appointmentLabel = (a: Pick<AppointmentTable, 'starts_at' | 'timezone'>, hourStyle?: HourStyle | null) =>
  formatWhen(a.starts_at, { timeZone: a.timezone, hourStyle: hourStyle ?? defaultHourStyle(a.timezone) });

/** Refuses, until confirmed, a booking that meets a busy time of the same therapist (busy-times.ts). */
export async function checkOverlap(
  db: Db,
  o: {
    practiceId: string;
    therapistId: string | null;
    startsAt: string;
    endsAt: string;
    ignoreId?: string;
    confirmed?: boolean;
    timezone?: string;
  },
) {
  if (o.confirmed || !o.therapistId) return;
  const busy = await busyTimes(db, {
    practiceId: o.practiceId,
    memberId: o.therapistId,
    from: o.startsAt,
    to: o.endsAt,
    ignoreAppointmentId: o.ignoreId,
  });
  const clash = overlapsAny(busy, o.startsAt, o.endsAt);
  if (clash) {
    const practice = await db.selectFrom('practices').select(['timezone', 'time_format']).where('id', '=', o.practiceId).executeTakeFirst();
    const when = appointmentLabel(
      { starts_at: clash.startsAt, timezone: clash.timezone ?? o.timezone ?? practice?.timezone ?? 'UTC' },
      practice?.time_format,
    );
    throw new AppError(409, 'overlap', `This overlaps ${clash.title} on ${when}.`, {
      startsAt: 'Overlaps another appointment',
    });
  }
}

export function newAppointment(o: {
  practiceId: string;
  clientId: string;
  therapistId: string | null;
  startsAt: string;
  durationMinutes: number;
  timezone: string;
  sessionId?: string | null;
  now: string;
}): AppointmentTable {
  const start = new Date(o.startsAt);
  return {
    id: randomUUID(),
    practice_id: o.practiceId,
    client_id: o.clientId,
    therapist_id: o.therapistId,
    starts_at: start.toISOString(),
    ends_at: new Date(start.getTime() + o.durationMinutes * 60_000).toISOString(),
    duration_minutes: o.durationMinutes,
    timezone: o.timezone,
    status: 'booked',
    session_id: o.sessionId ?? null,
    recorded_session_id: null,
    sequence: 0,
    homework_report: null,
    created_at: o.now,
    updated_at: o.now,
  };
}

type ClientForMail = Pick<ClientTable, 'id' | 'first_name' | 'email' | 'unsubscribed_at'> & { timezone?: string | null };

/**
 * Writes the .ics for an appointment into storage and queues the mail that carries it:
 * an invite, an update after a move, or a cancellation. Nothing is sent to a client who opted out.
 */
export async function queueCalendarMail(o: {
  trx: Db;
  clock: Clock;
  storage: FileStorage;
  appointment: AppointmentTable;
  client: ClientForMail;
  practice: Pick<Selectable<PracticeTable>, 'name' | 'sender_name' | 'reply_to'> & { time_format?: HourStyle | null };
  therapist: { name: string; email: string } | undefined;
  kind: 'invite' | 'update' | 'cancel';
}): Promise<boolean> {
  const { appointment: a, client } = o;
  if (!client.email || client.unsubscribed_at) return false;
  const when = appointmentLabel(a, o.practice.time_format) + zoneNote(a.timezone, client.timezone);
  const ics = calendarFile(
    [
      {
        appointment: a,
        summary: `Massage at ${o.practice.name}`,
        description: 'Bring your questions about your homework.',
        location: o.practice.name,
        organizer: o.therapist ?? (o.practice.reply_to ? { name: o.practice.name, email: o.practice.reply_to } : undefined),
      },
    ],
    { name: o.practice.name, method: o.kind === 'cancel' ? 'CANCEL' : 'REQUEST', timezone: a.timezone },
  );
  const storageKey = `mail/${a.practice_id}/${client.id}/${randomUUID()}.ics`;
  await o.storage.put(storageKey, Readable.from(Buffer.from(ics)), ics.length * 4 + 1);
  await queueEmail(o.trx, o.clock, {
    practiceId: a.practice_id,
    clientId: client.id,
    to: client.email,
    ...fromPractice(o.practice, o.therapist?.email),
    ...calendarEmail({
      kind: o.kind,
      firstName: client.first_name,
      practiceName: o.practice.name,
      when,
      signedBy: o.therapist?.name ?? o.practice.name,
    }),
    attachments: [
      {
        filename: o.kind === 'cancel' ? 'cancelled.ics' : 'appointment.ics',
        contentType: `text/calendar; charset=utf-8; method=${o.kind === 'cancel' ? 'CANCEL' : 'REQUEST'}`,
        storageKey,
      },
    ],
  });
  return true;
}

/** The day-before reminder, at 8:00 in the appointment's zone; keyed by the appointment and its version. */
export async function scheduleAppointmentReminder(trx: Db, clock: Clock, a: AppointmentTable) {
  const day = addDays(localDay(new Date(a.starts_at), a.timezone), -1);
  const at = instantAt(day, 8, 0, a.timezone);
  if (at <= clock.now()) return;
  await enqueueJob(trx, clock, appointmentReminderKind, {
    payload: { appointmentId: a.id, sequence: a.sequence },
    clientId: a.client_id,
    runAt: at,
    uniqueKey: `appointment-reminder:${a.client_id}:${a.id}:${a.sequence}`,
  });
}

/** Job handler: reminds the client of tomorrow's visit and asks, in one tap, how the homework went. */
export function appointmentReminderJob(o: { db: Db; clock: Clock; config: Config }) {
  return async (payload: string) => {
    const { appointmentId, sequence } = appointmentReminderKind.read(payload);
    const a = await o.db.selectFrom('appointments').selectAll().where('id', '=', appointmentId).executeTakeFirst();
    if (!a || a.status !== 'booked' || a.sequence !== sequence) return;
    const c = await o.db.selectFrom('clients').selectAll().where('id', '=', a.client_id).executeTakeFirst();
    const p = await o.db
      .selectFrom('practices')
      .select(['name', 'sender_name', 'reply_to', 'time_format'])
      .where('id', '=', a.practice_id)
      .executeTakeFirst();
    if (!c || !p || !c.email || c.unsubscribed_at || c.archived_at) return;
    const url = await issueClientLink(o.db, o.clock, { practiceId: a.practice_id, clientId: c.id, publicUrl: o.config.publicUrl });
    const stop = stopEmails(url);
    await o.db.transaction().execute(async (trx) => {
      await queueEmail(trx, o.clock, {
        practiceId: a.practice_id,
        clientId: c.id,
        to: c.email!,
        ...fromPractice(p),
        headers: stop.headers,
        ...visitReminderEmail({
          firstName: c.first_name,
          practiceName: p.name,
          when: appointmentLabel(a, p.time_format) + zoneNote(a.timezone, c.timezone),
          url,
          stopUrl: stop.url,
        }),
      });
    });
  };
}

export async function practiceFor(db: Db, practiceId: string) {
  return db.selectFrom('practices').selectAll().where('id', '=', practiceId).executeTakeFirstOrThrow();
}

export async function therapistOf(db: Db, memberId: string | null) {
  return memberId ? db.selectFrom('members').select(['name', 'email']).where('id', '=', memberId).executeTakeFirst() : undefined;
}

/** The client's next booked appointment from now, if any. */
export async function nextAppointmentOf(db: Db, clientId: string, now: Date) {
  return nextBooked.first(db, { clientId, after: now.toISOString() });
}

const nextBooked = prepared((db, param: (name: 'clientId' | 'after') => never) =>
  db
    .selectFrom('appointments')
    .selectAll()
    .where('client_id', '=', param('clientId'))
    .where('status', '=', 'booked')
    .where('starts_at', '>', param('after'))
    .orderBy('starts_at')
    .limit(1),
);
