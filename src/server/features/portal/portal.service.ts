import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import { CHECK_IN_DAYS_BACK, type checkInBody, type Portal, type ReminderRhythm } from '../../../shared/api/portal.js';
import { clientCopyOf } from '../../../shared/client-copy.js';
import type { ExerciseContent } from '../../../shared/exercise.js';
import type { Tool } from '../../../shared/vocabulary.js';
import type { Db } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import { readGivenItem, readIntake } from '../../db/stored.js';
import type { AppDeps } from '../../deps.js';
import { queueEmail } from '../../email/outbox.js';
import { fromCarryover } from '../../email/sender.js';
import { AppError } from '../../http/errors.js';
import { hashToken } from '../../http/tokens.js';
import { addDays, localDay, zoneNote } from '../../local-time.js';
import { appointmentLabel, nextAppointmentOf } from '../appointments/appointments.service.js';
import type { LinkedClient } from '../clients/client-link.repository.js';
import { consentAfter, remindersFor } from '../clients/email-consent.js';
import { scheduleNextReminder } from '../clients/reminders.js';
import { goalsOf } from '../goals/goals.repository.js';
import { activeHomework } from '../homework/homework.repository.js';
import { toolsAvailable } from '../homework/suggest.js';
import { renderedDrawing } from '../library/drawing-files.js';
import { questionAskedEmail } from './portal.emails.js';

/*
 * What the client's page does, shared by the JSON API (/api/v1/portal/...) and the server-rendered
 * page (/c/:token), so both read and write exactly the same way.
 */

type Deps = Pick<AppDeps, 'db' | 'clock'>;

// The page's reads, compiled once (prepared.ts): this is the most-read page in Carryover.
type ClientParam = (name: 'clientId') => never;
const activeHomeworkMedia = prepared((db, param: ClientParam) =>
  db
    .selectFrom('homework_media as m')
    .innerJoin('homework as h', 'h.id', 'm.homework_id')
    .select(['m.id', 'm.homework_id', 'm.kind'])
    .where('h.client_id', '=', param('clientId'))
    .where('h.status', '=', 'active'),
);
const checkInsSince = prepared((db, param: (name: 'clientId' | 'from') => never) =>
  db.selectFrom('check_ins').selectAll().where('client_id', '=', param('clientId')).where('date', '>=', param('from')).orderBy('date'),
);
const latestQuestions = prepared((db, param: ClientParam) =>
  db.selectFrom('questions').selectAll().where('client_id', '=', param('clientId')).orderBy('asked_at', 'desc').limit(20),
);
const memberName = prepared((db, param: (name: 'id') => never) => db.selectFrom('members').select('name').where('id', '=', param('id')));

/** Everything the client's page shows: active homework, the last 14 local days, questions, goals and their progress. */
export async function portalView(deps: Deps, client: LinkedClient, token: string): Promise<Portal> {
  return (await readPortal(deps, client, token)).view;
}

/** portalView for the server-rendered page, with each item as assigned (by homework id), to draw it inline. */
export const portalPageView = readPortal;

