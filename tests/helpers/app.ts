import { mkdtempSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, buildApp } from '../../src/server/app.js';
import type { Clock } from '../../src/server/clock.js';
import { type Config, loadConfig } from '../../src/server/config.js';
import type { DatabaseHandle } from '../../src/server/db/index.js';
import { type MailTransport, mailboxTransport } from '../../src/server/email/transport.js';
import { diskStorage } from '../../src/server/storage/storage.js';

/** A clock tests can move. */
export function testClock(start = '2026-03-02T15:00:00.000Z'): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso) => {
      now = new Date(iso);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', PUBLIC_URL: 'http://carryover.test', ...env });
}

export async function buildTestApp(opts: {
  database: DatabaseHandle;
  clock?: Clock;
  transport?: MailTransport;
  env?: Record<string, string>;
}): Promise<App & { clock: Clock; storageFiles(): Promise<string[]> }> {
  const clock = opts.clock ?? testClock();
  const storageRoot = mkdtempSync(join(tmpdir(), 'carryover-files-'));
  const app = await buildApp({
    db: opts.database.db,
    dialect: opts.database.dialect,
    clock,
    config: testConfig(opts.env),
    transport: opts.transport ?? mailboxTransport,
    storage: diskStorage(storageRoot),
  });
  await app.http.ready();
  const storageFiles = async () =>
    (await readdir(storageRoot, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return { ...app, clock, storageFiles };
}
