import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { as, type Session, sessionFrom, signUp } from '../../../../tests/helpers/session.js';

describeEachDatabase('the first-run checklist', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = testClock('2026-03-02T15:00:00.000Z');
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
  });
  afterAll(() => app.http.close());

  const checklist = async (s: Session) => {
    const res = await as(app.http, s)({ method: 'GET', url: '/api/v1/practice/checklist' });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: { key: string; done: boolean; href: string }[]; done: number; total: number; show: boolean };
  };
  const doneKeys = async (s: Session) => (await checklist(s)).items.filter((i) => i.done).map((i) => i.key);

  it('starts empty for a new practice and ticks each step from real data, then disappears', async () => {
    const owner = await signUp(app.http);
    const first = await checklist(owner);
    expect(first).toMatchObject({ done: 0, total: 5, show: true });
    expect(first.items.map((i) => [i.key, i.href])).toEqual([
      ['timezone-and-hours', '/settings#working-hours'],
      ['sender-name', '/settings#practice'],
      ['first-client', '/clients/new'],
      ['first-session', '/clients/new'],
      ['first-homework-sent', '/clients/new'],
    ]);

    const call = as(app.http, owner);
    await call({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: 'Europe/London', senderName: 'Calm Hands' } });
    // A chosen zone alone is not enough: the therapist's working hours must be saved too.
    expect(await doneKeys(owner)).toEqual(['sender-name']);
    const hours = await call({
      method: 'PUT',
      url: `/api/v1/members/${owner.memberId}/working-hours`,
      payload: { weekly: [{ weekday: 1, start: '09:00', end: '17:00' }], daysOff: [] },
    });
    expect(hours.statusCode).toBe(200);
    expect(await doneKeys(owner)).toEqual(['timezone-and-hours', 'sender-name']);

    const { client, session } = await clientWithHomework(app.http, owner);
    const midway = await checklist(owner);
    expect(midway.items.filter((i) => i.done).map((i) => i.key)).toEqual([
      'timezone-and-hours',
      'sender-name',
      'first-client',
      'first-session',
    ]);
    expect(midway.items.find((i) => i.key === 'first-homework-sent')?.href).toBe(`/sessions/${session.id}/homework`);
    expect(client.id).toBeTruthy();

    expect((await call({ method: 'POST', url: `/api/v1/sessions/${session.id}/send` })).statusCode).toBe(202);
    expect(await checklist(owner)).toMatchObject({ done: 5, show: false });

    // Another practice's progress is its own.
    const other = await signUp(app.http);
    expect(await checklist(other)).toMatchObject({ done: 0, show: true });
  });

  it('is hidden for the whole practice when the owner dismisses it; a therapist may not', async () => {
    const owner = await signUp(app.http);
    const email = `tess-${owner.memberId}@example.com`;
    await as(app.http, owner)({ method: 'POST', url: '/api/v1/invitations', payload: { email } });
    const mail = await database().db.selectFrom('emails').select('text_body').where('to_address', '=', email).executeTakeFirstOrThrow();
    const accepted = await app.http.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: /token=([\w-]+)/.exec(mail.text_body)?.[1], name: 'Tess', password: 'colleague password' },
    });
    const therapist = sessionFrom(accepted);
    expect((await as(app.http, therapist)({ method: 'POST', url: '/api/v1/practice/checklist/dismiss' })).statusCode).toBe(403);
    expect((await checklist(therapist)).show).toBe(true);

    const res = await as(app.http, owner)({ method: 'POST', url: '/api/v1/practice/checklist/dismiss' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ show: false, dismissedAt: '2026-03-02T15:00:00.000Z' });
    expect((await checklist(owner)).show).toBe(false);
    expect((await checklist(therapist)).show).toBe(false);
  });
});
