import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework, createClient } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

// The clients list carries how homework went and the next visit, so the therapist sees it where they work.
describeEachDatabase('clients: homework done and next visit on the list', (database) => {
  const clock = testClock('2026-03-02T15:00:00.000Z');
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let other: Session;
  const ids: Record<'doing' | 'notYet' | 'noHomework', string> = { doing: '', notYet: '', noHomework: '' };

  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http, { practiceName: 'Follow-up Practice', name: 'Therapist Tess' });
    other = await signUp(app.http, { practiceName: 'Other Practice', name: 'Therapist Ola' });
    const call = as(app.http, owner);
    const doing = await clientWithHomework(app.http, owner, { client: { firstName: 'Ada', lastName: 'Doing' } });
    const notYet = await clientWithHomework(app.http, owner, { client: { firstName: 'Ben', lastName: 'Notyet' } });
    const none = await createClient(app.http, owner, { firstName: 'Cy', lastName: 'None' });
    Object.assign(ids, { doing: doing.client.id, notYet: notYet.client.id, noHomework: none.id });

    clock.set('2026-03-07T15:00:00.000Z');
    for (const date of ['2026-03-03', '2026-03-04', '2026-03-06']) {
      for (const h of doing.homework) {
        const res = await app.http.inject({
          method: 'POST',
          url: `/api/v1/portal/${doing.token}/checkins`,
          payload: { homeworkId: h.id, date, done: true },
        });
        expect(res.statusCode).toBe(200);
      }
    }
    const book = (clientId: string, startsAt: string) =>
      call({ method: 'POST', url: `/api/v1/clients/${clientId}/appointments`, payload: { startsAt, durationMinutes: 60 } });
    expect((await book(ids.doing, '2026-03-20T15:00:00.000Z')).statusCode).toBe(201);
    expect((await book(ids.noHomework, '2026-03-10T15:00:00.000Z')).statusCode).toBe(201);
    // A visit already past is not the next one.
    expect((await book(ids.notYet, '2026-03-06T15:00:00.000Z')).statusCode).toBe(201);
  });
  afterAll(async () => {
    await app.http.close();
  });

  const list = async (query = '', s: Session = owner) => {
    const res = await as(app.http, s)({ method: 'GET', url: `/api/v1/clients${query}` });
    expect(res.statusCode).toBe(200);
    return res.json().clients as { id: string; adherence: unknown; nextAppointment: string | null }[];
  };

  it('each item carries done days of the last 14, the last check-in and the next visit', async () => {
    const byId = new Map((await list()).map((c) => [c.id, c]));
    // Given on 2 March, looked at on 7 March: 6 days with homework, 3 of them done.
    expect(byId.get(ids.doing)).toMatchObject({
      adherence: { doneDays: 3, ofDays: 6, lastCheckIn: '2026-03-06' },
      nextAppointment: '2026-03-20T15:00:00.000Z',
    });
    expect(byId.get(ids.notYet)).toMatchObject({ adherence: { doneDays: 0, ofDays: 6, lastCheckIn: null }, nextAppointment: null });
    expect(byId.get(ids.noHomework)).toMatchObject({
      adherence: { doneDays: 0, ofDays: 0, lastCheckIn: null },
      nextAppointment: '2026-03-10T15:00:00.000Z',
    });
  });

  it('the client record carries the same', async () => {
    const res = await as(app.http, owner)({ method: 'GET', url: `/api/v1/clients/${ids.doing}` });
    expect(res.json()).toMatchObject({ adherence: { doneDays: 3, ofDays: 6 }, nextAppointment: '2026-03-20T15:00:00.000Z' });
  });

  it('sorts by homework done and by the next visit, clients with none last', async () => {
    expect((await list('?sort=adherence')).map((c) => c.id)[0]).toBe(ids.doing);
    expect((await list('?sort=next-visit')).map((c) => c.id)).toEqual([ids.noHomework, ids.doing, ids.notYet]);
    // Paging keeps the order.
    expect((await list('?sort=next-visit&limit=1&offset=1')).map((c) => c.id)).toEqual([ids.doing]);
    const bad = await as(app.http, owner)({ method: 'GET', url: '/api/v1/clients?sort=fastest' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('sort');
  });

  it('calendar appointments carry the same homework count as the clients list, null without active homework', async () => {
    const clients = new Map((await list()).map((c) => [c.id, c.adherence]));
    const res = await as(app.http, owner)({ method: 'GET', url: '/api/v1/appointments?from=2026-03-01&to=2026-03-31' });
    expect(res.statusCode).toBe(200);
    const items = res.json().appointments as { clientId: string; source: string; adherence: unknown }[];
    const byClient = new Map(items.map((a) => [a.clientId, a.adherence]));
    expect(byClient.size).toBe(3);
    expect(byClient.get(ids.doing)).toEqual({ doneDays: 3, ofDays: 6, lastCheckIn: '2026-03-06' });
    expect(byClient.get(ids.doing)).toEqual(clients.get(ids.doing));
    expect(byClient.get(ids.notYet)).toEqual(clients.get(ids.notYet));
    expect(byClient.get(ids.noHomework)).toBeNull();
    // Another practice's calendar lists none of these clients.
    const theirs = await as(app.http, other)({ method: 'GET', url: '/api/v1/appointments?from=2026-03-01&to=2026-03-31' });
    expect(theirs.json().appointments).toEqual([]);
  });

  it('another practice sees none of it', async () => {
    expect(await list('?sort=adherence', other)).toEqual([]);
  });
});
