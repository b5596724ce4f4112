// A small practice whose every dashboard figure was worked out by hand (see the comments),
// asserted exactly on both databases.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { freshMonthlyCounts, keptMonthlyCounts } from '../../../../tests/helpers/check-in-months.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import type { Db } from '../../db/index.js';
import { addDays } from '../../local-time.js';
import { clientRow } from '../clients/clients.repository.js';
import { insertCheckIn, insertHomework, insertSession } from './summary.fixtures.js';

const EMPTY_INTAKE = { complaints: [], lifestyle: [], tools: [], lacksTools: [], cautions: [] };

async function buildFixture(db: Db, practiceId: string, therapistId: string) {
  const client = async (first: string, createdAt: string, referredBy: string | null = null) => {
    const row = clientRow(
      practiceId,
      therapistId,
      {
        firstName: first,
        lastName: `${first}son`,
        email: null,
        consentToEmail: true,
        intake: { ...EMPTY_INTAKE, referredByClientId: referredBy },
      },
      createdAt,
    );
    await db.insertInto('clients').values(row).execute();
    return row.id;
  };
  const A = await client('Ann', '2026-02-01T10:00:00.000Z');
  const B = await client('Ben', '2026-02-01T10:00:00.000Z');
  const C = await client('Cal', '2026-02-01T10:00:00.000Z');
  const D = await client('Dot', '2026-03-15T10:00:00.000Z', A);
  const session = (clientId: string, date: string, rebooked: number | null) =>
    insertSession(db, { practiceId, clientId, therapistId, date, rebooked });
  const s1 = await session(A, '2026-03-02', 1);
  await session(A, '2026-03-20', 0);
  const s3 = await session(B, '2026-03-05', 1);
  await session(C, '2026-03-10', null);
  await session(B, '2026-04-20', 1);
  await session(C, '2026-06-15', null);
  const s7 = await session(D, '2026-03-25', 1);
  const homework = (
    clientId: string,
    sessionId: string,
    exerciseId: string,
    assigned: string,
    ended: string | null,
    demonstrated: boolean,
  ) =>
    insertHomework(db, {
      practiceId,
      clientId,
      sessionId,
      exerciseId,
      assignedBy: therapistId,
      assigned,
      ended,
      demonstrated,
      daysPerWeek: 7,
    });
  const h1 = await homework(A, s1, 'chin-tucks', '2026-03-02', '2026-03-11', true);
  const h2 = await homework(A, s1, 'doorway-pec-stretch', '2026-03-02', null, false);
  const h3 = await homework(B, s3, 'chin-tucks', '2026-03-05', null, true);
  await homework(D, s7, 'box-breathing', '2026-03-25', null, true);
  const checkIn = (h: { id: string; clientId: string }, date: string, done: boolean, feeling: 'better' | 'same' | 'worse' | null = null) =>
    insertCheckIn(db, { practiceId, homework: h, date, done, feeling });
  for (let d = 2; d <= 8; d++) await checkIn(h1, `2026-03-0${d}`, true, d === 2 || d === 4 ? 'better' : null);
  for (let d = 2; d <= 30; d += 2) await checkIn(h2, `2026-03-${String(d).padStart(2, '0')}`, true, d === 6 ? 'same' : null);
  await checkIn(h2, '2026-03-03', false);
  for (let day = '2026-03-05'; day <= '2026-03-31'; day = addDays(day, 1))
    await checkIn(h3, day, true, day === '2026-03-05' ? 'better' : day === '2026-03-06' ? 'worse' : null);
  for (const day of ['2026-04-01', '2026-04-02', '2026-04-03']) await checkIn(h3, day, true, 'better');
  await db
    .insertInto('appointments')
    .values({
      id: randomUUID(),
      practice_id: practiceId,
      client_id: D,
      therapist_id: therapistId,
      starts_at: '2026-03-25T15:00:00.000Z',
      ends_at: '2026-03-25T16:00:00.000Z',
      duration_minutes: 60,
      timezone: 'UTC',
      status: 'done',
      session_id: null,
      sequence: 0,
      homework_report: null,
      created_at: '2026-03-16T10:00:00.000Z',
      updated_at: '2026-03-16T10:00:00.000Z',
    })
    .execute();
  const question = (clientId: string, asked: string, answered: string | null) =>
    db
      .insertInto('questions')
      .values({
        id: randomUUID(),
        practice_id: practiceId,
        client_id: clientId,
        text: 'How hard should I press?',
        asked_at: asked,
        answer: answered ? 'Gently.' : null,
        answered_at: answered,
        answered_by: answered ? therapistId : null,
      })
      .execute();
  await question(A, '2026-03-10T10:00:00.000Z', '2026-03-10T14:00:00.000Z');
  await question(B, '2026-03-12T09:00:00.000Z', '2026-03-13T09:00:00.000Z');
  await question(C, '2026-03-20T09:00:00.000Z', null);
  return { A, B, C, D };
}

