import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { as, sessionFrom, signUp } from '../../../../tests/helpers/session.js';

const resetLinkIn = (text: string) => /reset-password\?token=([\w-]+)/.exec(text)?.[1];

describeEachDatabase('accounts', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = testClock();
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
  });
  afterAll(() => app.http.close());

  it('signs up an owner with a new practice and signs them in', async () => {
    const owner = await signUp(app.http, { email: 'first@example.com', practiceName: 'Calm Hands' });
    const me = await as(app.http, owner)({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      member: { email: 'first@example.com', role: 'owner' },
      practice: { name: 'Calm Hands', isDemo: false },
    });
    const stored = await database()
      .db.selectFrom('members')
      .select('password_hash')
      .where('email', '=', 'first@example.com')
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second sign-up with the same email with 409 and writes nothing', async () => {
    const before = await database()
      .db.selectFrom('practices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { practiceName: 'Again', name: 'X', email: 'FIRST@example.com', password: 'another long password' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
    const after = await database()
      .db.selectFrom('practices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('names every bad field of a sign-up', async () => {
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { practiceName: '', name: 'A', email: 'not-an-email', password: 'short' },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid');
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'password', 'practiceName']);
  });

  it('answers JSON that is not JSON with a clear 400', async () => {
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });

  it('signs in with the right password only, and signs out', async () => {
    await signUp(app.http, { email: 'login@example.com', password: 'correct horse battery' });
    const wrong = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'login@example.com', password: 'wrong password' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'login@example.com', password: 'correct horse battery' },
    });
    expect(ok.statusCode).toBe(200);
    const session = sessionFrom(ok);
    const out = await as(app.http, session)({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(200);
    const me = await as(app.http, session)({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(401);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const owner = await signUp(app.http);
    const noToken = await app.http.inject({
      method: 'PATCH',
      url: '/api/v1/practice',
      cookies: { carryover_session: owner.cookie },
      payload: { name: 'Changed' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf');
    const csrf = await app.http.inject({ method: 'GET', url: '/api/v1/auth/csrf', cookies: { carryover_session: owner.cookie } });
    expect(csrf.json().csrfToken).toBe(owner.csrfToken);
    const withToken = await as(app.http, owner)({ method: 'PATCH', url: '/api/v1/practice', payload: { name: 'Changed' } });
    expect(withToken.statusCode).toBe(200);
  });

  it('limits sign-in attempts', async () => {
    const tries = [];
    for (let i = 0; i < 11; i++) {
      tries.push(
        await app.http.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'limit@example.com', password: 'guess number one' },
        }),
      );
    }
    expect(tries.slice(0, 10).every((r) => r.statusCode === 401)).toBe(true);
    expect(tries[10].statusCode).toBe(429);
    expect(tries[10].json().error.message).toMatch(/Too many tries/);
  });

  it('resets a password by an emailed link that works once and expires', async () => {
    const owner = await signUp(app.http, { email: 'forgetful@example.com', password: 'the old password' });
    const ask = await app.http.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'forgetful@example.com' } });
    expect(ask.statusCode).toBe(202);
    const unknown = await app.http.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'nobody@example.com' } });
    expect(unknown.statusCode).toBe(202);
    await app.jobs.runDue();
    const mails = await database().db.selectFrom('emails').selectAll().where('to_address', '=', 'forgetful@example.com').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0].status).toBe('kept');
    const token = resetLinkIn(mails[0].text_body);
    expect(token).toBeTruthy();

    const done = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'the new password' },
    });
    expect(done.statusCode).toBe(200);
    const again = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'a third password' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');
    // The old session was ended by the reset.
    expect((await as(app.http, owner)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const login = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'forgetful@example.com', password: 'the new password' },
    });
    expect(login.statusCode).toBe(200);

    await app.http.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'forgetful@example.com' } });
    const latest = await database()
      .db.selectFrom('emails')
      .select('text_body')
      .where('to_address', '=', 'forgetful@example.com')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    clock.advance(61 * 60_000);
    const late = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: resetLinkIn(latest.text_body), password: 'too late password' },
    });
    expect(late.statusCode).toBe(400);
  });
});

describe('sign-up under a race', () => {
  it.each(['sqlite', 'postgres'] as const)('two sign-ups with one email at once make one account [%s]', async (dialect) => {
    const { freshDatabase } = await import('../../../../tests/helpers/databases.js');
    const database = await freshDatabase(dialect);
    const app = await buildTestApp({ database });
    const body = { practiceName: 'Race', name: 'R', email: 'race@example.com', password: 'a long enough password' };
    const results = await Promise.all([1, 2].map(() => app.http.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: body })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const practices = await database.db.selectFrom('practices').select('id').execute();
    expect(practices).toHaveLength(1);
    await app.http.close();
    await database.close();
  });
});
