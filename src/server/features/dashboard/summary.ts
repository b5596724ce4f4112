// The practice dashboard's figures, each following its written definition (DEFINITIONS) exactly.
// The database counts (summary.repository.ts, adherence.repository.ts) and hands back one row per
// client, month or item; this file turns those counts into rates, groups and lists.
import { DEFINITIONS, type Rate, type Summary } from '../../../shared/api/reports.js';
import type { Db } from '../../db/index.js';
import { addDays, daysBetween } from '../../local-time.js';
import { builtInLibrary } from '../library/library.js';
import { adherenceCounts } from './adherence.repository.js';
import {
  clientsSeen,
  customItemNames,
  givenInPeriod,
  monthlySessions,
  questionsAsked,
  quietClients,
  referredClients,
  type Scope,
} from './summary.repository.js';

const rate = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  value: denominator ? numerator / denominator : null,
});
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
const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((total, x) => total + f(x), 0);

type ClientSeen = Awaited<ReturnType<typeof clientsSeen>>[number];

/** Every dashboard figure for a period, for the practice or one therapist. */
export async function practiceSummary(
  db: Db,
  o: { practiceId: string; therapistId?: string; from: string; to: string; today: string },
): Promise<Summary> {
  // Trend: the 12 months ending with the period's month.
  const months = [o.to.slice(0, 7)];
  while (months.length < 12) months.unshift(previousMonth(months[0]));
  const monthDays = months.map((month) => ({ month, first: `${month}-01`, last: monthEnd(month) }));
  const trendStart = monthDays[0].first;
  const scope: Scope = { practiceId: o.practiceId, therapistId: o.therapistId, since: [trendStart, o.from].sort()[0] };

  const [seen, given, days, trendSessions, quiet, referred, questions] = await Promise.all([
    clientsSeen(db, scope, o.from, o.to),
    givenInPeriod(db, scope, o.from, o.to),
    adherenceCounts(db, scope, { period: { first: o.from, last: o.to }, months: monthDays, today: o.today }),
    monthlySessions(db, scope, trendStart, monthDays[11].last),
    quietClients(db, scope, o.today, addDays(o.today, -14)),
    referredClients(db, scope, o.from, o.to),
    questionsAsked(db, scope, o.from, o.to),
  ]);

  // Days asked for and credited come in sevenths of a day (see adherence.repository.ts).
  const sessions = sum(seen, (c) => c.sessions);
  const rebooked = (clients: ClientSeen[]) =>
    rate(
      sum(clients, (c) => c.rebooked),
      sum(clients, (c) => c.sessions),
    );
  // Days from each client's first visit to today and to their next visit, worked out once: the groups
  // ask for them again and again.
  const daysFromFirst = new Map(
    seen.map((c) => [
      c,
      { toToday: daysBetween(c.firstVisit, o.today), toNext: c.nextVisit === null ? null : daysBetween(c.firstVisit, c.nextVisit) },
    ]),
  );
  const retention = (clients: ClientSeen[], within: 30 | 60 | 90) => {
    const observable = clients.filter((c) => daysFromFirst.get(c)!.toToday >= within);
    return rate(observable.filter((c) => (daysFromFirst.get(c)!.toNext ?? Infinity) <= within).length, observable.length);
  };

  // Each client's adherence in the period decides their comparison group.
  const groups = { doHomework: [] as ClientSeen[], dontDoHomework: [] as ClientSeen[], noHomework: [] as ClientSeen[] };
  for (const c of seen) {
    const a = days.byClient.get(c.clientId);
    if (!a?.asked) groups.noHomework.push(c);
    else if (2 * a.credited >= a.asked) groups.doHomework.push(c);
    else groups.dontDoHomework.push(c);
  }
  const groupFigures = (clients: ClientSeen[]) => ({
    clients: clients.length,
    sessions: sum(clients, (c) => c.sessions),
    rebooked: rebooked(clients),
    retention30: retention(clients, 30),
    retention60: retention(clients, 60),
    retention90: retention(clients, 90),
  });

  const trend = months.map((month) => {
    const s = trendSessions.get(month) ?? { sessions: 0, rebooked: 0, covered: 0 };
    const a = days.byMonth.get(month) ?? { asked: 0, credited: 0 };
    return {
      month,
      sessions: s.sessions,
      homeworkCoverage: s.sessions ? s.covered / s.sessions : null,
      adherence: a.asked ? a.credited / a.asked : null,
      rebooked: s.sessions ? s.rebooked / s.sessions : null,
    };
  });

  // Top items given in the period: at least 3 days done (credited) or feelings given.
  const library = builtInLibrary();
  const top = days.byItem
    .map((t) => ({ ...t, feelings: t.better + t.same + t.worse }))
    .filter((t) => t.credited + 7 * t.feelings >= 21)
    .map((t) => ({
      exerciseId: t.key,
      clients: t.clients,
      adherence: t.asked ? t.credited / t.asked : null,
      feltBetter: t.feelings ? t.better / t.feelings : null,
    }))
    .sort((a, b) => (b.adherence ?? 0) - (a.adherence ?? 0) || a.exerciseId.localeCompare(b.exerciseId))
    .slice(0, 10);
  const customNames = await customItemNames(
    db,
    o.practiceId,
    top.filter((t) => !library.has(t.exerciseId)).map((t) => t.exerciseId),
  );

  const byClient = [...days.byClient.values()];
  const answered = questions.filter((q) => q.answered_at);
  return {
    from: o.from,
    to: o.to,
    therapistId: o.therapistId ?? null,
    sessions,
    clientsSeen: seen.length,
    homeworkCoverage: rate(given.sessions, sessions),
    itemsPerSession: rate(given.items, sessions),
    demonstrated: rate(given.demonstrated, given.items),
    adherence: rate(sum(byClient, (a) => a.credited) / 7, sum(byClient, (a) => a.asked) / 7),
    felt: days.felt,
    rebooked: rebooked(seen),
    retention30: retention(seen, 30),
    retention60: retention(seen, 60),
    retention90: retention(seen, 90),
    referrals: { made: referred.length, converted: referred.filter((r) => r.converted).length },
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
    topItems: top.map(({ exerciseId, ...t }) => ({
      exerciseId,
      name: library.get(exerciseId)?.name ?? customNames.get(exerciseId) ?? exerciseId,
      ...t,
    })),
    // Follow-up: active homework, no check-in for 14 days, nothing booked.
    followUp: quiet
      .sort((a, b) => a.last_name.localeCompare(b.last_name))
      .map((c) => ({
        clientId: c.id,
        name: `${c.first_name} ${c.last_name}`.trim(),
        lastCheckIn: c.last_check_in ?? null,
        lastVisit: c.last_visit ?? null,
      })),
    definitions: DEFINITIONS,
  };
}
