import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

describeEachDatabase('confirming a booking request is one transaction', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let code: string;
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock: testClock('2026-03-02T15:00:00.000Z') });
    owner = await signUp(app.http);
    await as(app.http, owner)({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: 'America/New_York' } });
    const referrer = await createClient(app.http, owner, { firstName: 'Rory' });
    code = (await as(app.http, owner)({ method: 'GET', url: `/api/v1/clients/${referrer.id}/referral` })).json().code;
  });
  afterAll(() => app.http.close());
  const call = () => as(app.http, owner);
  const db = () => database().db;

  async function friendAsks(email: string) {
    const asked = await app.http.inject({
      method: 'POST',
      url: `/api/v1/referrals/${code}/booking-requests`,
      payload: { name: 'Sam Friend', email, preferredTimes: ['2026-03-20T10:00:00-04:00'] },
    });
    expect(asked.statusCode).toBe(201);
    const inbox = (await call()({ method: 'GET', url: '/api/v1/booking-requests' })).json().requests;
    return inbox.find((r: { email: string }) => r.email === email).id as string;
  }
  const clientsWith = async (email: string) => (await db().selectFrom('clients').select('id').where('email', '=', email).execute()).length;

  it('two confirms at once book once: one client, one appointment', async () => {
    const id = await friendAsks('twice@example.com');
    const confirm = () =>
      call()({ method: 'POST', url: `/api/v1/booking-requests/${id}/confirm`, payload: { startsAt: '2026-03-20T10:00:00-04:00' } });
    const answers = await Promise.all([confirm(), confirm()]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().error.code).toBe('already_confirmed');
    expect(await clientsWith('twice@example.com')).toBe(1);
    const appointments = await db()
      .selectFrom('appointments as a')
      .innerJoin('clients as c', 'c.id', 'a.client_id')
      .select('a.id')
      .where('c.email', '=', 'twice@example.com')
      .execute();
    expect(appointments).toHaveLength(1);
    const request = await db().selectFrom('booking_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ status: 'confirmed', appointment_id: appointments[0].id });
  });

  it('an overlapping confirm leaves no client, no appointment and the request as it was', async () => {
    const id = await friendAsks('overlap@example.com');
    const clash = await call()({
      method: 'POST',
      url: `/api/v1/booking-requests/${id}/confirm`,
      payload: { startsAt: '2026-03-20T10:30:00-04:00' },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('overlap');
    expect(await clientsWith('overlap@example.com')).toBe(0);
    const request = await db().selectFrom('booking_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ status: 'open', client_id: null, appointment_id: null });
    // A free time then confirms it, once.
    const ok = await call()({
      method: 'POST',
      url: `/api/v1/booking-requests/${id}/confirm`,
      payload: { startsAt: '2026-03-20T13:00:00-04:00' },
    });
    expect(ok.statusCode).toBe(200);
    expect(await clientsWith('overlap@example.com')).toBe(1);
  });
});
