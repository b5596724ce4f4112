import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { freshMonthlyCounts, keptMonthlyCounts } from '../../../../tests/helpers/check-in-months.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { type Session, signUp } from '../../../../tests/helpers/session.js';
import type { Db } from '../index.js';
import * as m021 from './021-lighter-check-in-triggers.js';

// The lighter triggers of migration 021 must keep what 017 and 018 promised: the dashboard's monthly
// counts are exactly a count of the check-ins, and the client's page version rises on every change.
describeEachDatabase('Migration 021: lighter check-in triggers', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let db: Db;
  const clock = testClock('2026-03-03T15:00:00.000Z');
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http);
    db = database().db;
  });
  afterAll(() => app.http.close());

  const checkIn = (token: string, payload: Record<string, unknown>) =>
    app.http.inject({ method: 'POST', url: `/api/v1/portal/${token}/checkins`, payload });
  const version = async (clientId: string) =>
    Number(
      (await db.selectFrom('client_page_versions').select('version').where('client_id', '=', clientId).executeTakeFirstOrThrow()).version,
    );
  const kept = () => keptMonthlyCounts(db);
  const counted = () => freshMonthlyCounts(db);

  it('keeps the monthly counts exact through ticks, changes, replays and moves, and raises the page version only on a change', async () => {
    const { client, token, homework } = await clientWithHomework(app.http, owner);
    const [first, second] = homework.map((h) => h.id);

    let before = await version(client.id);
    const tick = await checkIn(token, { homeworkId: first, done: true, feeling: 'better' });
    expect(tick.statusCode, tick.body).toBe(200);
    expect(await version(client.id)).toBeGreaterThan(before);

    // The same answer again: 200 with the same answer, nothing written, the page stays as kept.
    before = await version(client.id);
    const row = () => db.selectFrom('check_ins').selectAll().where('homework_id', '=', first).executeTakeFirstOrThrow();
    const stored = await row();
    const replay = await checkIn(token, { homeworkId: first, done: true, feeling: 'better' });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toEqual(tick.json());
    expect(await row()).toEqual(stored);
    expect(await version(client.id)).toBe(before);

    // Changes of the same day: undone, how it felt, a note only.
    for (const change of [
      { done: false, feeling: 'worse' },
      { done: true, feeling: 'same' },
      { done: true, feeling: 'same', note: 'Easier today' },
      { done: true },
    ]) {
      before = await version(client.id);
      const res = await checkIn(token, { homeworkId: first, ...change });
      expect(res.statusCode, res.body).toBe(200);
      expect(await version(client.id)).toBeGreaterThan(before);
      expect(await kept()).toEqual(await counted());
    }
    expect(await row()).toMatchObject({ done: 1, feeling: null, note: null });

    // Other days, the second item, last month.
    for (const date of ['2026-03-01', '2026-02-27', '2026-02-28'])
      expect((await checkIn(token, { homeworkId: second, date, done: true, feeling: 'better' })).statusCode).toBe(200);
    expect(await kept()).toEqual(await counted());

    // Moves the app never makes, written straight to the database: to another month, to another item.
    await db
      .updateTable('check_ins')
      .set({ date: '2026-03-02', done: 0 })
      .where('homework_id', '=', second)
      .where('date', '=', '2026-02-28')
      .execute();
    expect(await kept()).toEqual(await counted());
    await db
      .updateTable('check_ins')
      .set({ homework_id: first })
      .where('homework_id', '=', second)
      .where('date', '=', '2026-02-27')
      .execute();
    expect(await kept()).toEqual(await counted());

    // Not their item: refused, nothing written.
    const other = await clientWithHomework(app.http, owner);
    const refused = await checkIn(token, { homeworkId: other.homework[0].id, done: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toHaveProperty('homeworkId');
    expect(await db.selectFrom('check_ins').select('id').where('homework_id', '=', other.homework[0].id).execute()).toEqual([]);
  });

  it('goes back to the triggers of 017 and 018 and forward again, counting the same', async () => {
    const { token, homework } = await clientWithHomework(app.http, owner);
    await m021.down(db as never);
    expect((await checkIn(token, { homeworkId: homework[0].id, done: true, feeling: 'same' })).statusCode).toBe(200);
    expect((await checkIn(token, { homeworkId: homework[0].id, done: false, feeling: 'worse' })).statusCode).toBe(200);
    expect(await kept()).toEqual(await counted());
    await m021.up(db as never);
    expect((await checkIn(token, { homeworkId: homework[0].id, done: true, feeling: 'better' })).statusCode).toBe(200);
    expect(await kept()).toEqual(await counted());
  });
});
