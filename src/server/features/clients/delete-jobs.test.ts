import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

// Jobs name their client in a column (migration 019): deleting a client deletes exactly theirs.
describeEachDatabase('Deleting a client deletes their jobs', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http);
  });
  afterAll(() => app.http.close());

  /** A client with a reminder, a visit booked for later and a homework mail on its way: three jobs of theirs. */
  async function clientWithJobs(day: string) {
    const call = as(app.http, owner);
    const { client, session } = await clientWithHomework(app.http, owner, {
      client: { consentToEmail: true, reminderRhythm: 'daily' },
    });
    const booked = await call({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/appointments`,
      payload: { startsAt: `${day}T10:00:00-05:00`, durationMinutes: 60 },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const sent = await call({ method: 'POST', url: `/api/v1/sessions/${session.id}/send` });
    expect(sent.statusCode, sent.body).toBe(202);
    return client.id;
  }
  const kindsOf = async (clientId: string) =>
    (await database().db.selectFrom('jobs').select('kind').where('client_id', '=', clientId).execute()).map((j) => j.kind).sort();

  it('by the job’s client column, leaving other clients’ jobs and the practice’s sweeps', async () => {
    const leaving = await clientWithJobs('2026-03-20');
    const staying = await clientWithJobs('2026-03-21');
    const expected = ['appointment-reminder', 'deliver-email', 'homework-reminder'];
    expect(await kindsOf(leaving)).toEqual(expect.arrayContaining(expected));
    const stayingBefore = await kindsOf(staying);
    expect(stayingBefore).toEqual(expect.arrayContaining(expected));
    const others = await database().db.selectFrom('jobs').select('id').where('client_id', 'is', null).execute();

    const removed = await as(app.http, owner)({ method: 'DELETE', url: `/api/v1/clients/${leaving}` });
    expect(removed.statusCode, removed.body).toBeLessThan(300);

    expect(await kindsOf(leaving)).toEqual([]);
    expect(await kindsOf(staying)).toEqual(stayingBefore);
    expect(await database().db.selectFrom('jobs').select('id').where('client_id', 'is', null).execute()).toEqual(others);
  });
});
