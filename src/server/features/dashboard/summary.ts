// The practice dashboard's figures. Rows are read once, scoped to the practice (and therapist),
// and counted here so every figure follows its written definition (DEFINITIONS) exactly.
import { sql } from 'kysely';
import { DEFINITIONS, type Rate, type Summary } from '../../../shared/api/reports.js';
import type { Db } from '../../db/index.js';
import { addDays, daysBetween } from '../../local-time.js';
import { builtInLibrary } from '../library/library.js';

const rate = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  value: denominator ? numerator / denominator : null,
});
const month = (day: string) => day.slice(0, 7);
const monthEnd = (m: string) => addDays(`${nextMonth(m)}-01`, -1);
function nextMonth(m: string) {
  const [y, mo] = m.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
function previousMonth(m: string) {
  const [y, mo] = m.split('-').map(Number);
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}
const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

interface Homework {
  id: string;
  clientId: string;
  sessionId: string | null;
  exerciseId: string;
  assigned: string;
  ended: string | null;
  demonstrated: boolean;
  daysPerWeek: number;
}

/** Days the dose asked for while the item was active within [a, b]. */
function expectedDays(h: Homework, a: string, b: string, today: string) {
  const start = h.assigned > a ? h.assigned : a;
  const stopAt = [b, today, h.ended ?? b].sort()[0];
  if (start > stopAt) return 0;
  return ((daysBetween(start, stopAt) + 1) * h.daysPerWeek) / 7;
}

export async function practiceSummary(
  db: Db,
  o: { practiceId: string; therapistId?: string; from: string; to: string; today: string },
): Promise<Summary> {
  let first = month(o.to);
  for (let i = 0; i < 11; i++) first = previousMonth(first);
  const trendStart = `${first}-01`;
  const earliest = [trendStart, o.from].sort()[0];

  let sessionsQ = db
    .selectFrom('session_records')
    .select(['id', 'client_id', 'date', 'rebooked'])
    .where('practice_id', '=', o.practiceId)
    .where('date', '>=', earliest);
  if (o.therapistId) sessionsQ = sessionsQ.where('therapist_id', '=', o.therapistId);
  const sessions = await sessionsQ.orderBy('date').execute();

  let hwQ = db
    .selectFrom('homework')
    .select(['id', 'client_id', 'session_id', 'exercise_id', 'assigned_at', 'ended_at', 'demonstrated_at', 'dose'])
    .where('practice_id', '=', o.practiceId)
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', earliest)]));
  if (o.therapistId) hwQ = hwQ.where('client_id', 'in', db.selectFrom('clients').select('id').where('therapist_id', '=', o.therapistId));
  const homework: Homework[] = (await hwQ.execute()).map((h) => ({
    id: h.id,
    clientId: h.client_id,
    sessionId: h.session_id,
    exerciseId: h.exercise_id,
    assigned: h.assigned_at.slice(0, 10),
    ended: h.ended_at?.slice(0, 10) ?? null,
    demonstrated: h.demonstrated_at !== null,
    daysPerWeek: (JSON.parse(h.dose) as { daysPerWeek: number }).daysPerWeek,
  }));
  const hwById = new Map(homework.map((h) => [h.id, h]));

  // Check-ins are the big table: counted in the database, per item and month.
  const checkIns = await db
    .selectFrom('check_ins')
    .select([
      'homework_id',
      sql<string>`substr(date, 1, 7)`.as('month'),
      (eb) => eb.fn.sum<number>(eb.case().when('done', '=', 1).then(1).else(0).end()).as('done'),
      (eb) => eb.fn.sum<number>(eb.case().when('feeling', '=', 'better').then(1).else(0).end()).as('better'),
      (eb) => eb.fn.sum<number>(eb.case().when('feeling', '=', 'same').then(1).else(0).end()).as('same'),
      (eb) => eb.fn.sum<number>(eb.case().when('feeling', '=', 'worse').then(1).else(0).end()).as('worse'),
      (eb) => eb.fn.max('date').as('last'),
    ])
    .where('practice_id', '=', o.practiceId)
    .where('date', '>=', earliest)
    .groupBy(['homework_id', sql`substr(date, 1, 7)`])
    .execute();
  // The period may not start on a month boundary: its own counts come from an exact query.
  const periodCheckIns = await db
    .selectFrom('check_ins')
    .select([
      'homework_id',
      (eb) => eb.fn.sum<number>(eb.case().when('done', '=', 1).then(1).else(0).end()).as('done'),
      (eb) => eb.fn.sum<number>(eb.case().when('feeling', '=', 'better').then(1).else(0).end()).as('better'),
      (eb) => eb.fn.sum<number>(eb.case().when('feeling', '=', 'same').then(1).else(0).end()).as('same'),
      (eb) => eb.fn.sum<number>(eb.case().when('feeling', '=', 'worse').then(1).else(0).end()).as('worse'),
    ])
    .where('practice_id', '=', o.practiceId)
    .where('date', '>=', o.from)
    .where('date', '<=', o.to)
    .groupBy('homework_id')
    .execute();
  const inPeriod = periodCheckIns
    .filter((c) => hwById.has(c.homework_id))
    .map((c) => ({ ...c, done: Number(c.done), better: Number(c.better), same: Number(c.same), worse: Number(c.worse) }));

  const periodSessions = sessions.filter((s) => s.date >= o.from && s.date <= o.to);
  const sessionIds = new Set(periodSessions.map((s) => s.id));
  const givenInPeriod = homework.filter((h) => h.sessionId && sessionIds.has(h.sessionId));
  const coveredSessions = new Set(givenInPeriod.map((h) => h.sessionId));

  // Adherence per item in the period, each item at most 100%.
  const doneByHw = new Map(inPeriod.map((c) => [c.homework_id, c.done]));
  const perItem = homework
    .map((h) => ({ h, expected: expectedDays(h, o.from, o.to, o.today), done: doneByHw.get(h.id) ?? 0 }))
    .filter((x) => x.expected > 0);
  const adherence = rate(
    perItem.reduce((sum, x) => sum + Math.min(x.done, x.expected), 0),
    perItem.reduce((sum, x) => sum + x.expected, 0),
  );
  const felt = inPeriod.reduce((f, c) => ({ better: f.better + c.better, same: f.same + c.same, worse: f.worse + c.worse }), {
    better: 0,
    same: 0,
    worse: 0,
  });

  const sessionsByClient = new Map<string, string[]>();
  for (const s of sessions) sessionsByClient.set(s.client_id, [...(sessionsByClient.get(s.client_id) ?? []), s.date]);
  const clientsInPeriod = [...new Set(periodSessions.map((s) => s.client_id))];
  const retention = (clients: string[], days: number) => {
    let observable = 0;
    let returned = 0;
    for (const c of clients) {
      const dates = sessionsByClient.get(c) ?? [];
      const first = dates.find((d) => d >= o.from && d <= o.to);
      if (!first || addDays(first, days) > o.today) continue;
      observable++;
      if (dates.some((d) => d > first && d <= addDays(first, days))) returned++;
    }
    return rate(returned, observable);
  };
  const rebookedOf = (list: typeof periodSessions) => rate(list.filter((s) => s.rebooked === 1).length, list.length);

  // Each client's adherence in the period decides their comparison group.
  const clientAdherence = new Map<string, { done: number; expected: number }>();
  for (const x of perItem) {
    const a = clientAdherence.get(x.h.clientId) ?? { done: 0, expected: 0 };
    clientAdherence.set(x.h.clientId, { done: a.done + Math.min(x.done, x.expected), expected: a.expected + x.expected });
  }
  const givenClients = new Set(homework.filter((h) => h.assigned <= o.to && (!h.ended || h.ended >= o.from)).map((h) => h.clientId));
  const groups = { doHomework: [] as string[], dontDoHomework: [] as string[], noHomework: [] as string[] };
  for (const c of clientsInPeriod) {
    const a = clientAdherence.get(c);
    if (!givenClients.has(c) || !a) groups.noHomework.push(c);
    else if (a.done / a.expected >= 0.5) groups.doHomework.push(c);
    else groups.dontDoHomework.push(c);
  }
  const groupFigures = (clients: string[]) => {
    const set = new Set(clients);
    const own = periodSessions.filter((s) => set.has(s.client_id));
    return {
      clients: clients.length,
      sessions: own.length,
      rebooked: rebookedOf(own),
      retention30: retention(clients, 30),
      retention60: retention(clients, 60),
      retention90: retention(clients, 90),
    };
  };

  // Trend: 12 months ending with the period's month.
  const trend = [];
  for (let m = month(trendStart); m <= month(o.to); m = nextMonth(m)) {
    const a = `${m}-01`;
    const b = monthEnd(m);
    const ms = sessions.filter((s) => s.date >= a && s.date <= b);
    const ids = new Set(ms.map((s) => s.id));
    const covered = new Set(homework.filter((h) => h.sessionId && ids.has(h.sessionId)).map((h) => h.sessionId)).size;
    const doneInMonth = new Map(checkIns.filter((c) => c.month === m).map((c) => [c.homework_id, Number(c.done)]));
    let done = 0;
    let expected = 0;
    for (const h of homework) {
      const e = expectedDays(h, a, b, o.today);
      if (e <= 0) continue;
      expected += e;
      done += Math.min(doneInMonth.get(h.id) ?? 0, e);
    }
    trend.push({
      month: m,
      sessions: ms.length,
      homeworkCoverage: ms.length ? covered / ms.length : null,
      adherence: expected ? done / expected : null,
      rebooked: ms.length ? ms.filter((s) => s.rebooked === 1).length / ms.length : null,
    });
  }

  // Top items given in the period.
  const library = builtInLibrary();
  const customNames = new Map(
    (await db.selectFrom('custom_exercises').select(['id', 'content']).where('practice_id', '=', o.practiceId).execute()).map((r) => [
      r.id,
      (JSON.parse(r.content) as { name: string }).name,
    ]),
  );
  const byItem = new Map<string, { clients: Set<string>; done: number; expected: number; better: number; feelings: number }>();
  const feltByHw = new Map(inPeriod.map((c) => [c.homework_id, c]));
  for (const x of perItem.filter((x) => givenInPeriod.includes(x.h))) {
    const t = byItem.get(x.h.exerciseId) ?? { clients: new Set<string>(), done: 0, expected: 0, better: 0, feelings: 0 };
    const f = feltByHw.get(x.h.id);
    t.clients.add(x.h.clientId);
    t.done += Math.min(x.done, x.expected);
    t.expected += x.expected;
    t.better += f?.better ?? 0;
    t.feelings += (f?.better ?? 0) + (f?.same ?? 0) + (f?.worse ?? 0);
    byItem.set(x.h.exerciseId, t);
  }
  const topItems = [...byItem.entries()]
    .filter(([, t]) => t.done + t.feelings >= 3)
    .map(([exerciseId, t]) => ({
      exerciseId,
      name: library.get(exerciseId)?.name ?? customNames.get(exerciseId) ?? exerciseId,
      clients: t.clients.size,
      adherence: t.expected ? t.done / t.expected : null,
      feltBetter: t.feelings ? t.better / t.feelings : null,
    }))
    .sort((a, b) => (b.adherence ?? 0) - (a.adherence ?? 0) || a.exerciseId.localeCompare(b.exerciseId))
    .slice(0, 10);

  // Follow-up: active homework, no check-in for 14 days, nothing booked.
  const activeClients = [...new Set(homework.filter((h) => !h.ended).map((h) => h.clientId))];
  const followUp = [];
  if (activeClients.length) {
    const lastCheck = await db
      .selectFrom('check_ins')
      .select(['client_id', (eb) => eb.fn.max('date').as('last')])
      .where('practice_id', '=', o.practiceId)
      .where('client_id', 'in', activeClients)
      .groupBy('client_id')
      .execute();
    const booked = await db
      .selectFrom('appointments')
      .select('client_id')
      .where('practice_id', '=', o.practiceId)
      .where('status', '=', 'booked')
      .where('starts_at', '>', `${o.today}T23:59:59.999Z`)
      .where('client_id', 'in', activeClients)
      .execute();
    const names = await db
      .selectFrom('clients')
      .select(['id', 'first_name', 'last_name'])
      .where('id', 'in', activeClients)
      .where('archived_at', 'is', null)
      .execute();
    const last = new Map(lastCheck.map((r) => [r.client_id, String(r.last)]));
    const hasBooking = new Set(booked.map((b) => b.client_id));
    const cutoff = addDays(o.today, -14);
    for (const c of names.sort((a, b) => a.last_name.localeCompare(b.last_name))) {
      const l = last.get(c.id) ?? null;
      if ((l === null || l < cutoff) && !hasBooking.has(c.id))
        followUp.push({
          clientId: c.id,
          name: `${c.first_name} ${c.last_name}`.trim(),
          lastCheckIn: l,
          lastVisit: sessionsByClient.get(c.id)?.at(-1) ?? null,
        });
    }
  }

  // Referrals and questions in the period.
  let clientsQ = db
    .selectFrom('clients')
    .select(['id', 'intake', 'created_at'])
    .where('practice_id', '=', o.practiceId)
    .where('created_at', '>=', `${o.from}T00:00:00.000Z`)
    .where('created_at', '<=', `${o.to}T23:59:59.999Z`)
    .where('intake', 'like', '%referredByClientId":"%');
  if (o.therapistId) clientsQ = clientsQ.where('therapist_id', '=', o.therapistId);
  const referred = (await clientsQ.execute()).filter(
    (c) => (JSON.parse(c.intake) as { referredByClientId?: string | null }).referredByClientId,
  );
  const converted = referred.length
    ? (
        await db
          .selectFrom('appointments')
          .select('client_id')
          .where(
            'client_id',
            'in',
            referred.map((r) => r.id),
          )
          .where('status', 'in', ['booked', 'done'])
          .groupBy('client_id')
          .execute()
      ).length
    : 0;
  let questionsQ = db
    .selectFrom('questions')
    .select(['asked_at', 'answered_at'])
    .where('practice_id', '=', o.practiceId)
    .where('asked_at', '>=', `${o.from}T00:00:00.000Z`)
    .where('asked_at', '<=', `${o.to}T23:59:59.999Z`);
  if (o.therapistId)
    questionsQ = questionsQ.where('client_id', 'in', db.selectFrom('clients').select('id').where('therapist_id', '=', o.therapistId));
  const questions = await questionsQ.execute();
  const answered = questions.filter((q) => q.answered_at);

  return {
    from: o.from,
    to: o.to,
    therapistId: o.therapistId ?? null,
    sessions: periodSessions.length,
    clientsSeen: clientsInPeriod.length,
    homeworkCoverage: rate(coveredSessions.size, periodSessions.length),
    itemsPerSession: rate(givenInPeriod.length, periodSessions.length),
    demonstrated: rate(givenInPeriod.filter((h) => h.demonstrated).length, givenInPeriod.length),
    adherence,
    felt,
    rebooked: rebookedOf(periodSessions),
    retention30: retention(clientsInPeriod, 30),
    retention60: retention(clientsInPeriod, 60),
    retention90: retention(clientsInPeriod, 90),
    referrals: { made: referred.length, converted },
    questions: {
      asked: questions.length,
      answered: answered.length,
      medianAnswerHours: median(answered.map((q) => (Date.parse(q.answered_at!) - Date.parse(q.asked_at)) / 3_600_000)),
    },
    comparison: {
      doHomework: groupFigures(groups.doHomework),
      dontDoHomework: groupFigures(groups.dontDoHomework),
      noHomework: groupFigures(groups.noHomework),
    },
    trend,
    topItems,
    followUp,
    definitions: DEFINITIONS,
  };
}
