import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Db } from '../db/index.js';
import { checkedReader } from '../db/stored.js';

/** A kind of job and the shape of its payload: checked when queued and again when read back. */
export interface JobKind<P> {
  readonly name: string;
  readonly payload: z.ZodType<P>;
  /** Reads a stored payload; throws StoredDocumentError when it does not fit (the job then fails at once). */
  readonly read: (text: string) => P;
}

export function jobKind<P>(name: string, payload: z.ZodType<P>): JobKind<P> {
  return { name, payload, read: checkedReader(`${name} job payload`, payload) };
}

export interface NewJob<P> {
  payload: P;
  /** The client the job is about: deleting the client deletes their jobs by this column. */
  clientId?: string | null;
  runAt?: Date;
  /** Two jobs with one key are one job: the second enqueue is ignored. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/** Adds a job; pass the transaction of the change that caused it so both land or neither. */
export async function enqueueJob<P>(db: Db, clock: Clock, kind: JobKind<P>, job: NewJob<P>): Promise<void> {
  const now = clock.now().toISOString();
  const insert = db.insertInto('jobs').values({
    id: randomUUID(),
    kind: kind.name,
    payload: JSON.stringify(kind.payload.parse(job.payload)),
    unique_key: job.uniqueKey ?? null,
    client_id: job.clientId ?? null,
    run_at: (job.runAt ?? clock.now()).toISOString(),
    status: 'pending',
    attempts: 0,
    max_attempts: job.maxAttempts ?? 10,
    created_at: now,
  });
  await (job.uniqueKey ? insert.onConflict((oc) => oc.column('unique_key').doNothing()) : insert).execute();
}

export interface ClaimedJob {
  id: string;
  kind: string;
  /** The payload as stored; the handler reads it through its kind's checked reader. */
  payload: string;
  attempts: number;
  maxAttempts: number;
}

/**
 * Claims one due job for this worker. The claim is a conditional UPDATE, so when two
 * instances race for one row exactly one of them sees a changed row and runs it.
 */
export async function claimDueJob(db: Db, clock: Clock, workerId: string, leaseSeconds = 60): Promise<ClaimedJob | null> {
  const now = clock.now();
  const nowIso = now.toISOString();
  for (let tries = 0; tries < 5; tries++) {
    const candidate = await db
      .selectFrom('jobs')
      .select(['id', 'kind', 'payload', 'attempts', 'max_attempts', 'status', 'locked_until'])
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]),
          // A worker that died mid-job leaves it running with an expired lease.
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)]),
        ]),
      )
      .orderBy('run_at')
      .limit(1)
      .executeTakeFirst();
    if (!candidate) return null;
    const result = await db
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: workerId,
        locked_until: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
        attempts: candidate.attempts + 1,
      })
      .where('id', '=', candidate.id)
      .where('status', '=', candidate.status)
      .where('attempts', '=', candidate.attempts)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) {
      return {
        id: candidate.id,
        kind: candidate.kind,
        payload: candidate.payload,
        attempts: candidate.attempts + 1,
        maxAttempts: candidate.max_attempts,
      };
    }
  }
  return null;
}

export async function completeJob(db: Db, clock: Clock, id: string, workerId: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: clock.now().toISOString(), locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/**
 * Backoff doubles from 30 s up to an hour; past maxAttempts (or at once with `giveUp`, for a job
 * that can never run, such as one whose payload does not read) the job is failed for a person to look at.
 */
export async function failJob(
  db: Db,
  clock: Clock,
  job: ClaimedJob,
  workerId: string,
  error: string,
  opts: { giveUp?: boolean } = {},
): Promise<void> {
  const giveUp = opts.giveUp || job.attempts >= job.maxAttempts;
  const delay = Math.min(3600, 30 * 2 ** (job.attempts - 1));
  await db
    .updateTable('jobs')
    .set({
      status: giveUp ? 'failed' : 'pending',
      run_at: new Date(clock.now().getTime() + delay * 1000).toISOString(),
      locked_until: null,
      last_error: error.slice(0, 500),
      finished_at: giveUp ? clock.now().toISOString() : null,
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .execute();
}
