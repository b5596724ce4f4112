import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient, recordSession } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import type { Db } from '../index.js';
import * as m019 from './019-stored-values-as-columns.js';
import * as m020 from './020-dashboard-covering-indexes.js';

// Rows written by the version before migration 019 (the values only inside JSON), then the
// migration: the columns hold what the JSON said, and the code reading them counts the same.
describeEachDatabase('Migration 019: stored values become columns', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let db: Db;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http);
    db = database().db;
  });
  afterAll(() => app.http.close());

  it('backfills the referrer, the days a week and the job’s client from the JSON, and the dashboard counts the referral', async () => {
    const call = as(app.http, owner);
    const friend = await createClient(app.http, owner, { firstName: 'Sam' });
    const referred = await createClient(app.http, owner, { intake: { complaints: ['headaches'], referredByClientId: friend.id } });
    const visit = await recordSession(app.http, owner, referred.id);
    const given = await call({
      method: 'POST',
      url: `/api/v1/sessions/${visit.id}/homework`,
      payload: { exerciseId: 'suboccipital-ball-release', dose: { minutes: 2, daysPerWeek: 3 } },
    });
    expect(given.statusCode, given.body).toBe(201);
    const booked = await call({
      method: 'POST',
      url: `/api/v1/clients/${referred.id}/appointments`,
      payload: { startsAt: '2026-03-20T10:00:00-05:00', durationMinutes: 60 },
    });
    expect(booked.statusCode, booked.body).toBe(201);

    // Written by this version: the columns beside the JSON.
    const row = () => db.selectFrom('clients').select('referred_by_client_id').where('id', '=', referred.id).executeTakeFirstOrThrow();
    const days = () => db.selectFrom('homework').select('days_per_week').where('id', '=', given.json().id).executeTakeFirstOrThrow();
    expect((await row()).referred_by_client_id).toBe(friend.id);
    expect((await days()).days_per_week).toBe(3);

    // Back to the schema before 019, with jobs as that version queued them (no client column). Migration
    // 020's index names a column 019 added, so it goes first.
    await m020.down(db);
    await m019.down(db);
    const job = (kind: string, payload: unknown) => ({
      id: randomUUID(),
      kind,
      payload: JSON.stringify(payload),
      unique_key: null,
      run_at: '2026-03-10T08:00:00.000Z',
      status: 'pending' as const,
      attempts: 0,
      max_attempts: 10,
      created_at: '2026-03-02T15:00:00.000Z',
    });
    const old = [
      job('homework-reminder', { clientId: referred.id, day: '2026-03-10' }),
      job('appointment-reminder', { appointmentId: booked.json().id, sequence: 0 }),
      job('lapse-sweep', {}),
      job('broken', 'not an object'),
    ];
    await (db as any).insertInto('jobs').values(old).execute();
    await m019.up(db);
    await m020.up(db);

    expect((await row()).referred_by_client_id).toBe(friend.id);
    expect(
      (await db.selectFrom('clients').select('referred_by_client_id').where('id', '=', friend.id).executeTakeFirstOrThrow())
        .referred_by_client_id,
    ).toBeNull();
    expect((await days()).days_per_week).toBe(3);
    const jobs = await db
      .selectFrom('jobs')
      .select(['id', 'client_id'])
      .where(
        'id',
        'in',
        old.map((j) => j.id),
      )
      .execute();
    expect(Object.fromEntries(jobs.map((j) => [j.id, j.client_id]))).toEqual({
      [old[0].id]: referred.id,
      [old[1].id]: referred.id,
      [old[2].id]: null,
      [old[3].id]: null,
    });

    const summary = await call({ method: 'GET', url: '/api/v1/reports/summary?from=2026-03-01&to=2026-03-31' });
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json().referrals).toEqual({ made: 1, converted: 1 });
  });

  it('keeps the columns in step when the intake or the dose changes', async () => {
    const call = as(app.http, owner);
    const friend = await createClient(app.http, owner, { firstName: 'Ari' });
    const client = await createClient(app.http, owner);
    const referrer = () => db.selectFrom('clients').select('referred_by_client_id').where('id', '=', client.id).executeTakeFirstOrThrow();
    expect((await referrer()).referred_by_client_id).toBeNull();
    const patched = await call({
      method: 'PATCH',
      url: `/api/v1/clients/${client.id}`,
      payload: { intake: { complaints: ['neck-pain'], referredByClientId: friend.id } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await referrer()).referred_by_client_id).toBe(friend.id);

    const visit = await recordSession(app.http, owner, client.id);
    const given = await call({ method: 'POST', url: `/api/v1/sessions/${visit.id}/homework`, payload: { exerciseId: 'chin-tucks' } });
    const changed = await call({
      method: 'PATCH',
      url: `/api/v1/homework/${given.json().id}`,
      payload: { dose: { reps: 10, daysPerWeek: 5 } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const stored = await db
      .selectFrom('homework')
      .select(['dose', 'days_per_week'])
      .where('id', '=', given.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.days_per_week).toBe(5);
    expect(JSON.parse(stored.dose)).toEqual({ reps: 10, daysPerWeek: 5 });

    // Deleting the referrer takes the credit off the friend's intake and the column alike.
    expect((await call({ method: 'DELETE', url: `/api/v1/clients/${friend.id}` })).statusCode).toBeLessThan(300);
    const after = await db
      .selectFrom('clients')
      .select(['intake', 'referred_by_client_id'])
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow();
    expect(after.referred_by_client_id).toBeNull();
    expect(JSON.parse(after.intake).referredByClientId).toBeNull();
  });
});
