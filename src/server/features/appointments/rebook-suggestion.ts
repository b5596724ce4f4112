import type { RebookSuggestion } from '../../../shared/api/appointments.js';
import { addDays, instantAt, isoInZoneWithMillis, timeOfDay, wallClock } from '../../../shared/time/zone.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import type { Auth } from '../../http/auth.js';
import { findVisibleClient } from '../clients/clients.repository.js';
import { findVisibleSession } from '../clients/sessions.repository.js';
import { nextAppointmentOf, practiceFor, presentAppointment } from './appointments.service.js';
import { busyTimes } from './busy-times.js';
import { findFreeSlots } from './free-slots.js';
import { workingWeekOf } from './working-hours.js';

const SLOTS = 3;
/** Nothing is offered sooner than this from now: the client is still in the room. */
const LEAD_MINUTES = 60;
const DAYS_BEFORE = 7;
const DAYS_AFTER = 42;

/**
 * When to book next: up to three free slots in the therapist's working hours, nearest the client's
 * usual time of day after their own rhythm (the gap between their last two visits, else the
 * practice's interval); and the visit already booked ahead, when there is one.
 */
export async function suggestRebooking(o: { db: Db; clock: Clock; auth: Auth; sessionId: string }): Promise<RebookSuggestion> {
  const { db, auth } = o;
  const session = await findVisibleSession(db, auth, o.sessionId);
  const client = await findVisibleClient(db, auth, session.client_id);
  const practice = await practiceFor(db, auth.practiceId);
  const zone = practice.timezone;
  const now = o.clock.now();
  const visits = await db
    .selectFrom('appointments')
    .select(['starts_at', 'timezone', 'duration_minutes'])
    .where('client_id', '=', client.id)
    .where('status', 'in', ['booked', 'done'])
    .where('starts_at', '<=', `${session.date}T23:59:59.999Z`)
    .orderBy('starts_at', 'desc')
    .limit(2)
    .execute();
  const gap = visits.length === 2 ? Math.round((Date.parse(visits[0].starts_at) - Date.parse(visits[1].starts_at)) / 86_400_000) : 0;
  const intervalDays = gap >= 7 && gap <= 120 ? gap : practice.rebook_interval_days;
  // The client's usual time of day (minutes since midnight in the practice's zone); 10:00 for a first rebooking.
  const usual = visits[0] ? wallClock(new Date(visits[0].starts_at), zone).minutes : 10 * 60;
  const notBefore = new Date(now.getTime() + LEAD_MINUTES * 60_000);
  let targetDay = addDays(session.date, intervalDays);
  while (instantAt(targetDay, timeOfDay(usual), zone) < notBefore) targetDay = addDays(targetDay, intervalDays);
  const durationMinutes = visits[0]?.duration_minutes ?? practice.default_duration_minutes;

  const next = await nextAppointmentOf(db, client.id, now);
  const existing = next ? presentAppointment(next, `${client.first_name} ${client.last_name}`.trim()) : undefined;

  const therapistId = client.therapist_id ?? auth.member?.id ?? null;
  const fromDay = addDays(targetDay, -(DAYS_BEFORE + 1));
  const from = instantAt(fromDay, timeOfDay(usual), zone);
  const to = instantAt(addDays(targetDay, DAYS_AFTER + 1), timeOfDay(usual), zone);
  const week = therapistId
    ? await workingWeekOf(db, { practiceId: auth.practiceId, memberId: therapistId, daysOffFrom: fromDay })
    : undefined;
  const busy = therapistId
    ? await busyTimes(db, {
        practiceId: auth.practiceId,
        memberId: therapistId,
        from: from.toISOString(),
        to: to.toISOString(),
        // Moving the visit already booked may land on or near its own time.
        ignoreAppointmentId: next?.id,
      })
    : [];
  const slots = findFreeSlots({
    target: { date: targetDay, minutes: usual, timeZone: zone },
    durationMinutes,
    weekly: week?.weekly ?? [],
    daysOff: week?.daysOff.map((d) => d.date) ?? [],
    busy,
    notBefore,
    daysBefore: DAYS_BEFORE,
    daysAfter: DAYS_AFTER,
    count: SLOTS,
  });
  return {
    ...(existing ? { existing } : {}),
    slots: slots.map((s) => ({ startsAt: isoInZoneWithMillis(s, zone), durationMinutes })),
    intervalDays,
    durationMinutes,
    timezone: zone,
  };
}
