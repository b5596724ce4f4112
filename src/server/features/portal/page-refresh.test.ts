import { beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock, testConfig } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import { hashToken } from '../../http/tokens.js';
import { remakeStalePages } from './page-refresh.js';
import { clientPages } from './page-snapshot.js';

/*
 * Kept pages made again before the client asks (page-refresh.ts, decision 036): after a change and
 * after the client's midnight, only for pages read in the last 14 days, never for a revoked link, a
 * little at a time.
 */
describeEachDatabase('kept client pages made again before anyone asks', (database) => {
  // 3 pm in New York, 2 March.
  const clock = testClock('2026-03-02T20:00:00.000Z');
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  const deps = () => ({ db: database().db, clock, config: testConfig() });
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http, { name: 'Therapist Tess' });
  });

  const keptPage = async (clientId: string) =>
    database()
      .db.selectFrom('client_page_snapshots')
      .select(['version', 'valid_until', 'built_at'])
      .where('client_id', '=', clientId)
      .executeTakeFirst();
  const currentVersion = async (clientId: string) =>
    Number(
      (await database().db.selectFrom('client_page_versions').select('version').where('client_id', '=', clientId).executeTakeFirstOrThrow())
        .version,
    );
  /** Every out-of-date page made again, however many calls that takes. */
  const remakeAll = async (o: { slice?: number } = {}) => {
    let made = 0;
    let after: string | null = '';
    for (let calls = 0; after !== null && calls < 100; calls++) {
      const r = await remakeStalePages(deps(), { budgetMs: 10_000, after, slice: o.slice });
      made += r.made;
      after = r.next;
    }
    return made;
  };
  const readPage = async (token: string) => {
    const res = await app.http.inject({ method: 'GET', url: `/api/v1/portal/${token}` });
    expect(res.statusCode).toBe(200);
  };

  it('makes a page again after a check-in, so the next read finds it kept and current', async () => {
    const { client, token, homework } = await clientWithHomework(app.http, owner);
    await readPage(token);
    const first = await keptPage(client.id);
    const tick = await app.http.inject({
      method: 'POST',
      url: `/api/v1/portal/${token}/checkins`,
      payload: { homeworkId: homework[0].id, done: true },
    });
    expect(tick.statusCode).toBe(200);
    expect(await clientPages(deps()).keptOnly('json', token)).toBeNull();

    expect(await remakeAll()).toBeGreaterThanOrEqual(1);
    const again = await keptPage(client.id);
    expect(Number(again?.version)).toBe(await currentVersion(client.id));
    expect(again?.built_at).toBe(first?.built_at);
    const kept = JSON.parse((await clientPages(deps()).keptOnly('json', token))?.toString() ?? '{}');
    expect(kept.checkIns).toMatchObject([{ homeworkId: homework[0].id, done: true }]);
    expect(await remakeAll()).toBe(0);
  });

  it("makes it again after the client's midnight, with the new day", async () => {
    const { client, token } = await clientWithHomework(app.http, owner, { client: { timezone: 'America/New_York' } });
    await readPage(token);
    expect((await keptPage(client.id))?.valid_until).toBe('2026-03-03T05:00:00.000Z');
    clock.set('2026-03-03T05:00:30.000Z');
    try {
      expect(await remakeAll()).toBeGreaterThanOrEqual(1);
      expect((await keptPage(client.id))?.valid_until).toBe('2026-03-04T05:00:00.000Z');
      expect(JSON.parse((await clientPages(deps()).keptOnly('json', token))?.toString() ?? '{}').today).toBe('2026-03-03');
    } finally {
      clock.set('2026-03-02T20:00:00.000Z');
    }
  });

  it('leaves alone a page nobody read for 14 days, and a revoked link', async () => {
    const old = await clientWithHomework(app.http, owner);
    clock.set('2026-02-10T20:00:00.000Z');
    await readPage(old.token);
    const oldPage = await keptPage(old.client.id);
    clock.set('2026-03-02T20:00:00.000Z');
    const revoked = await clientWithHomework(app.http, owner);
    await readPage(revoked.token);
    await as(app.http, owner)({ method: 'POST', url: `/api/v1/clients/${revoked.client.id}/link/revoke` });
    await remakeAll();
    expect(await keptPage(old.client.id)).toEqual(oldPage);
    expect(await keptPage(revoked.client.id)).toBeUndefined();
    expect(await clientPages(deps()).keptOnly('json', revoked.token)).toBeNull();
  });

  it('goes through the kept pages a slice at a time and reaches every one', async () => {
    const clients = [];
    for (let i = 0; i < 3; i++) clients.push(await clientWithHomework(app.http, owner));
    for (const c of clients) await readPage(c.token);
    const rename = await as(app.http, owner)({ method: 'PATCH', url: '/api/v1/practice', payload: { name: 'Renamed Practice' } });
    expect(rename.statusCode).toBe(200);
    await remakeAll({ slice: 1 });
    for (const c of clients)
      expect(JSON.parse((await clientPages(deps()).keptOnly('json', c.token))?.toString() ?? '{}').practiceName).toBe('Renamed Practice');
    // The hash is what the walk goes by; the link itself is never stored.
    expect(
      await database().db.selectFrom('client_page_snapshots').select('token_hash').where('token_hash', '=', clients[0].token).execute(),
    ).toEqual([]);
    expect(hashToken(clients[0].token)).not.toBe(clients[0].token);
  });
});