async function readPortal({ db, clock }: Deps, client: LinkedClient, token: string) {
  const today = localDay(clock.now(), client.zone);
  const from = addDays(today, -(CHECK_IN_DAYS_BACK - 1));
  const [homework, checkIns, questions, therapist, goals, media] = await Promise.all([
    activeHomework(db, client.id),
    checkInsSince.all(db, { clientId: client.id, from }),
    latestQuestions.all(db, { clientId: client.id }),
    memberName.first(db, { id: client.therapist_id ?? '' }),
    goalsOf(db, client.id),
    activeHomeworkMedia.all(db, { clientId: client.id }),
  ]);
  const intake = readIntake(client.intake);
  const have = toolsAvailable(intake);
  // An item whose stored copy no longer reads is left off the page (and logged), not the whole page.
  const given = homework.flatMap((h) => {
    const item = readGivenItem(h);
    return item ? [{ h, e: item.exercise, dose: item.dose }] : [];
  });
  const items = given.map(({ h, e, dose }) => {
    const copy = clientCopyOf(e, intake.cautions ?? []);
    return {
      homeworkId: h.id,
      name: e.name,
      purpose: e.purpose,
      steps: e.steps,
      cues: copy.tips,
      mistakes: copy.donts,
      stopIf: e.stopIf,
      getHelp: copy.getHelp,
      watchFor: copy.watchFor,
      drawingAlt: renderedDrawing(e).alt,
      regions: e.regions,
      tools: e.tools,
      dose,
      note: h.note,
      media: media.filter((m) => m.homework_id === h.id).map((m) => ({ kind: m.kind, url: `/api/v1/portal/${token}/media/${m.id}` })),
      givenOn: localDay(new Date(h.assigned_at), client.zone),
    };
  });
  const missing = new Set<Tool>(
    items.flatMap((i) => i.tools.filter((need: Tool[]) => !need.some((t) => have.has(t))).map((need: Tool[]) => need[0])),
  );
  const next = await nextAppointmentOf(db, client.id, clock.now());
  const view: Portal = {
    practiceName: client.practiceName,
    therapistName: therapist?.name ?? client.sender_name ?? client.practiceName,
    firstName: client.first_name,
    today,
    days: Array.from({ length: CHECK_IN_DAYS_BACK }, (_, i) => addDays(from, i)),
    items,
    checkIns: checkIns.map((c) => ({ homeworkId: c.homework_id, date: c.date, done: c.done === 1, feeling: c.feeling, note: c.note })),
    goals: intake.goals ?? null,
    trackedGoals: goals.map(({ clientId, ...goal }) => goal),
    nextAppointment: next
      ? { startsAt: next.starts_at, label: appointmentLabel(next, client.time_format) + zoneNote(next.timezone, client.zone) }
      : null,
    toolsThatWouldHelp: [...missing],
    questions: questions.map((q) => ({ id: q.id, text: q.text, askedAt: q.asked_at, answer: q.answer, answeredAt: q.answered_at })),
    reminders: remindersFor(client, client.reminder_default).rhythm,
    canEmail: Boolean(client.email) && !client.unsubscribed_at,
  };
  const exercises = new Map<string, ExerciseContent>(given.map(({ h, e }) => [h.id, e]));
  return { view, exercises };
}

type CheckInParam = 'id' | 'clientId' | 'homeworkId' | 'date' | 'now' | 'done' | 'feeling' | 'note';
// One statement, the hot write: the item must be the client's (no row is written otherwise), and a
// second tick the same day changes the first instead of adding one. A replay of the same answer writes
// nothing, so the triggers (the page's version, the dashboard's counts) do not run for it. The casts
// type the values for PostgreSQL.
const checkInIfTheirs = prepared((db, param: (name: CheckInParam) => never) => {
  const text = (name: CheckInParam) => sql<string>`cast(${param(name)} as text)`;
  const values = { done: param('done'), feeling: param('feeling'), note: param('note'), updated_at: param('now') };
  return db
    .insertInto('check_ins')
    .columns(['id', 'practice_id', 'client_id', 'homework_id', 'date', 'created_at', 'updated_at', 'done', 'feeling', 'note'])
    .expression(
      db
        .selectFrom('homework')
        .select([
          text('id').as('new_id'),
          'practice_id',
          'client_id',
          'id',
          text('date').as('date'),
          text('now').as('created_at'),
          text('now').as('updated_at'),
          sql<number>`cast(${param('done')} as integer)`.as('done'),
          text('feeling').as('feeling'),
          text('note').as('note'),
        ])
        .where('id', '=', param('homeworkId'))
        .where('client_id', '=', param('clientId')),
    )
    .onConflict((oc) =>
      oc
        .columns(['homework_id', 'date'])
        .doUpdateSet(values)
        .where(
          sql<boolean>`check_ins.done <> excluded.done or check_ins.feeling is distinct from excluded.feeling or check_ins.note is distinct from excluded.note`,
        ),
    );
});
const isTheirs = prepared((db, param: (name: 'homeworkId' | 'clientId') => never) =>
  db.selectFrom('homework').select('id').where('id', '=', param('homeworkId')).where('client_id', '=', param('clientId')),
);

