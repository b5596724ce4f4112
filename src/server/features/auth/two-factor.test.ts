import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { as, type Session, sessionFrom, signUp } from '../../../../tests/helpers/session.js';

const PASSWORD = 'a long enough password';

describeEachDatabase('two-step sign-in', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = testClock();
  const codeNow = (secret: string) => generateSync({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
  });
  afterAll(() => app.http.close());

  const login = (payload: Record<string, string>) => app.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload });

  async function turnOn(session: Session) {
    const start = await as(app.http, session)({ method: 'POST', url: '/api/v1/me/two-factor' });
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = start.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Carryover:/);
    expect(qrSvg).toMatch(/^<svg/);
    const confirm = await as(
      app.http,
      session,
    )({ method: 'POST', url: '/api/v1/me/two-factor/confirm', payload: { code: codeNow(secret) } });
    expect(confirm.statusCode).toBe(200);
    return { secret, recoveryCodes: confirm.json().recoveryCodes as string[] };
  }

  it('asks for a code at sign-in once it is on, and signs in with a current code only once', async () => {
    const owner = await signUp(app.http, { email: 'tfa-one@example.com' });
    const { secret, recoveryCodes } = await turnOn(owner);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const me = await as(app.http, owner)({ method: 'GET', url: '/api/v1/me' });
    expect(me.json().twoFactor).toEqual({ on: true, required: false });

    const noCode = await login({ email: 'tfa-one@example.com', password: PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('two_factor_required');
    expect(noCode.cookies.find((c) => c.name === 'carryover_session')).toBeUndefined();

    const wrong = await login({
      email: 'tfa-one@example.com',
      password: PASSWORD,
      code: '000000' === codeNow(secret) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('bad_code');

    clock.advance(60_000);
    const code = codeNow(secret);
    const ok = await login({ email: 'tfa-one@example.com', password: PASSWORD, code });
    expect(ok.statusCode).toBe(200);
    expect(sessionFrom(ok).memberId).toBe(owner.memberId);
    // The same code a second time (someone watching over a shoulder) is refused.
    const replay = await login({ email: 'tfa-one@example.com', password: PASSWORD, code });
    expect(replay.statusCode).toBe(401);

    // A wrong password with a right code still answers bad_credentials, saying nothing about the code.
    const badPassword = await login({ email: 'tfa-one@example.com', password: 'not the password', code });
    expect(badPassword.json().error.code).toBe('bad_credentials');
  });

  it('signs in with a recovery code once, and stores only hashes of the secret codes', async () => {
    const owner = await signUp(app.http, { email: 'tfa-two@example.com' });
    const { recoveryCodes } = await turnOn(owner);
    const first = await login({ email: 'tfa-two@example.com', password: PASSWORD, code: recoveryCodes[3].toLowerCase() });
    expect(first.statusCode).toBe(200);
    const again = await login({ email: 'tfa-two@example.com', password: PASSWORD, code: recoveryCodes[3] });
    expect(again.statusCode).toBe(401);
    const stored = await database()
      .db.selectFrom('two_factor_recovery_codes')
      .select('code_hash')
      .where('member_id', '=', owner.memberId)
      .execute();
    expect(stored).toHaveLength(10);
    for (const row of stored) for (const c of recoveryCodes) expect(row.code_hash).not.toContain(c.replace('-', ''));
  });

  it('refuses a wrong first code, and turns off only with a current code', async () => {
    const owner = await signUp(app.http, { email: 'tfa-three@example.com' });
    const start = await as(app.http, owner)({ method: 'POST', url: '/api/v1/me/two-factor' });
    const bad = await as(app.http, owner)({ method: 'POST', url: '/api/v1/me/two-factor/confirm', payload: { code: 'abcdef' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.code).toBeTruthy();
    const { secret } = start.json();
    clock.advance(30_000);
    expect(
      (await as(app.http, owner)({ method: 'POST', url: '/api/v1/me/two-factor/confirm', payload: { code: codeNow(secret) } })).statusCode,
    ).toBe(200);

    const wrongOff = await as(app.http, owner)({ method: 'DELETE', url: '/api/v1/me/two-factor', payload: { code: '12345' } });
    expect(wrongOff.statusCode).toBe(400);
    clock.advance(30_000);
    const off = await as(app.http, owner)({ method: 'DELETE', url: '/api/v1/me/two-factor', payload: { code: codeNow(secret) } });
    expect(off.statusCode).toBe(200);
    expect((await login({ email: 'tfa-three@example.com', password: PASSWORD })).statusCode).toBe(200);
  });

  it('lets the owner require it for everyone: a member without it can only set it up', async () => {
    const owner = await signUp(app.http, { email: 'tfa-owner@example.com' });
    const early = await as(app.http, owner)({ method: 'PATCH', url: '/api/v1/practice', payload: { requireTwoFactor: true } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.requireTwoFactor).toMatch(/your own account first/);

    const invite = await as(app.http, owner)({ method: 'POST', url: '/api/v1/invitations', payload: { email: 'tfa-member@example.com' } });
    expect(invite.statusCode).toBe(201);
    const mail = await database()
      .db.selectFrom('emails')
      .select('text_body')
      .where('to_address', '=', 'tfa-member@example.com')
      .executeTakeFirstOrThrow();
    const token = /token=([\w-]+)/.exec(mail.text_body)?.[1];
    const accepted = await app.http.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Member', password: PASSWORD },
    });
    expect(accepted.statusCode).toBe(201);
    const member = sessionFrom(accepted);

    await turnOn(owner);
    const required = await as(app.http, owner)({ method: 'PATCH', url: '/api/v1/practice', payload: { requireTwoFactor: true } });
    expect(required.statusCode).toBe(200);
    expect(required.json().requireTwoFactor).toBe(true);

    const blocked = await as(app.http, member)({ method: 'GET', url: '/api/v1/clients' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('two_factor_setup_required');
    const me = await as(app.http, member)({ method: 'GET', url: '/api/v1/me' });
    expect(me.json().twoFactor).toEqual({ on: false, required: true });
    clock.advance(30_000);
    const { secret } = await turnOn(member);
    expect((await as(app.http, member)({ method: 'GET', url: '/api/v1/clients' })).statusCode).toBe(200);
    // Required by the practice: it cannot be turned off.
    clock.advance(30_000);
    const off = await as(app.http, member)({ method: 'DELETE', url: '/api/v1/me/two-factor', payload: { code: codeNow(secret) } });
    expect(off.statusCode).toBe(409);
  });

  describe('an API key', () => {
    it('cannot set up two-step sign-in for anyone', async () => {
      const owner = await signUp(app.http, { email: 'tfa-key@example.com' });
      const key = await as(app.http, owner)({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'Sync' } });
      const res = await app.http.inject({
        method: 'POST',
        url: '/api/v1/me/two-factor',
        headers: { authorization: `Bearer ${key.json().key}` },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('not_a_member');
    });
  });
});
