import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { signUp } from '../../../../tests/helpers/session.js';

describeEachDatabase('password reset links', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = testClock();
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
  });
  afterAll(() => app.http.close());

  const ask = () => app.http.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'two-links@example.com' } });
  const confirm = (token: string, password: string) =>
    app.http.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password } });

  it('stops an older link working once a newer one is used', async () => {
    await signUp(app.http, { email: 'two-links@example.com' });
    expect((await ask()).statusCode).toBe(202);
    clock.advance(60_000);
    expect((await ask()).statusCode).toBe(202);
    const mails = await database()
      .db.selectFrom('emails')
      .select('text_body')
      .where('to_address', '=', 'two-links@example.com')
      .orderBy('created_at')
      .execute();
    const [older, newer] = mails.map((m) => /reset-password\?token=([\w-]+)/.exec(m.text_body)?.[1] ?? '');
    expect(older).not.toBe(newer);
    expect((await confirm(newer, 'the newest long password')).statusCode).toBe(200);
    const late = await confirm(older, 'an older long password');
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('invalid_token');
    const login = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'two-links@example.com', password: 'the newest long password' },
    });
    expect(login.statusCode).toBe(200);
  });
});
