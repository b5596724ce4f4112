import { createServer, get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { brotliDecompressSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testClock, testConfig } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import { type DatabaseHandle, openDatabase } from '../../db/index.js';
import { guessThrottle } from '../clients/client-link.repository.js';
import { keptPageAsked, keptReads } from './kept-reads.js';

const silent = pino({ level: 'silent' });

/*
 * The kept client page answered straight from node:http (kept-reads.ts, decision 036), over real HTTP:
 * the same bytes and headers Fastify sends, nothing a revoked link or another instance's write could
 * outlive, and every other request still Fastify's.
 */
describeEachDatabase('the kept client page answered before Fastify, two instances over HTTP', (database) => {
  const clock = testClock('2026-03-03T15:00:00.000Z');
  let a: Awaited<ReturnType<typeof buildTestApp>>;
  let b: Awaited<ReturnType<typeof buildTestApp>>;
  let second: DatabaseHandle;
  let owner: Session;
  const urls: Record<'a' | 'b', string> = { a: '', b: '' };
  beforeAll(async () => {
    a = await buildTestApp({ database: database(), clock });
    second = await openDatabase({ url: database().url, dataDir: tmpdir() });
    b = await buildTestApp({ database: second, clock });
    urls.a = await a.http.listen({ port: 0, host: '127.0.0.1' });
    urls.b = await b.http.listen({ port: 0, host: '127.0.0.1' });
    owner = await signUp(a.http, { name: 'Therapist Tess' });
  });
  afterAll(async () => {
    await a.http.close();
    await b.http.close();
    await second.close();
  });

  const newClient = () => clientWithHomework(a.http, owner, { client: { firstName: 'Nia', timezone: 'America/New_York' } });
  // Headers that differ per answer or per connection by nature.
  const comparable = (h: Headers | Record<string, unknown>) => {
    const entries = h instanceof Headers ? [...h.entries()] : Object.entries(h).map(([k, v]) => [k, String(v)]);
    return Object.fromEntries(entries.filter(([k]) => !['date', 'x-request-id', 'connection', 'keep-alive'].includes(k)));
  };

  it('sends the very bytes and headers Fastify sends, for the JSON and for the page', async () => {
    const { token } = await newClient();
    for (const url of [`/api/v1/portal/${token}`, `/c/${token}`]) {
      // Fastify's answer (inject never reaches the server's own handler); it keeps the page.
      const fastify = await a.http.inject({ method: 'GET', url });
      expect(fastify.statusCode).toBe(200);
      const lean = await fetch(`${urls.b}${url}`, { headers: { 'accept-encoding': 'identity' } });
      expect(lean.status).toBe(200);
      expect(await lean.text()).toBe(fastify.body);
      expect(comparable(lean.headers)).toEqual(comparable(fastify.headers));
      expect(lean.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(lean.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('compresses the page for a browser that takes brotli, as Fastify does', async () => {
    const { token } = await newClient();
    const plain = (await a.http.inject({ method: 'GET', url: `/c/${token}` })).body;
    // node:http, not fetch: fetch would undo the compression before the test sees it.
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      get(`${urls.a}/c/${token}`, { headers: { 'accept-encoding': 'br' } }, resolve).on('error', reject),
    );
    expect(res.headers['content-encoding']).toBe('br');
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    expect(brotliDecompressSync(Buffer.concat(chunks)).toString()).toBe(plain);
  });

  it('answers 404 at once on both instances once the link is revoked', async () => {
    const { client, token } = await newClient();
    for (const url of Object.values(urls)) expect((await fetch(`${url}/api/v1/portal/${token}`)).status).toBe(200);
    for (const url of Object.values(urls)) expect((await fetch(`${url}/c/${token}`)).status).toBe(200);
    const revoke = await as(a.http, owner)({ method: 'POST', url: `/api/v1/clients/${client.id}/link/revoke` });
    expect(revoke.statusCode).toBeLessThan(300);
    for (const url of Object.values(urls)) {
      expect((await fetch(`${url}/api/v1/portal/${token}`)).status).toBe(404);
      expect((await fetch(`${url}/c/${token}`)).status).toBe(404);
    }
  });

  it("shows a check-in made through one instance on the other's very next read", async () => {
    const { token, homework } = await newClient();
    const before = await (await fetch(`${urls.b}/api/v1/portal/${token}`)).json();
    expect(before.checkIns).toEqual([]);
    const tick = await fetch(`${urls.a}/api/v1/portal/${token}/checkins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ homeworkId: homework[0].id, done: true }),
    });
    expect(tick.status).toBe(200);
    const after = await (await fetch(`${urls.b}/api/v1/portal/${token}`)).json();
    expect(after.checkIns).toMatchObject([{ homeworkId: homework[0].id, done: true }]);
  });

  it('answers a kept page itself and passes every other request on', async () => {
    const passedOn: string[] = [];
    const kept = keptReads(
      { db: database().db, clock, config: testConfig() },
      { security: { 'x-frame-options': 'DENY' }, log: () => silent },
    );
    const server = createServer(
      kept.wrap((req, res) => {
        passedOn.push(req.url ?? '');
        res.writeHead(204).end();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { client, token } = await newClient();
      expect((await fetch(`${url}/api/v1/portal/${token}`)).status).toBe(204);
      await a.http.inject({ method: 'GET', url: `/api/v1/portal/${token}` });
      const res = await fetch(`${url}/api/v1/portal/${token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect((await res.json()).firstName).toBe('Nia');
      await as(a.http, owner)({ method: 'POST', url: `/api/v1/clients/${client.id}/link/revoke` });
      expect((await fetch(`${url}/api/v1/portal/${token}`)).status).toBe(204);
      expect((await fetch(`${url}/api/v1/me`)).status).toBe(204);
      kept.close();
      expect(passedOn).toEqual([`/api/v1/portal/${token}`, `/api/v1/portal/${token}`, '/api/v1/me']);
    } finally {
      server.close();
    }
  });

  it('leaves a page with a message in its address to Fastify', async () => {
    const { token } = await newClient();
    await fetch(`${urls.a}/c/${token}`);
    const res = await fetch(`${urls.a}/c/${token}?saved=question`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('will answer here.');
  });
});

describe('which requests the kept page answers', () => {
  const token = 'A'.repeat(43);
  it('takes only a plain GET of a page by its link', () => {
    expect(keptPageAsked('GET', `/api/v1/portal/${token}`)?.kind).toBe('json');
    expect(keptPageAsked('GET', `/c/${token}`)?.kind).toBe('html');
    for (const [method, url] of [
      ['POST', `/api/v1/portal/${token}`],
      ['HEAD', `/c/${token}`],
      ['GET', `/c/${token}?saved=question`],
      ['GET', `/api/v1/portal/${token}/media/x`],
      ['GET', '/c/sw.js'],
      ['GET', '/c/short'],
      ['GET', `/api/v1/portal/${token}%2F..`],
    ])
      expect(keptPageAsked(method, url)).toBeNull();
  });

  it('knows when any address is refused outright, until its window ends', () => {
    let now = 0;
    const t = guessThrottle({ max: 2, hardMax: 3, windowMs: 1000, now: () => now });
    t.miss('10.0.0.1');
    t.miss('10.0.0.1');
    expect(t.anyRefused()).toBe(false);
    t.miss('10.0.0.1');
    expect(t.refused('10.0.0.1')).toBe(true);
    expect(t.anyRefused()).toBe(true);
    now = 1001;
    expect(t.anyRefused()).toBe(false);
  });
});
