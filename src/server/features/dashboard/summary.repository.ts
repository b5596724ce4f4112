// The dashboard's queries (adherence.repository.ts holds the one for asked-for and ticked days).
// The database does the counting: what comes back is one row per client or per month, never the
// practice's sessions or check-ins themselves. Portable SQL only (SQLite and PostgreSQL); counts
// come back as strings on PostgreSQL, hence Number().
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { itemNameOf } from '../../db/stored.js';

/** Whose figures: the practice's, or one therapist's (the sessions they recorded, their clients' homework). */
export interface Scope {
  practiceId: string;
  therapistId?: string;
  /** Homework that ended before this day plays no part in any figure. */
  since: string;
}

export const n = (v: unknown) => Number(v ?? 0);

/** The scope's session records. */
export function sessions(db: Db, s: Scope) {
  const q = db.selectFrom('session_records').where('practice_id', '=', s.practiceId);
  return s.therapistId ? q.where('therapist_id', '=', s.therapistId) : q;
}

/** The scope's homework, less items that ended before `since`: the columns of the covering index (migration 020). */
export function homework(db: Db, s: Scope) {
  // Running items and items ended since, as two ranges of the index: with an OR, neither database
  // seeks, and PostgreSQL reads every item the practice ever gave.
  const columns = ['id', 'client_id', 'session_id', 'exercise_id', 'assigned_at', 'ended_at', 'demonstrated_at', 'days_per_week'] as const;
  const ofPractice = () => db.selectFrom('homework').select(columns).where('practice_id', '=', s.practiceId);
  const inScope = ofPractice()
    .where('ended_at', 'is', null)
    .unionAll(ofPractice().where('ended_at', '>=', s.since));
  const q = db.selectFrom(inScope.as('homework'));
  return s.therapistId ? q.where('client_id', 'in', clientsOf(db, s.practiceId, s.therapistId)) : q;
}

const clientsOf = (db: Db, practiceId: string, therapistId: string) =>
  db.selectFrom('clients').select('id').where('practice_id', '=', practiceId).where('therapist_id', '=', therapistId);

