import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { type Session, signUp } from '../../../../tests/helpers/session.js';
import { accountWaitMs, LOGIN_LIMITS } from './login-guard.js';

const PASSWORD = 'a long enough password';

it('lets a few wrong passwords go, then doubles the wait, then locks', () => {
  expect([0, 4, 5, 6, 7, 9, 10, 14].map(accountWaitMs)).toEqual([0, 0, 1000, 2000, 4000, 16_000, 15 * 60_000, 15 * 60_000]);
});

describeEachDatabase('Sign-in limits', (database) => {
  const clock = testClock();
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let address = 0;
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http, { password: PASSWORD });
  });
  afterAll(() => app.http.close());

  // Each try from a new address, as a spread-out attacker would: only the per-account limit can stop them.
  const login = (email: string, password: string, http = app.http, from?: string) =>
    http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: from ?? `198.51.100.${++address}`,
      payload: { email, password },
    });

  it('per account: growing waits, then a lock that emails the owner and holds on every instance, then the right password works', async () => {
    for (let i = 0; i < LOGIN_LIMITS.freeTries; i++) expect((await login(owner.email, `wrong ${i}`)).statusCode).toBe(401);
    for (let failures = LOGIN_LIMITS.freeTries; failures < LOGIN_LIMITS.lockAfter; failures++) {
      const early = await login(owner.email, PASSWORD);
      expect(early.statusCode, `after ${failures} failures`).toBe(429);
      expect(early.json().error.code).toBe('slow_down');
      expect(Number(early.headers['retry-after'])).toBe(accountWaitMs(failures) / 1000);
      clock.advance(accountWaitMs(failures));
      expect((await login(owner.email, `wrong again ${failures}`)).statusCode).toBe(401);
    }

    const locked = await login(owner.email, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBe(LOGIN_LIMITS.lockMinutes * 60);
    const mail = await database().db.selectFrom('emails').select(['subject', 'text_body']).where('to_address', '=', owner.email).execute();
    expect(mail.filter((m) => m.subject.includes('paused'))).toHaveLength(1);
    expect(mail[0]?.text_body).toContain('http://carryover.test/forgot-password');

    // Another instance of the app on the same database sees the same lock.
    const other = await buildTestApp({ database: database(), clock });
    expect((await login(owner.email, PASSWORD, other.http)).statusCode).toBe(429);
    await other.http.close();

    clock.advance(LOGIN_LIMITS.lockMinutes * 60_000 - 1000);
    expect((await login(owner.email, PASSWORD)).statusCode).toBe(429);
    clock.advance(1000);
    expect((await login(owner.email, PASSWORD)).statusCode).toBe(200);
    // A success starts afresh: the next wrong password is a free try again.
    expect((await login(owner.email, 'wrong once more')).statusCode).toBe(401);
    expect((await login(owner.email, PASSWORD)).statusCode).toBe(200);
  });

  it('per address: one address trying many accounts is stopped', async () => {
    clock.advance(60 * 60_000);
    const from = '203.0.113.99';
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_LIMITS.perAddress.max; i++)
      statuses.push((await login(`someone-${i}@example.com`, 'guess', app.http, from)).statusCode);
    expect(statuses.slice(0, LOGIN_LIMITS.perAddress.max).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Even a real account's right password from that address waits; from elsewhere it works.
    expect((await login(owner.email, PASSWORD, app.http, from)).statusCode).toBe(429);
    expect((await login(owner.email, PASSWORD)).statusCode).toBe(200);
    clock.advance(LOGIN_LIMITS.perAddress.minutes * 60_000 + 1000);
    expect((await login(owner.email, PASSWORD, app.http, from)).statusCode).toBe(200);
  });
});
