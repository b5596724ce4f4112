import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { loadConfig } from '../config.js';

describe('TRUST_PROXY', () => {
  const load = (TRUST_PROXY?: string) => loadConfig({ NODE_ENV: 'test', ...(TRUST_PROXY === undefined ? {} : { TRUST_PROXY }) });

  it('is off unless set, and reads a hop count or a list of addresses and CIDR blocks', () => {
    expect(load().TRUST_PROXY).toBe(false);
    expect(load('off').TRUST_PROXY).toBe(false);
    expect(load('1').TRUST_PROXY).toBe(1);
    expect(load('10.0.0.5, 10.1.0.0/16,fd00::/8').TRUST_PROXY).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8']);
  });

  it('refuses a value it cannot read, naming the variable', () => {
    for (const bad of ['true', '0', '11', 'proxy.local', '10.0.0.0/33', '10.0.0.1/8/2'])
      expect(() => load(bad), bad).toThrow(/TRUST_PROXY/);
  });
});

describeEachDatabase('Forwarded addresses and the sign-in limit', (database) => {
  const tries = (http: Awaited<ReturnType<typeof buildTestApp>>['http'], email: string, forwardedFor: (i: number) => string) =>
    Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        http.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '198.51.100.20',
          headers: { 'x-forwarded-for': forwardedFor(i) },
          payload: { email, password: `wrong password ${i}` },
        }),
      ),
    ).then((all) => all.map((r) => r.statusCode));

  describe('off (the default)', () => {
    let app: Awaited<ReturnType<typeof buildTestApp>>;
    beforeAll(async () => {
      // Production, where the old code believed any X-Forwarded-For.
      app = await buildTestApp({ database: database(), env: { NODE_ENV: 'production', PUBLIC_URL: 'https://carryover.test' } });
    });
    afterAll(() => app.http.close());

    it('ignores X-Forwarded-For: rotating it still ends in 429', async () => {
      const statuses = await tries(app.http, 'nobody-a@example.com', (i) => `203.0.113.${i + 1}`);
      expect(statuses).toContain(429);
    });
  });

  describe('one proxy in front (TRUST_PROXY=1)', () => {
    let app: Awaited<ReturnType<typeof buildTestApp>>;
    beforeAll(async () => {
      app = await buildTestApp({ database: database(), env: { TRUST_PROXY: '1' } });
    });
    afterAll(() => app.http.close());

    it('counts the address the proxy forwarded', async () => {
      // An email with no account: only the per-address limits are counting, not the account's own.
      const oneCaller = await tries(app.http, 'nobody-b@example.com', () => '203.0.113.50');
      expect(oneCaller).toContain(429);
      // The proxy's own address (the socket) is not the caller: another forwarded address is counted apart.
      const other = await app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '198.51.100.20',
        headers: { 'x-forwarded-for': '203.0.113.51' },
        payload: { email: 'nobody-b@example.com', password: 'wrong password' },
      });
      expect(other.statusCode).toBe(401);
    });
  });
});
