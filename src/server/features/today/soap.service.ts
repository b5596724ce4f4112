import type { NOT_REBOOKED_REASONS } from '../../../shared/api/appointments.js';
import type { SinceLastSession, Soap } from '../../../shared/api/soap.js';
import { describeDose } from '../../../shared/dose.js';
import { isoInZoneWithMillis } from '../../../shared/time/zone.js';
import type { Db } from '../../db/index.js';
import type { ClientTable, SessionRecordTable } from '../../db/schema.js';
import { readSessionLists } from '../../db/stored.js';
import { localDay } from '../../local-time.js';
import { presentHomework } from '../homework/homework.repository.js';

const reportWords = { 'most-days': 'most days', 'some-days': 'some days', 'not-really': 'not really' } as const;
const notRebookedWords: Record<(typeof NOT_REBOOKED_REASONS)[number], string> = {
  'will-book-online': 'will book online',
  'checking-schedule': 'checking their schedule',
  cost: 'cost',
  'feeling-better': 'feeling better',
  'moving-away': 'moving away',
  'not-happy': 'not happy',
  other: 'other',
};

/**
 * What the client told Carryover since their last session (check-ins, how it felt, their notes,
 * questions still open, the one-tap answer before the visit), so the therapist need not ask again.
 */
export async function sinceLastSession(db: Db, client: ClientTable, now: Date): Promise<SinceLastSession> {
  const last = await db
    .selectFrom('session_records')
    .select('date')
    .where('client_id', '=', client.id)
    .where('practice_id', '=', client.practice_id)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const since = last?.date ?? null;
  const practice = await db.selectFrom('practices').select('timezone').where('id', '=', client.practice_id).executeTakeFirstOrThrow();
  const today = localDay(now, client.timezone ?? practice.timezone);
  let checkIns = db
    .selectFrom('check_ins')
    .select(['date', 'done', 'feeling', 'note'])
    .where('client_id', '=', client.id)
    .where('practice_id', '=', client.practice_id)
    .where('date', '<=', today);
  // Check-ins from the last session's day on: what was ticked that evening counts too.
  if (since) checkIns = checkIns.where('date', '>=', since);
  const [rows, questions, visit] = await Promise.all([
    checkIns.orderBy('date').execute(),
    db
      .selectFrom('questions')
      .select(['id', 'text'])
      .where('client_id', '=', client.id)
      .where('practice_id', '=', client.practice_id)
      .where('answer', 'is', null)
      .orderBy('asked_at')
      .execute(),
    db
      .selectFrom('appointments')
      .select('homework_report')
      .where('client_id', '=', client.id)
      .where('practice_id', '=', client.practice_id)
      .where('homework_report', 'is not', null)
      .where('starts_at', '>=', since ? `${since}T00:00:00` : '2000-01-01')
      .orderBy('starts_at', 'desc')
      .executeTakeFirst(),
  ]);
  const feelings = { better: 0, same: 0, worse: 0 };
  for (const r of rows) if (r.feeling) feelings[r.feeling] += 1;
  const doneDays = new Set(rows.filter((r) => Number(r.done) === 1).map((r) => r.date)).size;
  const notes = rows.filter((r) => r.note).map((r) => ({ date: r.date, note: r.note as string }));
  const report = visit?.homework_report ?? null;

  const lines: string[] = [];
  if (rows.length === 0) lines.push(since ? 'No check-ins since last session.' : 'No check-ins yet.');
  else {
    lines.push(
      `Homework done on ${doneDays} day${doneDays === 1 ? '' : 's'}${since ? ' since last session' : ''} (${rows.length} check-ins).`,
    );
    const felt = (['better', 'same', 'worse'] as const)
      .filter((f) => feelings[f])
      .map((f) => `${feelings[f]} ${f === 'same' ? 'the same' : f}`);
    if (felt.length) lines.push(`Felt: ${felt.join(', ')}.`);
  }
  if (report) lines.push(`Before the visit said homework went: ${reportWords[report]}.`);
  for (const n of notes) lines.push(`Note ${n.date}: ${n.note}`);
  for (const q of questions) lines.push(`Asked: ${q.text}`);
  return {
    since,
    checkIns: rows.length,
    doneDays,
    feelings,
    notes,
    openQuestions: questions,
    report,
    summary: lines.join('\n'),
  };
}

/** A session read as a SOAP note: S the client's report, O the body map and findings, A the assessment, P the homework given and the next visit. */
export async function soapOf(db: Db, session: SessionRecordTable, client: Pick<ClientTable, 'first_name' | 'last_name'>): Promise<Soap> {
  const [homework, next] = await Promise.all([
    db.selectFrom('homework').selectAll().where('session_id', '=', session.id).orderBy('assigned_at').execute(),
    db
      .selectFrom('appointments')
      .select(['starts_at', 'timezone'])
      .where('session_id', '=', session.id)
      .where('status', '!=', 'cancelled')
      .orderBy('starts_at')
      .executeTakeFirst(),
  ]);
  const given = await presentHomework(db, homework);
  const lists = readSessionLists(session);
  const reason = session.not_rebooked_reason as keyof typeof notRebookedWords | null;
  return {
    sessionId: session.id,
    clientId: session.client_id,
    clientName: [client.first_name, client.last_name].filter(Boolean).join(' '),
    date: session.date,
    subjective: session.subjective,
    objective: {
      areasWorked: lists.areasWorked,
      areasNeedingMoreTime: lists.areasNeedingMoreTime,
      findings: lists.findings,
      notes: session.notes,
    },
    assessment: session.assessment,
    plan: {
      homework: given.map((h) => {
        const d = describeDose(h.dose);
        return { name: h.exercise.name, dose: `${d.what}. ${d.when}.`, note: h.note };
      }),
      nextVisit: next ? isoInZoneWithMillis(new Date(next.starts_at), next.timezone) : null,
      notRebookedReason: reason ? (notRebookedWords[reason] ?? reason) : null,
    },
  };
}
