import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { Db } from '../db/index.js';
import { StoredDocumentError } from '../db/stored.js';
import { claimDueJob, completeJob, failJob } from './queue.js';

/** Runs one job from its stored payload text, which it reads through its kind (`kind.read(payload)`). */
export type JobHandler = (payload: string) => Promise<void>;

export interface JobRunner {
  /** Runs every job due now, one at a time; resolves with how many ran. Tests call this directly. */
  runDue(): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
  readonly workerId: string;
}

export function createJobRunner(opts: { db: Db; clock: Clock; handlers: Record<string, JobHandler>; log: FastifyBaseLogger }): JobRunner {
  const workerId = randomUUID();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function runDue(): Promise<number> {
    let ran = 0;
    while (!stopped) {
      const job = await claimDueJob(opts.db, opts.clock, workerId);
      if (!job) break;
      ran++;
      const handler = opts.handlers[job.kind];
      try {
        if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
        await handler(job.payload);
        await completeJob(opts.db, opts.clock, job.id, workerId);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        opts.log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: message }, 'job failed');
        // A payload that does not read will not read next time either: no retries.
        await failJob(opts.db, opts.clock, job, workerId, message, { giveUp: err instanceof StoredDocumentError });
      }
    }
    return ran;
  }

  const tick = (intervalMs: number) => {
    if (stopped) return;
    running = runDue().catch((err) => {
      opts.log.error({ err: String(err) }, 'job runner tick failed');
      return 0;
    });
    running.finally(() => {
      if (!stopped) timer = setTimeout(() => tick(intervalMs), intervalMs);
    });
  };

  return {
    workerId,
    runDue,
    start(intervalMs = 1000) {
      stopped = false;
      tick(intervalMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