describeEachDatabase('the dashboard summary', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let ids: Awaited<ReturnType<typeof buildFixture>>;
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock: testClock('2026-06-30T12:00:00.000Z') });
    owner = await signUp(app.http);
    ids = await buildFixture(database().db, owner.practiceId, owner.memberId);
  });
  afterAll(() => app.http.close());
  const summary = async (query: string) => (await as(app.http, owner)({ method: 'GET', url: `/api/v1/reports/summary?${query}` })).json();

  it('matches every figure worked out by hand for March', async () => {
    const s = await summary('from=2026-03-01&to=2026-03-31');
    const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: numerator / denominator });
    // Sessions in March: A 2nd and 20th, B 5th, C 10th, D 25th.
    expect(s.sessions).toBe(5);
    expect(s.clientsSeen).toBe(4);
    // Homework given at A's 2nd, B's 5th and D's 25th: 3 of 5 sessions, 4 items.
    expect(s.homeworkCoverage).toEqual(r(3, 5));
    expect(s.itemsPerSession).toEqual(r(4, 5));
    expect(s.demonstrated).toEqual(r(3, 4));
    // Asked-for days: 10 (A, chin tucks, 2nd–11th) + 30 (A, doorway, 2nd–31st) + 27 (B, 5th–31st) + 7 (D, 25th–31st) = 74.
    // Done: 7 + 15 + 27 + 0 = 49 (the undone tick and April's ticks do not count).
    expect(s.adherence).toEqual(r(49, 74));
    expect(s.felt).toEqual({ better: 3, same: 1, worse: 1 });
    // Rebooked before leaving: A 2nd, B 5th, D 25th (C's is not recorded, A's 20th is no).
    expect(s.rebooked).toEqual(r(3, 5));
    // Back within 30 days: A (18 days). Within 60 and 90: A and B (46 days). C came back after 97 days, D not at all.
    expect(s.retention30).toEqual(r(1, 4));
    expect(s.retention60).toEqual(r(2, 4));
    expect(s.retention90).toEqual(r(2, 4));
    expect(s.referrals).toEqual({ made: 1, converted: 1 });
    // Answered in 4 hours and in 24 hours: the median is 14.
    expect(s.questions).toEqual({ asked: 3, answered: 2, medianAnswerHours: 14 });
    // A at 22/40 and B at 27/27 do their homework; D at 0/7 does not; C was given none.
    expect(s.comparison.doHomework).toEqual({
      clients: 2,
      sessions: 3,
      rebooked: r(2, 3),
      retention30: r(1, 2),
      retention60: r(2, 2),
      retention90: r(2, 2),
    });
    expect(s.comparison.dontDoHomework).toEqual({
      clients: 1,
      sessions: 1,
      rebooked: r(1, 1),
      retention30: r(0, 1),
      retention60: r(0, 1),
      retention90: r(0, 1),
    });
    expect(s.comparison.noHomework).toEqual({
      clients: 1,
      sessions: 1,
      rebooked: r(0, 1),
      retention30: r(0, 1),
      retention60: r(0, 1),
      retention90: r(0, 1),
    });
    expect(s.trend).toHaveLength(12);
    expect(s.trend[0].month).toBe('2025-04');
    expect(s.trend[11]).toEqual({ month: '2026-03', sessions: 5, homeworkCoverage: 3 / 5, adherence: 49 / 74, rebooked: 3 / 5 });
    expect(s.trend[10]).toEqual({ month: '2026-02', sessions: 0, homeworkCoverage: null, adherence: null, rebooked: null });
    // Chin tucks: (7 + 27) of (10 + 27) days, 3 of 4 feelings better. Doorway: 15 of 30, 0 of 1. Box breathing has too few check-ins.
    expect(s.topItems.map((t: { exerciseId: string }) => t.exerciseId)).toEqual(['chin-tucks', 'doorway-pec-stretch']);
    expect(s.topItems[0]).toMatchObject({ clients: 2, adherence: 34 / 37, feltBetter: 3 / 4 });
    expect(s.topItems[1]).toMatchObject({ clients: 1, adherence: 0.5, feltBetter: 0 });
    // Active homework, nothing ticked since 16 June, nothing booked.
    expect(s.followUp.map((f: { clientId: string }) => f.clientId)).toEqual([ids.A, ids.B, ids.D]);
    expect(s.followUp[1]).toMatchObject({ lastCheckIn: '2026-04-03', lastVisit: '2026-04-20' });
    expect(Object.keys(s.definitions)).toEqual(expect.arrayContaining(['homeworkCoverage', 'adherence', 'retention30', 'comparison']));
  });

  it('still holds exactly after check-ins, visits, homework and a client are edited and deleted', async () => {
    const db = database().db;
    const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: numerator / denominator });
    const march = 'from=2026-03-01&to=2026-03-31';
    // Partly inside March and April: both months are counted from the check-ins themselves, not only the kept counts.
    const partly = 'from=2026-03-06&to=2026-04-02';
    const before = { march: await summary(march), partly: await summary(partly) };
    // By hand for 6 March–2 April: asked 6 (chin tucks to the 11th) + 28 + 28 + 9 (box breathing from the 25th) days,
    // done 3 + 13 (even days 6–30) + 28 + 0; felt: same on the 6th, worse on the 6th, better on 1 and 2 April.
    expect(before.partly.adherence).toEqual(r(44, 71));
    expect(before.partly.felt).toEqual({ better: 2, same: 1, worse: 1 });

    // Ann's unticked day ticked counts one day more, and unticked again.
    const { id: unticked } = await db
      .selectFrom('check_ins')
      .select('id')
      .where('client_id', '=', ids.A)
      .where('date', '=', '2026-03-03')
      .where('done', '=', 0)
      .executeTakeFirstOrThrow();
    const annsUntickedDay = db.updateTable('check_ins').where('id', '=', unticked);
    await annsUntickedDay.set({ done: 1, feeling: 'worse' }).execute();
    expect((await summary(march)).adherence).toEqual(r(50, 74));
    await annsUntickedDay.set({ done: 0, feeling: null }).execute();
    // Another client with a March visit, homework and check-ins changes the figures...
    const eve = clientRow(
      owner.practiceId,
      owner.memberId,
      { firstName: 'Eve', lastName: 'Extra', email: null, consentToEmail: true, intake: EMPTY_INTAKE },
      '2026-02-01T10:00:00.000Z',
    );
    await db.insertInto('clients').values(eve).execute();
    const visit = await insertSession(db, {
      practiceId: owner.practiceId,
      clientId: eve.id,
      therapistId: owner.memberId,
      date: '2026-03-12',
      rebooked: 1,
    });
    const item = {
      practiceId: owner.practiceId,
      clientId: eve.id,
      sessionId: visit,
      assignedBy: owner.memberId,
      demonstrated: true,
      daysPerWeek: 7,
    };
    const roll = await insertHomework(db, { ...item, exerciseId: 'calf-foam-roll', assigned: '2026-03-12', ended: null });
    const gone = await insertHomework(db, { ...item, exerciseId: 'chin-tucks', assigned: '2026-03-12', ended: null });
    for (const date of ['2026-03-12', '2026-03-31', '2026-04-01']) {
      await insertCheckIn(db, { practiceId: owner.practiceId, homework: roll, date, done: true, feeling: 'worse' });
      await insertCheckIn(db, { practiceId: owner.practiceId, homework: gone, date, done: true, feeling: 'better' });
    }
    expect((await summary(march)).sessions).toBe(6);
    expect((await summary(partly)).adherence).not.toEqual(before.partly.adherence);

    // ...and so do edits: a check-in moved to another month, ticked and unticked, its feeling changed; a visit moved.
    const moved = db.updateTable('check_ins').where('homework_id', '=', roll.id).where('date', '=', '2026-03-31');
    await moved.set({ date: '2026-05-02', done: 0, feeling: 'same' }).execute();
    await db
      .updateTable('check_ins')
      .where('homework_id', '=', roll.id)
      .where('date', '=', '2026-05-02')
      .set({ done: 1, note: 'easier' })
      .execute();
    await db.updateTable('session_records').where('id', '=', visit).set({ date: '2026-04-12' }).execute();
    // Ben moved to another therapist: his homework is theirs; then back.
    const other = randomUUID();
    await db
      .insertInto('members')
      .values({
        ...(await db.selectFrom('members').selectAll().where('id', '=', owner.memberId).executeTakeFirstOrThrow()),
        id: other,
        email: `${other}@example.com`,
      })
      .execute();
    await db.updateTable('clients').where('id', '=', ids.B).set({ therapist_id: other }).execute();
    expect((await summary(`${march}&therapistId=${other}`)).adherence).toEqual(r(27, 27));
    await db.updateTable('clients').where('id', '=', ids.B).set({ therapist_id: owner.memberId }).execute();

    // Deleting: one item with its check-ins (the database cascades), then the client, through the app.
    await db.deleteFrom('homework').where('id', '=', gone.id).execute();
    expect(await db.selectFrom('check_in_months').select('month').where('homework_id', '=', gone.id).execute()).toEqual([]);
    expect((await as(app.http, owner)({ method: 'DELETE', url: `/api/v1/clients/${eve.id}` })).statusCode).toBe(200);

    expect(await summary(march)).toEqual(before.march);
    expect(await summary(partly)).toEqual(before.partly);
    // The kept counts are exactly a count of the check-ins themselves.
    const kept = await keptMonthlyCounts(db);
    expect(kept).toEqual(await freshMonthlyCounts(db));
    expect(kept.length).toBeGreaterThan(3);
  });

  it('credits an item at most the days it asked for, and a month only the items running in it', async () => {
    const db = database().db;
    const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: numerator / denominator });
    const before = await summary('from=2026-04-01&to=2026-04-30');
    // April by hand: doorway (Ann), chin tucks (Ben) and box breathing (Dot) run all month, 30 days each;
    // Ben ticked 1–3 April.
    expect(before.adherence).toEqual(r(3, 90));
    expect(before.trend[11]).toMatchObject({ month: '2026-04', adherence: 3 / 90 });
    expect(before.trend[10]).toMatchObject({ month: '2026-03', adherence: 49 / 74 });
    // Ann's chin tucks ended on 11 March, yet five more days are ticked in March (7 + 5 > the 10 asked for)
    // and one in April, when the item no longer ran.
    const { id } = await db
      .selectFrom('homework')
      .select('id')
      .where('client_id', '=', ids.A)
      .where('exercise_id', '=', 'chin-tucks')
      .executeTakeFirstOrThrow();
    const late = ['2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-04-15'];
    for (const date of late)
      await insertCheckIn(db, { practiceId: owner.practiceId, homework: { id, clientId: ids.A }, date, done: true, feeling: null });
    const after = await summary('from=2026-04-01&to=2026-04-30');
    expect(after.adherence).toEqual(r(3, 90));
    expect(after.trend[11]).toMatchObject({ month: '2026-04', adherence: 3 / 90 });
    // March: chin tucks credited 10 of 10, not 12.
    expect(after.trend[10]).toMatchObject({ month: '2026-03', adherence: 52 / 74 });
    expect((await summary('from=2026-03-01&to=2026-03-31')).adherence).toEqual(r(52, 74));
    await db.deleteFrom('check_ins').where('homework_id', '=', id).where('date', 'in', late).execute();
    expect(await summary('from=2026-04-01&to=2026-04-30')).toEqual(before);
  });

  it('shows zeros and empty rates, never NaN, for a period with no data', async () => {
    const s = await summary('from=2025-01-01&to=2025-01-31');
    expect(s.sessions).toBe(0);
    expect(s.homeworkCoverage).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(s.adherence.value).toBeNull();
    expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
  });

  it('refuses a from-date after the to-date, and a therapist of another practice', async () => {
    const bad = await as(app.http, owner)({ method: 'GET', url: '/api/v1/reports/summary?from=2026-04-01&to=2026-03-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('from');
    expect(
      (
        await as(
          app.http,
          owner,
        )({ method: 'GET', url: '/api/v1/reports/summary?from=2026-03-01&to=2026-03-31&therapistId=00000000-0000-4000-8000-000000000000' })
      ).statusCode,
    ).toBe(400);
    expect((await as(app.http, owner)({ method: 'GET', url: '/api/v1/reports/summary?from=March&to=2026-03-31' })).statusCode).toBe(400);
  });
});
