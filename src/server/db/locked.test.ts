import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Another process holding SQLite's write lock (a backup tool, the sqlite3 shell): reads answer at
// once, a write answers 503 with Retry-After within a moment, and /healthz says which part is stuck.
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testConfig } from '../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { createClient } from '../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../tests/helpers/session.js';
import { buildApp } from '../app.js';
import { mailboxTransport } from '../email/transport.js';
import { diskStorage } from '../storage/storage.js';

describeEachDatabase('A busy or broken database', (database, dialect) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http);
    await createClient(app.http, owner);
  });
  afterAll(() => app.http.close());

  const timed = async (run: () => Promise<{ statusCode: number; headers: Record<string, unknown>; json(): any }>) => {
    const started = performance.now();
    const res = await run();
    return { res, ms: performance.now() - started };
  };

  it('reports a healthy database and disk', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, database: { reads: 'ok', writes: 'ok' }, disk: { writes: 'ok' } });
  });

  it.runIf(dialect === 'sqlite')('while another connection holds the write lock: reads answer, a write gets 503 quickly', async () => {
    const other = new SQLite(database().url.replace(/^file:/, ''));
    other.exec('BEGIN IMMEDIATE');
    try {
      const call = as(app.http, owner);
      const read = await timed(() => call({ method: 'GET', url: '/api/v1/clients' }));
      expect(read.res.statusCode).toBe(200);
      expect(read.res.json().clients.length).toBe(1);
      expect(read.ms).toBeLessThan(1000);

      const write = await timed(() => call({ method: 'PATCH', url: '/api/v1/practice', payload: { name: 'Renamed while locked' } }));
      expect(write.res.statusCode).toBe(503);
      expect(write.res.headers['retry-after']).toBe('2');
      expect(write.res.json().error.code).toBe('busy');
      expect(write.ms).toBeLessThan(2000);

      const health = await timed(() => app.http.inject({ method: 'GET', url: '/healthz' }));
      expect(health.res.statusCode).toBe(503);
      expect(health.res.json()).toMatchObject({ ok: false, database: { reads: 'ok', writes: 'failed' }, disk: { writes: 'ok' } });
      expect(health.ms).toBeLessThan(2000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const after = await as(app.http, owner)({ method: 'PATCH', url: '/api/v1/practice', payload: { name: 'Renamed after' } });
    expect(after.statusCode).toBe(200);
    expect((await app.http.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('answers 503 naming the disk when files cannot be written (full or read-only disk)', async () => {
    const notAFolder = join(mkdtempSync(join(tmpdir(), 'carryover-disk-')), 'a-file');
    writeFileSync(notAFolder, 'x');
    const broken = await buildApp({
      db: database().db,
      dialect,
      clock: app.clock,
      config: testConfig(),
      transport: mailboxTransport,
      // A folder that cannot exist (its parent is a file) refuses every write, as a full disk would.
      storage: diskStorage(join(notAFolder, 'files')),
    });
    const res = await broken.http.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ ok: false, database: { reads: 'ok', writes: 'ok' }, disk: { writes: 'failed' } });
    await broken.http.close();
  });
});
