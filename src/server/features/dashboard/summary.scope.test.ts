// Whose rows each figure counts: a practice with two therapists (one recorded a visit for the
// other's client, and one item asks 5 days a week), next to another practice on the same days.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import type { Db } from '../../db/index.js';
import { addDays, daysBetween } from '../../local-time.js';
import { clientRow } from '../clients/clients.repository.js';
import { dayNumber } from './adherence.repository.js';
import { insertCheckIn, insertHomework, insertSession } from './summary.fixtures.js';

const EMPTY_INTAKE = { complaints: [], lifestyle: [], tools: [], lacksTools: [], cautions: [], referredByClientId: null };

async function buildPractice(db: Db, practiceId: string, owner: string, therapist: string) {
  const client = async (first: string, therapistId: string) => {
    const row = clientRow(
      practiceId,
      therapistId,
      { firstName: first, lastName: 'Scope', email: null, consentToEmail: true, intake: EMPTY_INTAKE },
      '2026-02-01T10:00:00.000Z',
    );
    await db.insertInto('clients').values(row).execute();
    return row.id;
  };
  const session = (clientId: string, therapistId: string, date: string, rebooked: number) =>
    insertSession(db, { practiceId, clientId, therapistId, date, rebooked });
  const homework = (clientId: string, sessionId: string, item: string, assigned: string, ended: string | null, daysPerWeek: number) =>
    insertHomework(db, {
      practiceId,
      clientId,
      sessionId,
      exerciseId: item,
      assignedBy: owner,
      assigned,
      ended,
      demonstrated: item === 'chin-tucks',
      daysPerWeek,
    });
  const checkIns = async (h: { id: string; clientId: string }, days: string[], firstFelt: 'better' | 'worse') => {
    for (const date of days)
      await insertCheckIn(db, { practiceId, homework: h, date, done: true, feeling: date === days[0] ? firstFelt : null });
  };

  const A = await client('Ann', owner);
  const B = await client('Ben', therapist);
  const a1 = await session(A, owner, '2026-03-02', 1);
  const b1 = await session(B, therapist, '2026-03-03', 1);
  await session(A, therapist, '2026-03-20', 0); // the other therapist covers Ann's visit
  const chinTucks = await homework(A, a1, 'chin-tucks', '2026-03-02', null, 7);
  const breathing = await homework(B, b1, 'box-breathing', '2026-03-03', '2026-03-12', 5);
  const sixteenDays = Array.from({ length: 16 }, (_, i) => addDays('2026-03-02', i));
  await checkIns(chinTucks, sixteenDays, 'better');
  await checkIns(breathing, ['2026-03-03'], 'worse');
  return { A, B };
}

describeEachDatabase('the dashboard summary, scoped', (database) => {
  let owner: Session;
  let therapist: string;
  let ids: Awaited<ReturnType<typeof buildPractice>>;
  let summary: (query: string) => Promise<any>;
  beforeAll(async () => {
    const app = await buildTestApp({ database: database(), clock: testClock('2026-06-30T12:00:00.000Z') });
    const { db } = database();
    owner = await signUp(app.http);
    therapist = randomUUID();
    await db
      .insertInto('members')
      .values({
        id: therapist,
        practice_id: owner.practiceId,
        email: `${therapist}@example.com`,
        name: 'Tess',
        password_hash: 'x',
        role: 'therapist',
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    ids = await buildPractice(db, owner.practiceId, owner.memberId, therapist);
    // Another practice with the same rows on the same days: none of it may show.
    const other = await signUp(app.http);
    await buildPractice(db, other.practiceId, other.memberId, other.memberId);
    summary = async (query) =>
      (await as(app.http, owner)({ method: 'GET', url: `/api/v1/reports/summary?from=2026-03-01&to=2026-03-31${query}` })).json();
    return () => app.http.close();
  });
  const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: numerator / denominator });

  it('counts the whole practice, and only it', async () => {
    const s = await summary('');
    expect(s).toMatchObject({ sessions: 3, clientsSeen: 2, homeworkCoverage: r(2, 3), itemsPerSession: r(2, 3), demonstrated: r(1, 2) });
    // Chin tucks: 16 of 30 days. Breathing, 5 days a week from the 3rd to the 12th: 1 of 50/7 days.
    expect(s.adherence).toEqual({ numerator: 17, denominator: 30 + 50 / 7, value: 17 / (30 + 50 / 7) });
    expect(s.felt).toEqual({ better: 1, same: 0, worse: 1 });
    expect(s.rebooked).toEqual(r(2, 3));
    // Ann came back on the 20th (recorded by the other therapist); Ben did not.
    expect(s.retention30).toEqual(r(1, 2));
    expect(s.comparison.doHomework.clients).toBe(1);
    expect(s.comparison.dontDoHomework.clients).toBe(1);
    expect(s.trend[11]).toMatchObject({ month: '2026-03', sessions: 3, homeworkCoverage: 2 / 3, rebooked: 2 / 3 });
    expect(s.trend[11].adherence).toBeCloseTo(17 / (30 + 50 / 7), 12);
    // Breathing has 2 days done or felt: too few for the list.
    expect(s.topItems).toEqual([{ exerciseId: 'chin-tucks', name: expect.any(String), clients: 1, adherence: 16 / 30, feltBetter: 1 }]);
    expect(s.followUp).toEqual([{ clientId: ids.A, name: 'Ann Scope', lastCheckIn: '2026-03-17', lastVisit: '2026-03-20' }]);
  });

  it('counts a therapist’s own sessions and their own clients’ homework', async () => {
    const s = await summary(`&therapistId=${therapist}`);
    // Ben's visit and the one recorded for Ann; homework only Ben's, given at his visit.
    expect(s).toMatchObject({ sessions: 2, clientsSeen: 2, homeworkCoverage: r(1, 2), itemsPerSession: r(1, 2), demonstrated: r(0, 1) });
    expect(s.adherence).toEqual({ numerator: 1, denominator: 50 / 7, value: 1 / (50 / 7) });
    expect(s.felt).toEqual({ better: 0, same: 0, worse: 1 });
    expect(s.retention30).toEqual(r(0, 2));
    expect(s.comparison.dontDoHomework.clients).toBe(1);
    expect(s.comparison.noHomework.clients).toBe(1);
    expect(s.followUp).toEqual([]);

    const own = await summary(`&therapistId=${owner.memberId}`);
    expect(own).toMatchObject({ sessions: 1, clientsSeen: 1, homeworkCoverage: r(1, 1), adherence: r(16, 30), retention30: r(0, 1) });
    // Ann's last visit as this therapist's figures see it: the 2nd, not the covered visit on the 20th.
    expect(own.followUp).toEqual([{ clientId: ids.A, name: 'Ann Scope', lastCheckIn: '2026-03-17', lastVisit: '2026-03-02' }]);
  });

  it('counts days between dates as the calendar does, leap days and centuries included', async () => {
    const days = [
      '1999-12-31',
      '2000-01-01',
      '2000-02-28',
      '2000-02-29',
      '2000-03-01',
      '2024-02-29',
      '2026-12-31',
      '2100-02-28',
      '2100-03-01',
    ];
    const numbers = await Promise.all(
      days.map(
        async (d) =>
          (
            await database()
              .db.selectNoFrom(dayNumber(sql`cast(${d} as text)`).as('n'))
              .executeTakeFirstOrThrow()
          ).n,
      ),
    );
    for (let i = 1; i < days.length; i++) expect(Number(numbers[i]) - Number(numbers[i - 1])).toBe(daysBetween(days[i - 1], days[i]));
  });
});
