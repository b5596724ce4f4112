import type { Db } from '../../db/index.js';
import { importedBusyBetween } from '../calendar-import/imported-events.repository.js';

/** A time a therapist cannot take a client: one of Carryover's appointments (or, later, an imported event). */
export interface BusyTime {
  /** ISO-8601 UTC instants; the interval is half-open [startsAt, endsAt). */
  startsAt: string;
  endsAt: string;
  source: 'carryover' | 'imported';
  /** Carryover's appointment, when it is one. */
  appointmentId?: string;
  /** What to call it in a message: the client's name, or the imported event's title. */
  title: string;
  /** The appointment's own zone, for wording its time. */
  timezone?: string;
}

/**
 * The one answer to "when is this therapist busy?" between two instants: the slot finder and
 * the overlap check both ask here, so a new kind of busy time (an imported calendar) is added
 * in this one place. Cancelled appointments do not count.
 */
export async function busyTimes(
  db: Db,
  o: { practiceId: string; memberId: string; from: string; to: string; ignoreAppointmentId?: string },
): Promise<BusyTime[]> {
  let q = db
    .selectFrom('appointments as a')
    .innerJoin('clients as c', 'c.id', 'a.client_id')
    .select(['a.id', 'a.starts_at', 'a.ends_at', 'a.timezone', 'c.first_name', 'c.last_name'])
    .where('a.practice_id', '=', o.practiceId)
    .where('a.therapist_id', '=', o.memberId)
    .where('a.status', '!=', 'cancelled')
    .where('a.starts_at', '<', o.to)
    .where('a.ends_at', '>', o.from);
  if (o.ignoreAppointmentId) q = q.where('a.id', '!=', o.ignoreAppointmentId);
  const rows = await q.orderBy('a.starts_at').execute();
  const own = rows.map((r) => ({
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    source: 'carryover' as const,
    appointmentId: r.id,
    title: `${r.first_name} ${r.last_name}`.trim(),
    timezone: r.timezone,
  }));
  // Events from the therapist's own booking calendar (decision 017) block their time too.
  const imported = (await importedBusyBetween(db, o)).map((e) => ({
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    source: 'imported' as const,
    title: e.title,
  }));
  return [...own, ...imported].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Whether [startsAt, endsAt) meets any busy time (instants compared as numbers, whatever their offset). */
export function overlapsAny(busy: BusyTime[], startsAt: string, endsAt: string): BusyTime | undefined {
  const s = Date.parse(startsAt);
  const e = Date.parse(endsAt);
  return busy.find((b) => Date.parse(b.startsAt) < e && Date.parse(b.endsAt) > s);
}
