import type { TimelineEntry } from '../../../shared/api/clients.js';
import { formatWhen } from '../../../shared/time/format.js';
import { REGIONS } from '../../../shared/vocabulary.js';
import type { Db } from '../../db/index.js';
import type { ClientTable } from '../../db/schema.js';
import { itemNameOf, readAreas, readOr } from '../../db/stored.js';
import { practiceClock } from '../../local-time.js';

const FELT = { better: 'felt better', same: 'felt the same', worse: 'felt worse' } as const;
const EMAIL_STATUS = {
  sent: 'Email sent',
  queued: 'Email waiting to go',
  failed: 'Email not sent',
  kept: 'Email kept, not sent',
  unknown: 'Email may not have arrived',
} as const;

/**
 * Everything that happened with a client, newest first: sessions, homework given and ended, emails,
 * check-ins (one entry a day), questions and answers, visits booked, goals and their progress.
 * One query per kind, whatever the client's history.
 */
export async function clientTimeline(db: Db, client: ClientTable): Promise<TimelineEntry[]> {
  const [practice, sessions, homework, emails, checkIns, questions, visits, goals, progress] = await Promise.all([
    db.selectFrom('practices').select(['timezone', 'time_format']).where('id', '=', client.practice_id).executeTakeFirstOrThrow(),
    db.selectFrom('session_records').select(['id', 'date', 'areas_more_time']).where('client_id', '=', client.id).execute(),
    db
      .selectFrom('homework')
      .select(['id', 'session_id', 'exercise', 'status', 'assigned_at', 'ended_at', 'progressed_to'])
      .where('client_id', '=', client.id)
      .execute(),
    db
      .selectFrom('emails')
      .select(['subject', 'status', 'last_error', 'created_at', 'sent_at'])
      .where('client_id', '=', client.id)
      .where('practice_id', '=', client.practice_id)
      .execute(),
    db.selectFrom('check_ins').select(['date', 'done', 'feeling', 'note']).where('client_id', '=', client.id).execute(),
    db.selectFrom('questions').select(['text', 'asked_at', 'answer', 'answered_at']).where('client_id', '=', client.id).execute(),
    db.selectFrom('appointments').select(['starts_at', 'status', 'created_at', 'session_id']).where('client_id', '=', client.id).execute(),
    db.selectFrom('goals').select(['id', 'statement', 'unit', 'created_at', 'achieved_at']).where('client_id', '=', client.id).execute(),
    db
      .selectFrom('goal_progress')
      .select(['goal_id', 'value', 'note', 'recorded_by', 'recorded_at'])
      .where('client_id', '=', client.id)
      .execute(),
  ]);
  const clock = practiceClock(practice);
  const entry = (
    kind: TimelineEntry['kind'],
    at: string,
    title: string,
    detail: string | null = null,
    sessionId: string | null = null,
  ) => ({
    kind,
    at,
    title,
    detail,
    sessionId,
  });
  const nameOf = new Map(homework.map((h) => [h.id, itemNameOf(h.exercise, h.id)]));
  const goalOf = new Map(goals.map((g) => [g.id, g]));

  const entries: TimelineEntry[] = [
    entry('created', client.created_at, 'Added to Carryover'),
    ...(client.intake_completed_at ? [entry('intake', client.intake_completed_at, 'Intake form completed by the client')] : []),
    ...sessions.map((s) => {
      const more = readOr(readAreas, s.areas_more_time, () => [], { what: 'session areas needing more time', id: s.id });
      const areas = more.map((a) => `${REGIONS[a.region].toLowerCase()}${a.side && a.side !== 'both' ? ` (${a.side})` : ''}`);
      return entry('session', s.date, 'Session', areas.length ? `Needed more time: ${areas.join(', ')}` : null, s.id);
    }),
    ...homework.flatMap((h) => {
      const name = nameOf.get(h.id)!;
      const given = entry('homework', h.assigned_at, `Homework given: ${name}`, null, h.session_id);
      if (!h.ended_at || h.status === 'active') return [given];
      const next = h.progressed_to ? nameOf.get(h.progressed_to) : undefined;
      const ended =
        h.status === 'progressed'
          ? entry('homework-ended', h.ended_at, `Moved on from ${name}`, next ? `To ${next}` : null)
          : entry('homework-ended', h.ended_at, `Homework retired: ${name}`);
      return [given, ended];
    }),
    // A mail that was refused or may not have arrived says why, so the therapist can act on it.
    ...emails.map((e) =>
      entry(
        'email',
        e.sent_at ?? e.created_at,
        EMAIL_STATUS[e.status],
        (e.status === 'failed' || e.status === 'unknown') && e.last_error ? `${e.subject}. ${e.last_error}` : e.subject,
      ),
    ),
    ...checkInDays(checkIns),
    ...questions.flatMap((q) => [
      entry('question', q.asked_at, 'Asked a question', q.text),
      ...(q.answer && q.answered_at ? [entry('answer', q.answered_at, 'Question answered', q.answer)] : []),
    ]),
    ...visits.map((v) =>
      entry(
        'booking',
        v.created_at,
        `${v.session_id ? 'Next visit booked at checkout' : 'Visit booked'}: ${formatWhen(v.starts_at, clock)}`,
        v.status === 'booked' ? null : `Now ${v.status === 'done' ? 'attended' : v.status}`,
      ),
    ),
    ...goals.flatMap((g) => [
      entry('goal', g.created_at, `Goal set: ${g.statement}`),
      ...(g.achieved_at ? [entry('goal', g.achieved_at, `Goal reached: ${g.statement}`)] : []),
    ]),
    ...progress.map((p) => {
      const goal = goalOf.get(p.goal_id);
      const value = `${p.value}${goal?.unit ? ` ${goal.unit}` : ''}`;
      return entry(
        'goal-progress',
        p.recorded_at,
        `Goal progress${goal ? `: ${goal.statement}` : ''}`,
        [`${value}, logged by ${p.recorded_by === 'client' ? 'the client' : 'the therapist'}`, p.note].filter(Boolean).join(' · '),
      );
    }),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** One entry a day: how many ticks were done, how it felt, and what the client wrote. */
function checkInDays(checkIns: { date: string; done: number; feeling: keyof typeof FELT | null; note: string | null }[]) {
  const days = new Map<string, typeof checkIns>();
  for (const c of checkIns) days.set(c.date, [...(days.get(c.date) ?? []), c]);
  return [...days].map(([date, day]) => {
    const done = day.filter((c) => Number(c.done) === 1).length;
    const felt = [...new Set(day.flatMap((c) => (c.feeling ? [FELT[c.feeling]] : [])))];
    const notes = day.flatMap((c) => (c.note ? [`“${c.note}”`] : []));
    return {
      kind: 'check-in' as const,
      at: date,
      title: `Checked in: ${done} of ${day.length} item${day.length === 1 ? '' : 's'} done`,
      detail: [...felt, ...notes].join(' · ') || null,
      sessionId: null,
    };
  });
}
