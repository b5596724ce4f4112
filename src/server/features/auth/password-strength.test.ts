import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { as, signUp } from '../../../../tests/helpers/session.js';
import { weakPasswordReason } from './password-strength.js';

describe('weakPasswordReason', () => {
  it('refuses common passwords, repeated characters and the email or practice name', () => {
    expect(weakPasswordReason('aaaaaaaaaa')).toBeDefined();
    expect(weakPasswordReason('password12')).toBeDefined();
    expect(weakPasswordReason('Password123!')).toBeDefined();
    expect(weakPasswordReason('qwertyuiop')).toBeDefined();
    expect(weakPasswordReason('abababababab')).toBeDefined();
    expect(weakPasswordReason('jordan.smith99', { email: 'Jordan.Smith@example.com' })).toBeDefined();
    expect(weakPasswordReason('my Rest & Repair 2027', { practiceName: 'Rest and Repair' })).toBeUndefined();
    expect(weakPasswordReason('restrepair2027', { practiceName: 'Rest; Repair' })).toBeDefined();
    expect(weakPasswordReason('Stillwater Bodywork', { practiceName: 'stillwater bodywork' })).toBeDefined();
  });

  it('accepts the passwords people and our tests really use', () => {
    for (const pw of [
      'a long enough password',
      'a calm long password',
      'therapist password',
      'colleague password',
      'a steady long password',
    ]) {
      expect(weakPasswordReason(pw, { email: 'owner-1@example.com', practiceName: 'Test Practice' })).toBeUndefined();
    }
  });
});

describeEachDatabase('weak passwords are refused wherever a password is set', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
  });
  afterAll(() => app.http.close());

  const tokenFor = async (email: string) => {
    const mail = await database().db.selectFrom('emails').select('text_body').where('to_address', '=', email).executeTakeFirstOrThrow();
    return /token=([\w-]+)/.exec(mail.text_body)?.[1] ?? '';
  };

  it('at sign-up', async () => {
    for (const password of ['aaaaaaaaaa', 'password12', 'Quiet Hands Massage']) {
      const res = await app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: { practiceName: 'Quiet Hands Massage', name: 'Owner', email: `weak-${password.length}@example.com`, password },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.password).toBeTruthy();
    }
    const sneaky = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { practiceName: 'Somewhere', name: 'Owner', email: 'lindenhall@example.com', password: 'LindenHall-2027' },
    });
    expect(sneaky.statusCode).toBe(400);
    expect(sneaky.json().error.fields.password).toMatch(/email/);
  });

  it('when a reset link is used', async () => {
    await signUp(app.http, { email: 'resetting@example.com', practiceName: 'Gentle Reset Studio' });
    await app.http.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'resetting@example.com' } });
    const token = await tokenFor('resetting@example.com');
    for (const password of ['password12', 'gentle reset studio!']) {
      const res = await app.http.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.password).toBeTruthy();
    }
    const ok = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'a fresh long password' },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('when an invitation is accepted', async () => {
    const owner = await signUp(app.http);
    await as(app.http, owner)({ method: 'POST', url: '/api/v1/invitations', payload: { email: 'newcolleague@example.com' } });
    const token = await tokenFor('newcolleague@example.com');
    const accept = (password: string) =>
      app.http.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, name: 'Colleague', password } });
    for (const password of ['aaaaaaaaaa', 'NewColleague1!']) {
      const res = await accept(password);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.password).toBeTruthy();
    }
    expect((await accept('colleague password')).statusCode).toBe(201);
  });
});
