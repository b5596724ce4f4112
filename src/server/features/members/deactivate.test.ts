import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient } from '../../../../tests/helpers/factories.js';
import { as, type Session, sessionFrom, signUp } from '../../../../tests/helpers/session.js';

describeEachDatabase('Deactivating a member who left', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http);
  });
  afterAll(() => app.http.close());

  async function joinAsTherapist(name: string) {
    const email = `therapist-${randomUUID()}@example.com`;
    await as(app.http, owner)({ method: 'POST', url: '/api/v1/invitations', payload: { email } });
    const mail = await database().db.selectFrom('emails').select('text_body').where('to_address', '=', email).executeTakeFirstOrThrow();
    const token = /token=([\w-]+)/.exec(mail.text_body)?.[1];
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name, password: 'therapist password' },
    });
    expect(res.statusCode).toBe(201);
    return sessionFrom(res);
  }

  const deactivate = (by: Session, memberId: string, body: Record<string, unknown> = {}) =>
    as(app.http, by)({ method: 'POST', url: `/api/v1/members/${memberId}/deactivate`, payload: body });

  it('ends their sessions and feed at once, moves their clients to whom the owner chose, logs it, and refuses their sign-in', async () => {
    const leaving = await joinAsTherapist('Leaving Therapist');
    const staying = await joinAsTherapist('Staying Therapist');
    const theirs = await createClient(app.http, leaving, { firstName: 'Kept' });
    const feed = (await as(app.http, leaving)({ method: 'POST', url: '/api/v1/calendar-feed' })).json().url as string;
    const feedPath = new URL(feed).pathname;
    expect((await app.http.inject({ method: 'GET', url: feedPath })).statusCode).toBe(200);
    expect((await as(app.http, leaving)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);

    // Only the owner; their clients need a new therapist; nobody outside the practice or already gone.
    expect((await deactivate(staying, leaving.memberId, { clientsTo: staying.memberId })).statusCode).toBe(403);
    const noHeir = await deactivate(owner, leaving.memberId);
    expect(noHeir.statusCode).toBe(400);
    expect(noHeir.json().error.fields.clientsTo).toContain('1 client');
    expect((await deactivate(owner, leaving.memberId, { clientsTo: randomUUID() })).json().error.fields.clientsTo).toBeTruthy();
    expect((await deactivate(owner, leaving.memberId, { clientsTo: leaving.memberId })).statusCode).toBe(400);
    expect((await deactivate(owner, owner.memberId)).statusCode).toBe(400);

    const done = await deactivate(owner, leaving.memberId, { clientsTo: staying.memberId });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ clientsMoved: 1, apiKeysRevoked: 0 });

    // Their session is refused on the very next request, and the feed address stops.
    expect((await as(app.http, leaving)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await as(app.http, leaving)({ method: 'GET', url: `/api/v1/clients/${theirs.id}` })).statusCode).toBe(401);
    expect((await app.http.inject({ method: 'GET', url: feedPath })).statusCode).toBe(404);
    const signIn = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: leaving.email, password: 'therapist password' },
    });
    expect(signIn.statusCode).toBe(401);
    expect(signIn.json().error.code).toBe('bad_credentials');

    const client = await as(app.http, staying)({ method: 'GET', url: `/api/v1/clients/${theirs.id}` });
    expect(client.json().therapistId).toBe(staying.memberId);
    const team = (await as(app.http, owner)({ method: 'GET', url: '/api/v1/members' })).json().members as {
      id: string;
      deactivatedAt: string | null;
    }[];
    expect(team.find((m) => m.id === leaving.memberId)?.deactivatedAt).toBeTruthy();
    expect(team.find((m) => m.id === staying.memberId)?.deactivatedAt).toBeNull();
    const log = await database()
      .db.selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('practice_id', '=', owner.practiceId)
      .execute();
    expect(log).toContainEqual({ action: 'deactivated Leaving Therapist; 1 client(s) moved to Staying Therapist', actor: 'Test Owner' });

    // Gone for good: not again, and no new client can be given to them.
    expect((await deactivate(owner, leaving.memberId, { clientsTo: staying.memberId })).statusCode).toBe(409);
    const assign = await as(
      app.http,
      owner,
    )({
      method: 'POST',
      url: '/api/v1/clients',
      payload: { firstName: 'New', therapistId: leaving.memberId },
    });
    expect(assign.statusCode).toBe(400);
  });

  it('needs no heir for a member without clients, and answers 404 for a member of another practice', async () => {
    const quiet = await joinAsTherapist('Quiet Therapist');
    const other = await signUp(app.http, { practiceName: 'Elsewhere' });
    expect((await deactivate(other, quiet.memberId)).statusCode).toBe(404);
    expect((await deactivate(owner, quiet.memberId)).json()).toEqual({ clientsMoved: 0, apiKeysRevoked: 0 });
    expect((await as(app.http, quiet)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });
});
