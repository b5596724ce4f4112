import { randomUUID } from 'node:crypto';
import type { WorkingHours, WorkingRange } from '../../../shared/api/working-hours.js';
import type { Db } from '../../db/index.js';

/** Assumed until a therapist saves their own week: Monday to Friday, 09:00 to 17:00. */
export const ASSUMED_WEEK: WorkingRange[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

export interface WorkingWeek {
  weekly: WorkingRange[];
  daysOff: { date: string; reason?: string }[];
  saved: boolean;
}

/** A therapist's week and days off (from a day on, when given), or the assumed week when none is saved. */
export async function workingWeekOf(db: Db, o: { practiceId: string; memberId: string; daysOffFrom?: string }): Promise<WorkingWeek> {
  const member = await db
    .selectFrom('members')
    .select('working_hours_saved_at')
    .where('id', '=', o.memberId)
    .where('practice_id', '=', o.practiceId)
    .executeTakeFirst();
  let off = db
    .selectFrom('days_off')
    .select(['date', 'reason'])
    .where('member_id', '=', o.memberId)
    .where('practice_id', '=', o.practiceId);
  if (o.daysOffFrom) off = off.where('date', '>=', o.daysOffFrom);
  const daysOff = (await off.orderBy('date').execute()).map((d) => (d.reason ? { date: d.date, reason: d.reason } : { date: d.date }));
  if (!member?.working_hours_saved_at) return { weekly: ASSUMED_WEEK, daysOff, saved: false };
  const rows = await db
    .selectFrom('working_hours')
    .select(['weekday', 'start_time', 'end_time'])
    .where('member_id', '=', o.memberId)
    .where('practice_id', '=', o.practiceId)
    .orderBy('weekday')
    .orderBy('start_time')
    .execute();
  return { weekly: rows.map((r) => ({ weekday: r.weekday, start: r.start_time, end: r.end_time })), daysOff, saved: true };
}

/** Replaces a therapist's week and days off in one transaction. */
export async function saveWorkingWeek(
  db: Db,
  o: { practiceId: string; memberId: string; weekly: WorkingRange[]; daysOff: { date: string; reason?: string }[]; now: string },
) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('working_hours').where('member_id', '=', o.memberId).where('practice_id', '=', o.practiceId).execute();
    await trx.deleteFrom('days_off').where('member_id', '=', o.memberId).where('practice_id', '=', o.practiceId).execute();
    const ranges = [...o.weekly].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
    if (ranges.length)
      await trx
        .insertInto('working_hours')
        .values(
          ranges.map((r) => ({
            id: randomUUID(),
            practice_id: o.practiceId,
            member_id: o.memberId,
            weekday: r.weekday,
            start_time: r.start,
            end_time: r.end,
          })),
        )
        .execute();
    if (o.daysOff.length)
      await trx
        .insertInto('days_off')
        .values(
          o.daysOff.map((d) => ({
            id: randomUUID(),
            practice_id: o.practiceId,
            member_id: o.memberId,
            date: d.date,
            reason: d.reason || null,
          })),
        )
        .execute();
    await trx.updateTable('members').set({ working_hours_saved_at: o.now }).where('id', '=', o.memberId).execute();
  });
}

export const presentWorkingHours = (memberId: string, timezone: string, w: WorkingWeek): WorkingHours => ({
  memberId,
  timezone,
  weekly: w.weekly,
  daysOff: w.daysOff,
  saved: w.saved,
});
