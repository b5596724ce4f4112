import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { signUp } from '../../../../tests/helpers/session.js';
import { mailboxOpenTo } from './mailbox-access.js';

describe('mailboxOpenTo', () => {
  const open = (remoteAddress: string | undefined, headers: Record<string, string> = { host: 'localhost:3000' }) =>
    mailboxOpenTo({ remoteAddress, headers });

  it('opens to this machine only, by the socket address', () => {
    expect(open('127.0.0.1')).toBe(true);
    expect(open('::1', { host: '[::1]:3000' })).toBe(true);
    expect(open('::ffff:127.0.0.1', { host: '127.0.0.1' })).toBe(true);
    for (const elsewhere of ['203.0.113.7', '10.0.0.2', '::ffff:192.168.1.5', '', undefined])
      expect(open(elsewhere), String(elsewhere)).toBe(false);
  });

  it('believes no header: a loopback Host from elsewhere, a forwarded request, a rebound name are all refused', () => {
    expect(open('203.0.113.7', { host: 'localhost' })).toBe(false);
    expect(open('127.0.0.1', { host: 'localhost', 'x-forwarded-for': '203.0.113.7' })).toBe(false);
    expect(open('127.0.0.1', { host: 'localhost', forwarded: 'for=203.0.113.7' })).toBe(false);
    expect(open('127.0.0.1', { host: 'attacker.example' })).toBe(false);
    expect(open('127.0.0.1', {})).toBe(false);
  });
});

describeEachDatabase('The local mailbox over HTTP', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    const owner = await signUp(app.http);
    await app.http.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: owner.email } });
  });
  afterAll(() => app.http.close());

  const mailbox = (remoteAddress: string, headers: Record<string, string>) =>
    app.http.inject({ method: 'GET', url: '/api/v1/dev/mailbox', remoteAddress, headers });

  it('shows the mail to this machine', async () => {
    const res = await mailbox('127.0.0.1', { host: 'localhost:3000' });
    expect(res.statusCode).toBe(200);
    expect(res.json().emails.length).toBeGreaterThan(0);
  });

  it('refuses a forged loopback Host from another machine, and a request a local proxy forwarded', async () => {
    for (const [remote, headers] of [
      ['203.0.113.7', { host: 'localhost' }],
      ['203.0.113.7', { host: '127.0.0.1:3000' }],
      ['127.0.0.1', { host: 'localhost', 'x-forwarded-for': '203.0.113.7' }],
      ['127.0.0.1', { host: 'rebound.example' }],
    ] as const) {
      const res = await mailbox(remote, headers);
      expect(res.statusCode, `${remote} ${JSON.stringify(headers)}`).toBe(404);
      expect(res.body).not.toContain('reset-password');
    }
  });

  it('is not there at all once SMTP_URL is set', async () => {
    const withSmtp = await buildTestApp({ database: database(), env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
    expect(withSmtp.routes.map((r) => r.url)).not.toContain('/api/v1/dev/mailbox');
    await withSmtp.http.close();
  });
});
