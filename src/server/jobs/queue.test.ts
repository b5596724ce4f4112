import pino from 'pino';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { testClock } from '../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { openDatabase } from '../db/index.js';
import { enqueueJob, jobKind } from './queue.js';
import { createJobRunner } from './runner.js';

const log = pino({ level: 'silent' });
const count = jobKind('count', z.object({ n: z.number().int() }));
const flaky = jobKind('flaky', z.object({}).strip());
const once = jobKind('once', z.object({}).strip());

describeEachDatabase('scheduled jobs', (database, dialect) => {
  it('runs each job exactly once when two app instances race for them', async () => {
    const clock = testClock();
    const { db } = database();
    for (let i = 0; i < 60; i++) await enqueueJob(db, clock, count, { payload: { n: i } });
    // The second instance has its own connection pool, as a second process would.
    const second = dialect === 'postgres' ? await openDatabase({ url: database().url, dataDir: '' }) : database();
    const runs: number[] = [];
    const handlers = {
      count: async (p: string) => {
        runs.push(count.read(p).n);
        await new Promise((r) => setTimeout(r, 1));
      },
    };
    const one = createJobRunner({ db, clock, handlers, log });
    const two = createJobRunner({ db: second.db, clock, handlers, log });
    const [a, b] = await Promise.all([one.runDue(), two.runDue()]);
    expect(a + b).toBe(60);
    expect(runs.sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    if (dialect === 'postgres') {
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      await second.close();
    }
  });

  it('waits for a job scheduled later, retries a failure with backoff, and dedupes by key', async () => {
    const clock = testClock('2026-05-01T08:00:00.000Z');
    const { db } = database();
    await db.deleteFrom('jobs').execute();
    let attempts = 0;
    const runner = createJobRunner({
      db,
      clock,
      log,
      handlers: {
        flaky: async () => {
          attempts++;
          if (attempts < 3) throw new Error('not yet');
        },
      },
    });
    await enqueueJob(db, clock, flaky, { payload: {}, runAt: new Date('2026-05-01T09:00:00.000Z'), uniqueKey: 'flaky:1' });
    await enqueueJob(db, clock, flaky, { payload: {}, runAt: new Date('2026-05-01T09:00:00.000Z'), uniqueKey: 'flaky:1' });
    expect(await runner.runDue()).toBe(0);
    clock.set('2026-05-01T09:00:00.000Z');
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0); // backing off
    clock.advance(31_000);
    await runner.runDue();
    clock.advance(61_000);
    await runner.runDue();
    expect(attempts).toBe(3);
    const job = await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    expect(await db.selectFrom('jobs').select('id').execute()).toHaveLength(1);
  });

  it('takes back a job whose worker died mid-run once its lease expires', async () => {
    const clock = testClock();
    const { db } = database();
    await db.deleteFrom('jobs').execute();
    await enqueueJob(db, clock, once, { payload: {} });
    const { claimDueJob } = await import('./queue.js');
    expect(await claimDueJob(db, clock, 'dead-worker', 60)).not.toBeNull();
    let ran = 0;
    const runner = createJobRunner({
      db,
      clock,
      log,
      handlers: {
        once: async () => {
          ran++;
        },
      },
    });
    expect(await runner.runDue()).toBe(0);
    clock.advance(61_000);
    expect(await runner.runDue()).toBe(1);
    expect(ran).toBe(1);
  });

  it('refuses to queue a payload that does not fit its kind, and fails at once (no retries) a stored one that does not', async () => {
    const clock = testClock();
    const { db } = database();
    await db.deleteFrom('jobs').execute();
    await expect(enqueueJob(db, clock, count, { payload: { n: 'one' } as never })).rejects.toThrow();
    await enqueueJob(db, clock, count, { payload: { n: 1 }, maxAttempts: 5 });
    await enqueueJob(db, clock, count, { payload: { n: 2 }, maxAttempts: 5 });
    // One row as an older version or a hand edit might have left it.
    const [first] = await db.selectFrom('jobs').select('id').where('payload', '=', '{"n":1}').execute();
    await db.updateTable('jobs').set({ payload: '{"n":"one"}' }).where('id', '=', first.id).execute();
    const ran: number[] = [];
    const runner = createJobRunner({ db, clock, log, handlers: { count: async (p) => void ran.push(count.read(p).n) } });
    expect(await runner.runDue()).toBe(2);
    expect(ran).toEqual([2]);
    const bad = await db.selectFrom('jobs').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(bad.status).toBe('failed');
    expect(bad.attempts).toBe(1);
    expect(bad.last_error).toMatch(/count job payload.*\bn\b/);
    expect(bad.last_error).not.toContain('one');
  });
});