// A check-in needs only who the client is and their clock, not the whole row the page reads.
const checkInClientByLink = prepared((db, param: (name: 'hash') => never) =>
  db
    .selectFrom('client_links as l')
    .innerJoin('clients as c', 'c.id', 'l.client_id')
    .innerJoin('practices as p', 'p.id', 'l.practice_id')
    .select(['c.id', 'c.archived_at', 'c.timezone', 'p.timezone as practiceTimezone'])
    // The cast keeps one plan for every link: once ANALYZE has run, SQLite otherwise plans this statement
    // again for each new value (its STAT4 samples), which cost more than the lookup itself.
    .where('l.token_hash', '=', sql<string>`cast(${param('hash')} as text)`)
    .where('l.revoked_at', 'is', null),
);

/** The client a live link opens, for a check-in; null otherwise (the link opener then answers why, counting guesses). */
export async function checkInClient(db: Db, token: string): Promise<Pick<LinkedClient, 'id' | 'zone'> | null> {
  const row = await checkInClientByLink.first(db, { hash: hashToken(token) });
  return row && !row.archived_at ? { id: row.id, zone: row.timezone ?? row.practiceTimezone } : null;
}

/** Done (or undone) for one item on one local day, with how it felt: an upsert, so a replay changes nothing. */
export async function recordCheckIn({ db, clock }: Deps, client: Pick<LinkedClient, 'id' | 'zone'>, body: z.infer<typeof checkInBody>) {
  const today = localDay(clock.now(), client.zone);
  const date = body.date ?? today;
  if (date > today) throw new AppError(400, 'invalid', 'That day has not come yet.', { date: 'Not in the future' });
  if (date < addDays(today, -(CHECK_IN_DAYS_BACK - 1)))
    throw new AppError(400, 'invalid', `You can tick off the last ${CHECK_IN_DAYS_BACK} days only.`, { date: 'Too long ago' });
  const now = clock.now().toISOString();
  const values = { done: body.done ? 1 : 0, feeling: body.feeling ?? null, note: body.note ?? null };
  const { changed } = await checkInIfTheirs.run(db, {
    id: randomUUID(),
    clientId: client.id,
    homeworkId: body.homeworkId,
    date,
    now,
    ...values,
  });
  // Nothing written: the same answer again (fine), or not their item.
  if (!changed && !(await isTheirs.first(db, { homeworkId: body.homeworkId, clientId: client.id })))
    throw new AppError(400, 'invalid', 'That is not one of your homework items.', { homeworkId: 'Not one of your items' });
  return { homeworkId: body.homeworkId, date, done: body.done, feeling: values.feeling, note: values.note };
}

/** Stores a client's question and tells their therapist by email (without the question itself). */
export async function askQuestion({ db, clock, config }: Deps & Pick<AppDeps, 'config'>, client: LinkedClient, text: string) {
  const now = clock.now().toISOString();
  const q = {
    id: randomUUID(),
    practice_id: client.practice_id,
    client_id: client.id,
    text,
    asked_at: now,
    answer: null,
    answered_at: null,
    answered_by: null,
  };
  const therapist = await db
    .selectFrom('members')
    .select(['email', 'name'])
    .where('id', '=', client.therapist_id ?? '')
    .executeTakeFirst();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('questions').values(q).execute();
    if (therapist) {
      await queueEmail(trx, clock, {
        practiceId: client.practice_id,
        clientId: client.id,
        to: therapist.email,
        ...fromCarryover(),
        ...questionAskedEmail({
          therapistName: therapist.name,
          clientName: `${client.first_name} ${client.last_name}`,
          url: `${config.publicUrl}/questions`,
        }),
      });
    }
  });
  return { id: q.id, text: q.text, askedAt: now, answer: null, answeredAt: null };
}

/**
 * The client's reminder rhythm; choosing one (even after an unsubscribe) is their agreement, recorded with
 * when and how, and starts mail again; 'none' stops reminders.
 */
export async function chooseReminders({ db, clock }: Deps, client: LinkedClient, rhythm: ReminderRhythm) {
  const now = clock.now().toISOString();
  const consent = rhythm === 'none' ? {} : consentAfter(client, true, 'client-page', now);
  await db
    .updateTable('clients')
    .set({ reminder_rhythm: rhythm, unsubscribed_at: null, ...consent })
    .where('id', '=', client.id)
    .execute();
  if (rhythm !== 'none') await scheduleNextReminder(db, clock, client.id);
  return { rhythm };
}
