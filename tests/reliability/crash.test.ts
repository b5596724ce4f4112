// Nothing lost under faults: a server killed with SIGKILL mid-burst keeps every check-in it
// answered 2xx for, and an online backup taken while the app serves restores consistent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.js';
import { startCarryover } from '../../bench/servers.js';
import { backupSqlite } from '../../src/server/backup.js';
import { openDatabase } from '../../src/server/db/index.js';
import { localDay } from '../../src/server/local-time.js';

describe('under faults', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'carryover-crash-'));
  const file = join(dir, 'crash.sqlite');
  let data: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    const database = await openDatabase({ url: `file:${file}`, dataDir: dir });
    data = await generate(
      database.db,
      { practices: 2, clientsPerPractice: 30, sessionsPerClient: 1, checkInsPerHomework: 0 },
      { label: 'crash data', linksPerPractice: 30 },
    );
    await database.close();
  });
  afterAll(() => {});

  function checkIn(url: string, n: number) {
    const link = data.links[n % data.links.length];
    const date = localDay(new Date(Date.now() - (Math.floor(n / data.links.length) % 14) * 86_400_000), 'America/New_York');
    return fetch(`${url}/api/v1/portal/${link.token}/checkins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ homeworkId: link.homeworkId, date, done: true }),
    })
      .then((res) => ({ ok: res.status >= 200 && res.status < 300, homeworkId: link.homeworkId, date }))
      .catch(() => ({ ok: false, homeworkId: link.homeworkId, date }));
  }

  it('keeps every check-in that got a 2xx when the server is killed with SIGKILL mid-burst', async () => {
    const server = await startCarryover({ DATABASE_URL: `file:${file}`, DATA_DIR: dir });
    const sent: Promise<{ ok: boolean; homeworkId: string; date: string }>[] = [];
    let n = 0;
    let acked = 0;
    const burst = setInterval(() => {
      for (let k = 0; k < 20; k++)
        sent.push(
          checkIn(server.url, n++).then((r) => {
            if (r.ok) acked++;
            return r;
          }),
        );
    }, 5);
    // Kill it mid-burst, once it has answered plenty (a busy machine answers slower).
    for (let waited = 0; acked < 100 && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGKILL');
    clearInterval(burst);
    const results = await Promise.all(sent);
    const acknowledged = results.filter((r) => r.ok);
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(results.some((r) => !r.ok)).toBe(true);

    // Restart on the same file: SQLite recovers from its write-ahead log.
    const again = await startCarryover({ DATABASE_URL: `file:${file}`, DATA_DIR: dir });
    const db = new SQLite(file, { readonly: true });
    const stored = new Set(
      (db.prepare('select homework_id, date from check_ins where done = 1').all() as { homework_id: string; date: string }[]).map(
        (r) => `${r.homework_id}|${r.date}`,
      ),
    );
    db.close();
    const lost = acknowledged.filter((r) => !stored.has(`${r.homeworkId}|${r.date}`));
    expect(lost).toEqual([]);
    await again.stop();
  });

  it('takes an online backup while check-ins keep arriving, and the copy is consistent', async () => {
    const server = await startCarryover({ DATABASE_URL: `file:${file}`, DATA_DIR: dir });
    let n = 10_000;
    let running = true;
    const traffic = (async () => {
      while (running) await Promise.all(Array.from({ length: 10 }, () => checkIn(server.url, n++)));
    })();
    await new Promise((r) => setTimeout(r, 300));
    const before = new SQLite(file, { readonly: true });
    const countAtStart = (before.prepare('select count(*) as n from check_ins').get() as { n: number }).n;
    before.close();
    const target = join(dir, 'backup', 'copy.sqlite');
    await backupSqlite(file, target);
    running = false;
    await traffic;
    await server.stop();
    const copy = new SQLite(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('foreign_key_check')).toEqual([]);
    expect((copy.prepare('select count(*) as n from check_ins').get() as { n: number }).n).toBeGreaterThanOrEqual(countAtStart);
    expect((copy.prepare('select count(*) as n from clients').get() as { n: number }).n).toBe(60);
    copy.close();
    // The restored copy starts as a working app.
    const restored = await startCarryover({ DATABASE_URL: `file:${target}`, DATA_DIR: join(dir, 'backup') });
    const page = await fetch(`${restored.url}/api/v1/portal/${data.links[0].token}`);
    expect(page.status).toBe(200);
    await restored.stop();
  });
});
