import { ADHERENCE_WINDOW_DAYS } from '../../../shared/api/today.js';
import type { Db } from '../../db/index.js';
import { addDays, daysBetween, localDay } from '../../local-time.js';

export type Feelings = { better: number; same: number; worse: number };

export type HomeworkSoFar = {
  active: number;
  doneDays: number;
  ofDays: number;
  lastCheckIn: string | null;
  feelings: Feelings;
};

/**
 * How each client's homework went over the last 14 local days up to `lastDay`: the days with
 * anything ticked done, out of the days they had homework (fewer than 14 when it is younger).
 */
export async function homeworkSoFar(
  db: Db,
  o: { practiceId: string; clientIds: string[]; lastDay: string; zoneOf: (clientId: string) => string },
): Promise<Map<string, HomeworkSoFar>> {
  const result = new Map<string, HomeworkSoFar>();
  if (o.clientIds.length === 0) return result;
  const firstDay = addDays(o.lastDay, -(ADHERENCE_WINDOW_DAYS - 1));
  const [items, checkIns, latest] = await Promise.all([
    db
      .selectFrom('homework')
      .select(['client_id', 'status', 'assigned_at', 'ended_at'])
      .where('practice_id', '=', o.practiceId)
      .where('client_id', 'in', o.clientIds)
      .where((eb) => eb.or([eb('status', '=', 'active'), eb('ended_at', '>=', `${firstDay}T00:00:00`)]))
      .execute(),
    db
      .selectFrom('check_ins')
      .select(['client_id', 'date', 'done', 'feeling'])
      .where('practice_id', '=', o.practiceId)
      .where('client_id', 'in', o.clientIds)
      .where('date', '>=', firstDay)
      .where('date', '<=', o.lastDay)
      .execute(),
    db
      .selectFrom('check_ins')
      .select(['client_id', (eb) => eb.fn.max('date').as('last')])
      .where('practice_id', '=', o.practiceId)
      .where('client_id', 'in', o.clientIds)
      .where('date', '<=', o.lastDay)
      .groupBy('client_id')
      .execute(),
  ]);
  for (const clientId of o.clientIds) {
    const zone = o.zoneOf(clientId);
    const own = items.filter((h) => h.client_id === clientId && localDay(new Date(h.assigned_at), zone) <= o.lastDay);
    const since = own.map((h) => localDay(new Date(h.assigned_at), zone)).sort()[0];
    const from = since && since > firstDay ? since : firstDay;
    const ofDays = since ? daysBetween(from, o.lastDay) + 1 : 0;
    const mine = checkIns.filter((c) => c.client_id === clientId && c.date >= from);
    const doneDays = new Set(mine.filter((c) => Number(c.done) === 1).map((c) => c.date)).size;
    const feelings: Feelings = { better: 0, same: 0, worse: 0 };
    for (const c of mine) if (c.feeling) feelings[c.feeling] += 1;
    result.set(clientId, {
      active: own.filter((h) => h.status === 'active').length,
      doneDays: Math.min(doneDays, ofDays),
      ofDays,
      lastCheckIn: (latest.find((l) => l.client_id === clientId)?.last as string | undefined) ?? null,
      feelings,
    });
  }
  return result;
}

/** The client's questions nobody has answered yet, oldest first. */
export async function openQuestionsOf(db: Db, o: { practiceId: string; clientIds: string[] }) {
  if (o.clientIds.length === 0) return [];
  return db
    .selectFrom('questions')
    .select(['id', 'client_id', 'text', 'asked_at'])
    .where('practice_id', '=', o.practiceId)
    .where('client_id', 'in', o.clientIds)
    .where('answer', 'is', null)
    .orderBy('asked_at')
    .execute();
}