/** Per client with a session in the period: sessions, rebooked ones, the first, and the next visit after it. */
export async function clientsSeen(db: Db, s: Scope, from: string, to: string) {
  const visits = sessions(db, s)
    .where('date', '>=', from)
    .select((eb) => [
      'client_id',
      'date',
      'rebooked',
      eb.fn
        .min('date')
        .over((w) => w.partitionBy('client_id'))
        .as('first_visit'),
    ]);
  const rows = await db
    .selectFrom(visits.as('v'))
    .groupBy(['v.client_id', 'v.first_visit'])
    .having('v.first_visit', '<=', to)
    .select((eb) => [
      'v.client_id',
      'v.first_visit',
      eb.fn.sum(eb.case().when('v.date', '<=', to).then(1).else(0).end()).as('sessions'),
      eb.fn
        .sum(
          eb
            .case()
            .when(eb.and([eb('v.date', '<=', to), eb('v.rebooked', '=', 1)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('rebooked'),
      eb.fn.min(eb.case().when('v.date', '>', eb.ref('v.first_visit')).then(eb.ref('v.date')).end()).as('next_visit'),
    ])
    .execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    sessions: n(r.sessions),
    rebooked: n(r.rebooked),
    firstVisit: r.first_visit,
    nextVisit: r.next_visit ?? null,
  }));
}

/** Homework given at sessions in the period: items, sessions with any, items demonstrated. */
export async function givenInPeriod(db: Db, s: Scope, from: string, to: string) {
  const r = await homework(db, s)
    .where('session_id', 'in', sessions(db, s).select('id').where('date', '>=', from).where('date', '<=', to))
    .select((eb) => [
      eb.fn.countAll().as('items'),
      eb.fn.count('session_id').distinct().as('sessions'),
      eb.fn.sum(eb.case().when('demonstrated_at', 'is not', null).then(1).else(0).end()).as('demonstrated'),
    ])
    .executeTakeFirstOrThrow();
  return { items: n(r.items), sessions: n(r.sessions), demonstrated: n(r.demonstrated) };
}

/** Per month (YYYY-MM) from `first` to `last`: sessions, rebooked ones, and ones where homework was given. */
export async function monthlySessions(db: Db, s: Scope, first: string, last: string) {
  const rows = await sessions(db, s)
    .where('date', '>=', first)
    .where('date', '<=', last)
    .groupBy(sql`substr(date, 1, 7)`)
    .select((eb) => [
      sql<string>`substr(date, 1, 7)`.as('month'),
      eb.fn.countAll().as('sessions'),
      eb.fn.sum(eb.case().when('rebooked', '=', 1).then(1).else(0).end()).as('rebooked'),
      eb.fn
        .sum(
          eb
            .case()
            .when('id', 'in', homework(db, s).select('session_id').where('session_id', 'is not', null))
            .then(1)
            .else(0)
            .end(),
        )
        .as('covered'),
    ])
    .execute();
  return new Map(rows.map((r) => [r.month, { sessions: n(r.sessions), rebooked: n(r.rebooked), covered: n(r.covered) }]));
}

/** Clients with active homework, no check-in since `quietSince` and no booking after today, ordered by id. */
export async function quietClients(db: Db, s: Scope, today: string, quietSince: string) {
  const lastVisits = sessions(db, s)
    .where('date', '>=', s.since)
    .groupBy('client_id')
    .select((eb) => ['client_id', eb.fn.max('date').as('last_visit')]);
  // The clients are this practice's, so are their check-ins: those are read by client and day from
  // the index alone (reading each row for its practice cost a page read per client).
  return db
    .selectFrom('clients')
    .leftJoin(lastVisits.as('v'), 'v.client_id', 'clients.id')
    .where('clients.practice_id', '=', s.practiceId)
    .where('clients.archived_at', 'is', null)
    .where('clients.id', 'in', homework(db, s).select('client_id').where('ended_at', 'is', null))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('appointments as a')
            .select('a.id')
            .whereRef('a.client_id', '=', 'clients.id')
            .where('a.practice_id', '=', s.practiceId)
            .where('a.status', '=', 'booked')
            .where('a.starts_at', '>', `${today}T23:59:59.999Z`),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('check_ins as c')
            .select('c.client_id')
            .whereRef('c.client_id', '=', 'clients.id')
            .where('c.date', '>=', quietSince),
        ),
      ),
    )
    .select((eb) => [
      'clients.id',
      'clients.first_name',
      'clients.last_name',
      'v.last_visit',
      eb
        .selectFrom('check_ins as c')
        .select((c) => c.fn.max('c.date').as('date'))
        .whereRef('c.client_id', '=', 'clients.id')
        .as('last_check_in'),
    ])
    .orderBy('clients.id')
    .execute();
}

/** New clients added in the period who were referred by a client, and whether each has booked or had a visit. */
export async function referredClients(db: Db, s: Scope, from: string, to: string) {
  let q = db
    .selectFrom('clients')
    .where('clients.practice_id', '=', s.practiceId)
    .where('clients.created_at', '>=', `${from}T00:00:00.000Z`)
    .where('clients.created_at', '<=', `${to}T23:59:59.999Z`)
    .where('clients.referred_by_client_id', 'is not', null)
    .select((eb) => [
      eb
        .case()
        .when(
          eb.exists(
            eb
              .selectFrom('appointments as a')
              .select('a.id')
              .whereRef('a.client_id', '=', 'clients.id')
              .where('a.practice_id', '=', s.practiceId)
              .where('a.status', 'in', ['booked', 'done']),
          ),
        )
        .then(1)
        .else(0)
        .end()
        .as('converted'),
    ]);
  if (s.therapistId) q = q.where('clients.therapist_id', '=', s.therapistId);
  return (await q.execute()).map((c) => ({ converted: n(c.converted) === 1 }));
}

/** Questions asked in the period: when asked and when answered. */
export async function questionsAsked(db: Db, s: Scope, from: string, to: string) {
  let q = db
    .selectFrom('questions')
    .select(['asked_at', 'answered_at'])
    .where('practice_id', '=', s.practiceId)
    .where('asked_at', '>=', `${from}T00:00:00.000Z`)
    .where('asked_at', '<=', `${to}T23:59:59.999Z`);
  if (s.therapistId) q = q.where('client_id', 'in', clientsOf(db, s.practiceId, s.therapistId));
  return q.execute();
}

/** Names of the practice's own items among `ids`. */
export async function customItemNames(db: Db, practiceId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('custom_exercises')
    .select(['id', 'content'])
    .where('practice_id', '=', practiceId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, itemNameOf(r.content, r.id)]));
}
