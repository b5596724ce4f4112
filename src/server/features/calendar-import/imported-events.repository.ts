import type { ImportedEvent } from '../../../shared/api/calendar-subscriptions.js';
import type { Db } from '../../db/index.js';
import type { Auth } from '../../http/auth.js';

/** Limits to the calendars this caller may see: a therapist their own, the owner (or a key) the practice's. */
const ownedBy = (auth: Auth) => (auth.member?.role === 'therapist' ? auth.member.id : null);

const eventsQuery = (db: Db, auth: Auth) => {
  let q = db
    .selectFrom('imported_events as e')
    .leftJoin('clients as c', 'c.id', 'e.client_id')
    .select([
      'e.id',
      'e.subscription_id',
      'e.member_id',
      'e.title',
      'e.starts_at',
      'e.ends_at',
      'e.all_day',
      'e.client_id',
      'e.matched_by',
      'c.first_name',
      'c.last_name',
    ])
    .where('e.practice_id', '=', auth.practiceId);
  const own = ownedBy(auth);
  if (own) q = q.where('e.member_id', '=', own);
  return q;
};

type EventRow = Awaited<ReturnType<ReturnType<typeof eventsQuery>['execute']>>[number];

export function presentImportedEvent(r: EventRow): ImportedEvent {
  return {
    id: r.id,
    source: 'imported',
    subscriptionId: r.subscription_id,
    therapistId: r.member_id,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    durationMinutes: Math.round((Date.parse(r.ends_at) - Date.parse(r.starts_at)) / 60_000),
    allDay: r.all_day === 1,
    clientId: r.client_id,
    clientName: r.first_name === null ? null : `${r.first_name} ${r.last_name ?? ''}`.trim(),
    matchedBy: r.matched_by,
  };
}

/** Imported events meeting [from, to) that this caller may see. */
export async function importedEventsBetween(
  db: Db,
  auth: Auth,
  o: { from: string; to: string; therapistId?: string; clientId?: string },
): Promise<ImportedEvent[]> {
  let q = eventsQuery(db, auth).where('e.starts_at', '<', o.to).where('e.ends_at', '>', o.from);
  if (o.therapistId) q = q.where('e.member_id', '=', o.therapistId);
  if (o.clientId) q = q.where('e.client_id', '=', o.clientId);
  return (await q.orderBy('e.starts_at').limit(2000).execute()).map(presentImportedEvent);
}

export async function findImportedEvent(db: Db, auth: Auth, id: string) {
  const row = await eventsQuery(db, auth).select('e.uid').where('e.id', '=', id).executeTakeFirst();
  return row ?? null;
}

/** A member's imported busy times between two instants, for the slot finder and the overlap check. */
export function importedBusyBetween(db: Db, o: { practiceId: string; memberId: string; from: string; to: string }) {
  return db
    .selectFrom('imported_events')
    .select(['id', 'title', 'starts_at', 'ends_at'])
    .where('practice_id', '=', o.practiceId)
    .where('member_id', '=', o.memberId)
    .where('starts_at', '<', o.to)
    .where('ends_at', '>', o.from)
    .orderBy('starts_at')
    .execute();
}

export const visibleSubscriptions = (db: Db, auth: Auth) => {
  let q = db.selectFrom('calendar_subscriptions').selectAll().where('practice_id', '=', auth.practiceId);
  const own = ownedBy(auth);
  if (own) q = q.where('member_id', '=', own);
  return q;
};
