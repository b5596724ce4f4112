import { ADHERENCE_WINDOW_DAYS } from '../../../shared/api/today.js';
import type { Db } from '../../db/index.js';
import { addDays, localDay } from '../../local-time.js';
import { homeworkSoFar } from './client-report.repository.js';

export type ClientFollowUp = {
  adherence: { doneDays: number; ofDays: number; lastCheckIn: string | null };
  nextAppointment: string | null;
};

/**
 * How each client's homework went over the last 14 days (the same count Today shows) and their
 * next booked visit: a fixed number of grouped queries for the whole page of clients.
 */
export async function followUpOf(
  db: Db,
  o: { practiceId: string; clients: { id: string; timezone: string | null }[]; now: Date },
): Promise<Map<string, ClientFollowUp>> {
  const result = new Map<string, ClientFollowUp>();
  if (o.clients.length === 0) return result;
  const ids = o.clients.map((c) => c.id);
  const zone = await practiceZone(db, o.practiceId);
  const zones = new Map(o.clients.map((c) => [c.id, c.timezone ?? zone]));
  const [soFar, next] = await Promise.all([
    homeworkSoFar(db, { practiceId: o.practiceId, clientIds: ids, lastDay: localDay(o.now, zone), zoneOf: (id) => zones.get(id) ?? zone }),
    db
      .selectFrom('appointments')
      .select(['client_id', (eb) => eb.fn.min('starts_at').as('next')])
      .where('practice_id', '=', o.practiceId)
      .where('client_id', 'in', ids)
      .where('status', '=', 'booked')
      .where('starts_at', '>', o.now.toISOString())
      .groupBy('client_id')
      .execute(),
  ]);
  const nextOf = new Map(next.map((n) => [n.client_id, String(n.next)]));
  for (const id of ids) {
    const h = soFar.get(id);
    result.set(id, {
      adherence: { doneDays: h?.doneDays ?? 0, ofDays: h?.ofDays ?? 0, lastCheckIn: h?.lastCheckIn ?? null },
      nextAppointment: nextOf.get(id) ?? null,
    });
  }
  return result;
}

/**
 * How each client's homework went over the last 14 days, or null for a client with no active homework:
 * the clients list's count, in one batch for every client on the calendar.
 */
export async function adherenceOf(
  db: Db,
  o: { practiceId: string; clients: { id: string; timezone: string | null }[]; now: Date },
): Promise<Map<string, ClientFollowUp['adherence'] | null>> {
  const unique = [...new Map(o.clients.map((c) => [c.id, c])).values()];
  const result = new Map<string, ClientFollowUp['adherence'] | null>();
  if (unique.length === 0) return result;
  const zone = await practiceZone(db, o.practiceId);
  const zones = new Map(unique.map((c) => [c.id, c.timezone ?? zone]));
  const soFar = await homeworkSoFar(db, {
    practiceId: o.practiceId,
    clientIds: [...zones.keys()],
    lastDay: localDay(o.now, zone),
    zoneOf: (id) => zones.get(id) ?? zone,
  });
  for (const id of zones.keys()) {
    const h = soFar.get(id);
    result.set(id, h && h.active > 0 ? { doneDays: h.doneDays, ofDays: h.ofDays, lastCheckIn: h.lastCheckIn } : null);
  }
  return result;
}

async function practiceZone(db: Db, practiceId: string) {
  return (await db.selectFrom('practices').select('timezone').where('id', '=', practiceId).executeTakeFirstOrThrow()).timezone;
}

/** The first local day of the adherence window ending on the practice's today, for sorting in SQL. */
export async function adherenceWindowStart(db: Db, practiceId: string, now: Date) {
  return addDays(localDay(now, await practiceZone(db, practiceId)), -(ADHERENCE_WINDOW_DAYS - 1));
}
