// Two app instances on one database: a session made on one works on the other, and the outbox's
// jobs run once between them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/index.js';
import { buildTestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { as, signUp } from '../helpers/session.js';

describeEachDatabase('two app instances', (database, dialect) => {
  let one: Awaited<ReturnType<typeof buildTestApp>>;
  let two: Awaited<ReturnType<typeof buildTestApp>>;
  let second: Awaited<ReturnType<typeof openDatabase>> | undefined;
  beforeAll(async () => {
    one = await buildTestApp({ database: database() });
    second = dialect === 'postgres' ? await openDatabase({ url: database().url, dataDir: '' }) : undefined;
    two = await buildTestApp({ database: second ?? database() });
  });
  afterAll(async () => {
    await one.http.close();
    await two.http.close();
    await second?.close();
  });

  it('share sessions: sign in on one, work on the other, sign out on the other ends it on both', async () => {
    const owner = await signUp(one.http, { practiceName: 'Two Rooms' });
    const onTwo = await as(two.http, owner)({ method: 'PATCH', url: '/api/v1/practice', payload: { name: 'Two Rooms Massage' } });
    expect(onTwo.statusCode).toBe(200);
    expect((await as(one.http, owner)({ method: 'GET', url: '/api/v1/practice' })).json().name).toBe('Two Rooms Massage');
    await as(two.http, owner)({ method: 'POST', url: '/api/v1/auth/logout' });
    expect((await as(one.http, owner)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('deliver each queued mail once between them', async () => {
    for (let i = 0; i < 12; i++)
      await one.http.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: `nobody-${i}@example.com` } });
    const owner = await signUp(one.http);
    for (let i = 0; i < 5; i++)
      await as(
        one.http,
        owner,
      )({ method: 'POST', url: '/api/v1/invitations', payload: { email: `therapist-${dialect}-${i}@example.com` } });
    const [a, b] = await Promise.all([one.jobs.runDue(), two.jobs.runDue()]);
    expect(a + b).toBeGreaterThanOrEqual(5);
    const mails = await database()
      .db.selectFrom('emails')
      .select(['to_address', 'attempts', 'status'])
      .where('to_address', 'like', `therapist-${dialect}-%`)
      .execute();
    expect(mails).toHaveLength(5);
    expect(mails.every((m) => m.attempts === 1 && m.status === 'kept')).toBe(true);
  });
});
