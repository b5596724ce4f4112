import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework, TINY_PNG, uploadForm } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import { type DatabaseHandle, openDatabase } from '../../db/index.js';

/*
 * The client's page is kept ready (page-snapshot.ts, decision 024). What that must never cost: a revoked
 * link still answers 404 at once, and a write made anywhere (the other instance, or straight into the
 * database) shows on the very next read, as does a new day and a visit that has begun.
 */
describeEachDatabase("the client's page kept ready, with two instances on one database", (database) => {
  // 11:50 pm on 2 March in New York.
  const clock = testClock('2026-03-03T04:50:00.000Z');
  let a: Awaited<ReturnType<typeof buildTestApp>>;
  let b: Awaited<ReturnType<typeof buildTestApp>>;
  let second: DatabaseHandle;
  let owner: Session;
  beforeAll(async () => {
    a = await buildTestApp({ database: database(), clock });
    // Instance B has its own connection to the same database (the same SQLite file, the same PostgreSQL).
    second = await openDatabase({ url: database().url, dataDir: tmpdir() });
    b = await buildTestApp({ database: second, clock });
    owner = await signUp(a.http, { name: 'Therapist Tess' });
  });
  afterAll(async () => {
    await a.http.close();
    await b.http.close();
    await second.close();
  });

  const api = (app: typeof a, token: string) => app.http.inject({ method: 'GET', url: `/api/v1/portal/${token}` });
  const page = (app: typeof a, token: string) => app.http.inject({ method: 'GET', url: `/c/${token}` });
  const snapshots = (clientId: string) =>
    database().db.selectFrom('client_page_snapshots').select(['version', 'valid_until']).where('client_id', '=', clientId).execute();
  const newClient = () => clientWithHomework(a.http, owner, { client: { firstName: 'Nia', timezone: 'America/New_York' } });

  it('keeps the page once made and sends the same bytes again, with the reader’s own link in it', async () => {
    const { client, token } = await newClient();
    const first = await api(b, token);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(await snapshots(client.id)).toHaveLength(1);
    const again = await api(a, token);
    expect(again.body).toBe(first.body);
    expect(first.json()).toMatchObject({ firstName: 'Nia', today: '2026-03-02' });

    const html = await page(a, token);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain(`action="/c/${token}/checkin"`);
    expect(html.body).toContain(`data-api="/api/v1/portal/${token}"`);
    expect(html.body).not.toContain('CarryoverLinkMark');
    expect((await page(b, token)).body).toBe(html.body);
  });

  it('answers 404 at once on every route, on both instances, once the therapist revokes the link', async () => {
    const { client, token, homework } = await newClient();
    for (const app of [a, b]) {
      expect((await api(app, token)).statusCode).toBe(200);
      expect((await page(app, token)).statusCode).toBe(200);
    }
    const revoke = await as(a.http, owner)({ method: 'POST', url: `/api/v1/clients/${client.id}/link/revoke` });
    expect(revoke.statusCode).toBeLessThan(300);
    expect(await snapshots(client.id)).toHaveLength(0);

    const routes = [
      { method: 'GET', url: `/api/v1/portal/${token}` },
      { method: 'POST', url: `/api/v1/portal/${token}/checkins`, payload: { homeworkId: homework[0].id, done: true } },
      { method: 'POST', url: `/api/v1/portal/${token}/questions`, payload: { text: 'Is this right?' } },
      { method: 'PUT', url: `/api/v1/portal/${token}/reminders`, payload: { rhythm: 'daily' } },
      { method: 'GET', url: `/api/v1/portal/${token}/media/${randomUUID()}` },
      { method: 'GET', url: `/api/v1/portal/${token}/unsubscribe` },
      { method: 'POST', url: `/api/v1/portal/${token}/unsubscribe` },
      { method: 'GET', url: `/c/${token}` },
      { method: 'GET', url: `/c/${token}?saved=question` },
      { method: 'GET', url: `/c/${token}/next.ics` },
      { method: 'GET', url: `/c/${token}/manifest.webmanifest` },
    ] as const;
    for (const app of [a, b])
      for (const r of routes) {
        const res = await app.http.inject({ method: r.method, url: r.url, payload: 'payload' in r ? r.payload : undefined });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
        expect(res.body).not.toContain('Nia');
      }
  });

  it('shows a check-in made through instance A on the very next read on instance B, as JSON and as the page', async () => {
    const { token, homework } = await newClient();
    expect((await api(b, token)).json().checkIns).toEqual([]);
    await page(b, token);
    const tick = await a.http.inject({
      method: 'POST',
      url: `/api/v1/portal/${token}/checkins`,
      payload: { homeworkId: homework[0].id, done: true, feeling: 'better' },
    });
    expect(tick.statusCode).toBe(200);
    expect((await api(b, token)).json().checkIns).toEqual([
      { homeworkId: homework[0].id, date: '2026-03-02', done: true, feeling: 'better', note: null },
    ]);
    expect((await page(b, token)).body).toContain('Done ✓');
  });

  it('shows the therapist’s changes on the next read: a dose, a goal, an answer, a booked visit, a photo, a new name', async () => {
    const { client, token, homework } = await newClient();
    const therapist = as(a.http, owner);
    const read = async () => (await api(b, token)).json();
    await read();

    const dose = { reps: 7, timesPerDay: 2, daysPerWeek: 5 };
    expect((await therapist({ method: 'PATCH', url: `/api/v1/homework/${homework[0].id}`, payload: { dose } })).statusCode).toBe(200);
    expect((await read()).items.find((i: { homeworkId: string }) => i.homeworkId === homework[0].id).dose).toMatchObject(dose);

    const goal = await therapist({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/goals`,
      payload: { statement: 'Turn my head to drive' },
    });
    expect(goal.statusCode).toBe(201);
    expect((await read()).trackedGoals.map((g: { statement: string }) => g.statement)).toEqual(['Turn my head to drive']);

    const asked = await b.http.inject({
      method: 'POST',
      url: `/api/v1/portal/${token}/questions`,
      payload: { text: 'How hard should I press?' },
    });
    expect((await read()).questions[0]).toMatchObject({ text: 'How hard should I press?', answer: null });
    const answer = { text: 'Gently, it should not hurt.' };
    expect((await therapist({ method: 'POST', url: `/api/v1/questions/${asked.json().id}/answer`, payload: answer })).statusCode).toBe(200);
    expect((await read()).questions[0].answer).toBe(answer.text);

    const visit = await therapist({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/appointments`,
      payload: { startsAt: '2026-03-10T15:00:00.000Z', durationMinutes: 60 },
    });
    expect(visit.statusCode).toBe(201);
    expect((await read()).nextAppointment).toMatchObject({ startsAt: '2026-03-10T15:00:00.000Z' });

    const photo = await therapist({ method: 'POST', url: `/api/v1/homework/${homework[1].id}/media`, payload: uploadForm(TINY_PNG) });
    expect(photo.statusCode).toBe(201);
    const media = (await read()).items.find((i: { homeworkId: string }) => i.homeworkId === homework[1].id).media;
    expect(media).toHaveLength(1);
    expect(media[0].url).toBe(`/api/v1/portal/${token}/media/${photo.json().id}`);
    // Each test app keeps files in its own folder: the photo is on instance A's disk.
    expect((await a.http.inject({ method: 'GET', url: media[0].url })).statusCode).toBe(200);

    expect((await therapist({ method: 'PATCH', url: '/api/v1/practice', payload: { name: 'Calm Hands' } })).statusCode).toBe(200);
    expect((await read()).practiceName).toBe('Calm Hands');
  });

  it('never serves a kept page whose version is not the client’s current one, or that another release made', async () => {
    const { client, token } = await newClient();
    await api(a, token);
    const db = database().db;
    const kept = () => db.updateTable('client_page_snapshots').where('client_id', '=', client.id);
    // As if made from data read just before a write committed: one version behind.
    await kept()
      .set({ json: '{"stale":true}', version: (eb) => eb('version', '-', 1) })
      .execute();
    expect((await api(b, token)).json()).toMatchObject({ firstName: 'Nia' });
    await kept().set({ json: '{"stale":true}', render_key: 'an older release' }).execute();
    expect((await api(b, token)).json()).toMatchObject({ firstName: 'Nia' });
    await kept().set({ json: '{"kept":true}' }).execute();
    expect((await api(b, token)).json()).toEqual({ kept: true });
  });

  it('shows a write made straight into the database, by any process, on the next read', async () => {
    const { client, token, homework } = await newClient();
    await api(a, token);
    await second.db
      .insertInto('check_ins')
      .values({
        id: randomUUID(),
        practice_id: await practiceOf(client.id),
        client_id: client.id,
        homework_id: homework[1].id,
        date: '2026-03-01',
        done: 1,
        feeling: null,
        note: null,
        created_at: clock.now().toISOString(),
        updated_at: clock.now().toISOString(),
      })
      .execute();
    expect((await api(a, token)).json().checkIns.map((c: { date: string }) => c.date)).toEqual(['2026-03-01']);
  });

  it('shows the new day on a read just past the client’s local midnight, and drops a visit once it has begun', async () => {
    clock.set('2026-03-03T04:50:00.000Z');
    const { client, token } = await newClient();
    const before = (await api(a, token)).json();
    expect(before.today).toBe('2026-03-02');
    expect((await snapshots(client.id))[0].valid_until).toBe('2026-03-03T05:00:00.000Z');

    clock.set('2026-03-03T05:00:01.000Z');
    const after = (await api(b, token)).json();
    expect(after.today).toBe('2026-03-03');
    expect(after.days.at(-1)).toBe('2026-03-03');
    expect((await page(a, token)).body).toContain('data-today="2026-03-03"');

    // A visit at 9 am the same day: the page shows it until it begins, then no longer.
    const startsAt = '2026-03-03T14:00:00.000Z';
    await as(
      a.http,
      owner,
    )({ method: 'POST', url: `/api/v1/clients/${client.id}/appointments`, payload: { startsAt, durationMinutes: 60 } });
    clock.set('2026-03-03T13:59:00.000Z');
    expect((await api(a, token)).json().nextAppointment).toMatchObject({ startsAt });
    expect((await snapshots(client.id))[0].valid_until).toBe(startsAt);
    clock.set('2026-03-03T14:00:01.000Z');
    expect((await api(b, token)).json().nextAppointment).toBeNull();
    clock.set('2026-03-03T04:50:00.000Z');
  });

  const practiceOf = async (clientId: string) =>
    (await database().db.selectFrom('clients').select('practice_id').where('id', '=', clientId).executeTakeFirstOrThrow()).practice_id;
});
