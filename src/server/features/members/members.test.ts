import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { as, sessionFrom, signUp } from '../../../../tests/helpers/session.js';

describeEachDatabase('team and settings', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
  });
  afterAll(() => app.http.close());

  it('an owner invites a therapist who accepts, once, and joins the practice as a therapist', async () => {
    const owner = await signUp(app.http, { practiceName: 'Team Practice' });
    const invite = await as(
      app.http,
      owner,
    )({ method: 'POST', url: '/api/v1/invitations', payload: { email: 'new.therapist@example.com', name: 'New Therapist' } });
    expect(invite.statusCode).toBe(201);
    await app.jobs.runDue();
    const mail = await database()
      .db.selectFrom('emails')
      .selectAll()
      .where('to_address', '=', 'new.therapist@example.com')
      .executeTakeFirstOrThrow();
    expect(mail.reply_to).toBe(owner.email);
    const token = /invite\?token=([\w-]+)/.exec(mail.text_body)?.[1];

    const preview = await app.http.inject({ method: 'GET', url: `/api/v1/invitations/preview?token=${token}` });
    expect(preview.json()).toEqual({ practiceName: 'Team Practice', email: 'new.therapist@example.com', name: 'New Therapist' });
    const accepted = await app.http.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'New Therapist', password: 'therapist password' },
    });
    expect(accepted.statusCode).toBe(201);
    const therapist = sessionFrom(accepted);
    expect(therapist.practiceId).toBe(owner.practiceId);
    expect(accepted.json().member.role).toBe('therapist');

    const twice = await app.http.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Someone', password: 'another password' },
    });
    expect(twice.statusCode).toBe(404);

    const team = await as(app.http, therapist)({ method: 'GET', url: '/api/v1/members' });
    expect(
      team
        .json()
        .members.map((m: { role: string }) => m.role)
        .sort(),
    ).toEqual(['owner', 'therapist']);
    // A therapist reads the settings but only the owner changes them or invites.
    expect((await as(app.http, therapist)({ method: 'GET', url: '/api/v1/practice' })).statusCode).toBe(200);
    expect((await as(app.http, therapist)({ method: 'PATCH', url: '/api/v1/practice', payload: { homeworkCap: 3 } })).statusCode).toBe(403);
    expect(
      (await as(app.http, therapist)({ method: 'POST', url: '/api/v1/invitations', payload: { email: 'x@example.com' } })).statusCode,
    ).toBe(403);
  });

  it('refuses to invite someone who already has an account', async () => {
    const owner = await signUp(app.http, { email: 'taken@example.com' });
    const res = await as(app.http, owner)({ method: 'POST', url: '/api/v1/invitations', payload: { email: 'taken@example.com' } });
    expect(res.statusCode).toBe(409);
  });

  it('changes settings within their limits and refuses the rest by field', async () => {
    const owner = await signUp(app.http);
    const ok = await as(
      app.http,
      owner,
    )({
      method: 'PATCH',
      url: '/api/v1/practice',
      payload: { timezone: 'Europe/London', paperSize: 'a4', homeworkCap: 3, senderName: 'Calm Hands', replyTo: 'Desk@Example.com' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      timezone: 'Europe/London',
      paperSize: 'a4',
      homeworkCap: 3,
      senderName: 'Calm Hands',
      replyTo: 'desk@example.com',
    });
    const bad = await as(
      app.http,
      owner,
    )({
      method: 'PATCH',
      url: '/api/v1/practice',
      payload: { timezone: 'Mars/Olympus', homeworkCap: 4, paperSize: 'legal', colour: 'red' },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['timezone', 'homeworkCap', 'paperSize']));
    const unchanged = await as(app.http, owner)({ method: 'GET', url: '/api/v1/practice' });
    expect(unchanged.json().homeworkCap).toBe(3);
  });

  it('API keys are shown once, stored hashed, work as Bearer without CSRF, and stop when revoked', async () => {
    const owner = await signUp(app.http, { practiceName: 'Keyed' });
    const created = await as(app.http, owner)({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'Booking sync' } });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    const row = await database().db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.key_hash).not.toContain(key);
    expect(JSON.stringify(row)).not.toContain(key);

    const bearer = { authorization: `Bearer ${key}` };
    const read = await app.http.inject({ method: 'GET', url: '/api/v1/practice', headers: bearer });
    expect(read.json().name).toBe('Keyed');
    const write = await app.http.inject({ method: 'PATCH', url: '/api/v1/practice', headers: bearer, payload: { homeworkCap: 1 } });
    expect(write.statusCode).toBe(200);
    // A key cannot mint more keys.
    expect(
      (await app.http.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer, payload: { name: 'more' } })).statusCode,
    ).toBe(403);

    const list = await as(app.http, owner)({ method: 'GET', url: '/api/v1/api-keys' });
    expect(list.json().apiKeys[0]).not.toHaveProperty('key');
    expect((await as(app.http, owner)({ method: 'DELETE', url: `/api/v1/api-keys/${id}` })).statusCode).toBe(200);
    const after = await app.http.inject({ method: 'GET', url: '/api/v1/practice', headers: bearer });
    expect(after.statusCode).toBe(401);
  });
});
