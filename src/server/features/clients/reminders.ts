import { z } from 'zod';
import type { ReminderRhythm } from '../../../shared/api/portal.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import { itemNameOf } from '../../db/stored.js';
import { queueEmail } from '../../email/outbox.js';
import { fromPractice, stopEmails } from '../../email/sender.js';
import { enqueueJob, jobKind } from '../../jobs/queue.js';
import { addDays, instantAt, localDay, localHour } from '../../local-time.js';
import { issueClientLink } from './client-link.js';
import { homeworkReminderEmail } from './clients.emails.js';
import { remindersFor } from './email-consent.js';

export const HOMEWORK_REMINDER = 'homework-reminder';
const reminderJob = jobKind(HOMEWORK_REMINDER, z.object({ clientId: z.string(), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }));
/** Reminders go out at this local hour; a late job never sends outside the waking window. */
export const REMINDER_HOUR = 8;
const WAKING = { from: 7, until: 21 };

/** The next local day a reminder is due on, strictly after `after`. */
export function nextReminderDay(rhythm: Exclude<ReminderRhythm, 'none'>, after: string): string {
  if (rhythm === 'daily') return addDays(after, 1);
  if (rhythm === 'every-other-day') return addDays(after, 2);
  if (rhythm === 'weekly') return addDays(after, 7);
  // Twice a week: Mondays and Thursdays.
  for (let i = 1; i <= 7; i++) {
    const day = addDays(after, i);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // a calendar day: Sunday 0, Monday 1 … Thursday 4
    if (weekday === 1 || weekday === 4) return day;
  }
  return addDays(after, 7);
}

async function clientForReminder(db: Db, clientId: string) {
  return db
    .selectFrom('clients as c')
    .innerJoin('practices as p', 'p.id', 'c.practice_id')
    .select([
      'c.id',
      'c.practice_id',
      'c.first_name',
      'c.email',
      'c.timezone',
      'c.reminder_rhythm',
      'c.consent_to_email',
      'c.unsubscribed_at',
      'c.archived_at',
      'c.therapist_id',
      'p.timezone as practiceTimezone',
      'p.name as practiceName',
      'p.sender_name',
      'p.reply_to',
      'p.reminder_default',
    ])
    .where('c.id', '=', clientId)
    .executeTakeFirst();
}

/**
 * Schedules the client's next reminder at local morning, if they agreed to reminders and one applies
 * (their own rhythm, or the practice's default). The job's key is the client and the
 * day, so any number of app instances scheduling it leave exactly one job.
 */
export async function scheduleNextReminder(db: Db, clock: Clock, clientId: string, lastDay?: string) {
  const c = await clientForReminder(db, clientId);
  if (!c || c.archived_at) return;
  const { rhythm } = remindersFor(c, c.reminder_default);
  if (rhythm === 'none') return;
  const zone = c.timezone ?? c.practiceTimezone;
  const now = clock.now();
  const today = localDay(now, zone);
  let day = lastDay ? nextReminderDay(rhythm, lastDay) : localHour(now, zone) < REMINDER_HOUR ? today : addDays(today, 1);
  if (day < today || (day === today && localHour(now, zone) >= WAKING.until)) day = addDays(today, 1);
  await enqueueJob(db, clock, reminderJob, {
    payload: { clientId, day },
    clientId,
    runAt: instantAt(day, REMINDER_HOUR, 0, zone),
    uniqueKey: `reminder:${clientId}:${day}`,
  });
}

/** Job handler: sends one reminder if it is still wanted and it is daytime for the client, then books the next. */
export function homeworkReminderJob(o: { db: Db; clock: Clock; config: Config }) {
  return async (payload: string) => {
    const { clientId, day } = reminderJob.read(payload);
    const c = await clientForReminder(o.db, clientId);
    if (!c || c.archived_at || !c.email || remindersFor(c, c.reminder_default).rhythm === 'none') return;
    const zone = c.timezone ?? c.practiceTimezone;
    const now = o.clock.now();
    const hour = localHour(now, zone);
    const stale = localDay(now, zone) !== day || hour < WAKING.from || hour >= WAKING.until;
    const items = await o.db
      .selectFrom('homework')
      .select(['id', 'exercise'])
      .where('client_id', '=', c.id)
      .where('status', '=', 'active')
      .execute();
    if (!stale && items.length) {
      const url = await issueClientLink(o.db, o.clock, { practiceId: c.practice_id, clientId: c.id, publicUrl: o.config.publicUrl });
      const stop = stopEmails(url);
      const names = items.map((i) => itemNameOf(i.exercise, i.id));
      await o.db.transaction().execute(async (trx) => {
        await queueEmail(trx, o.clock, {
          practiceId: c.practice_id,
          clientId: c.id,
          to: c.email!,
          ...fromPractice({ name: c.practiceName, sender_name: c.sender_name, reply_to: c.reply_to }),
          headers: stop.headers,
          ...homeworkReminderEmail({ firstName: c.first_name, practiceName: c.practiceName, items: names, url, stopUrl: stop.url }),
        });
      });
    }
    await scheduleNextReminder(o.db, o.clock, c.id, stale ? localDay(now, zone) : day);
  };
}
